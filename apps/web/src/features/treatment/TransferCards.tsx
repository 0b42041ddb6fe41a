import type { BetaTestDay, Recipient, TransferDay, TransferWait } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { when } from "../../app/format.ts";
import { routes } from "../../app/routes.ts";
import { deviceZone, epochMsOf } from "../../app/time.ts";
import { useI18n } from "../../i18n/i18n.tsx";

const transfersHref = (transferId: string | null) =>
  transferId ? routes.transfers.detail(transferId) : routes.transfers.list;

/** When the beta is: booked, or only the typical days, said as typical (docs/clinical-reference.md §4, §7). */
function TestLine({ test }: { test: BetaTestDay }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (test.source === "booked")
    return <p>{t("today.test.booked", { when: when(i18n, test.at, deviceZone()) })}</p>;
  return (
    <p>
      {t("today.test.typical", {
        from: i18n.number(test.daysAfter.from),
        to: i18n.number(test.daysAfter.to),
        fromDate: i18n.day(test.from),
        toDate: i18n.day(test.to),
      })}
    </p>
  );
}

function whoseTransfer(recipient: Recipient, at: string | null, i18n: ReturnType<typeof useI18n>) {
  const time = at ? i18n.time(epochMsOf(at), deviceZone()) : null;
  if (recipient.kind === "carrier") {
    return time
      ? i18n.t("today.transferDay.carrier.at", { name: recipient.name, time })
      : i18n.t("today.transferDay.carrier", { name: recipient.name });
  }
  return time ? i18n.t("today.transferDay.self.at", { time }) : i18n.t("today.transferDay.self");
}

/** A transfer today: planned (with the clinic's time if booked) or done (with when the test is). */
export function TransferDayCard({ day }: { day: TransferDay }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  return (
    <section className="card highlight stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("today.transferDay.title")}</h2>
      <p className="big-line">{whoseTransfer(day.recipient, day.at, i18n)}</p>
      {day.status === "done" ? (
        <>
          <p>{t("today.transferDay.done")}</p>
          {day.test && <TestLine test={day.test} />}
        </>
      ) : (
        <p className="small">{t("today.transferDay.planned")}</p>
      )}
      <p className="small">
        <Link href={transfersHref(day.transferId)}>{t("today.transfers.open")}</Link>
      </p>
    </section>
  );
}

/**
 * The days after a transfer, said gently and without a countdown, then the
 * test day. Never shown in quiet mode or after a loss until the person asks
 * for pregnancy details again (the domain leaves them out).
 */
export function TransferWaitCard({ wait }: { wait: TransferWait }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const test = wait.test;
  if (wait.phase === "test-day") {
    return (
      <section className="card highlight stack-tight" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("today.testDay.title")}</h2>
        <p className="big-line">
          {test.source === "booked"
            ? t("today.testDay.booked", { time: i18n.time(epochMsOf(test.at), deviceZone()) })
            : t("today.testDay.typical")}
        </p>
        <p className="small">{t("today.testDay.after")}</p>
        <p className="small">
          <Link href={transfersHref(wait.transferId)}>{t("today.transfers.open")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {wait.recipient.kind === "carrier"
          ? t("today.wait.title.carrier", { name: wait.recipient.name })
          : t("today.wait.title")}
      </h2>
      <TestLine test={test} />
      <p className="muted">{t("today.wait.gentle")}</p>
    </section>
  );
}
