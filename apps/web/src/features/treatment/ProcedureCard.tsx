import type { Cycle, ProcedureDay } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { when } from "../../app/format.ts";
import { routes } from "../../app/routes.ts";
import { deviceZone } from "../../app/time.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";

/** "2 hours and 10 minutes": a trigger's distance from its planned time, in words. */
export function duration(i18n: I18n, totalMinutes: number): string {
  const m = Math.abs(totalMinutes);
  return i18n.t("today.duration", { hours: Math.floor(m / 60), minutes: m % 60 });
}

/**
 * A retrieval or insemination coming up: the clinic's time (booked, or the
 * planned trigger plus their interval), a trigger logged off its plan said
 * plainly so the person can tell the clinic, and the day before and on the
 * day, what to expect (docs/clinical-reference.md §6, §8.1).
 */
export function ProcedureCard({ cycle, day }: { cycle: Cycle; day: ProcedureDay }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const zone = deviceZone();
  const p = day.procedure;
  const iui = p.kind === "insemination";
  const offTime = p.triggerTiming === "late" || p.triggerTiming === "early";
  return (
    <section className="card highlight stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="big-line">
        {t(iui ? "today.procedure.iui" : "today.procedure", { when: when(i18n, p.at, zone) })}
      </h2>
      {offTime && (
        <p className="notice">
          {t(p.triggerTiming === "late" ? "today.procedure.late" : "today.procedure.early", {
            duration: duration(i18n, p.triggerOffsetMinutes!),
            procedure: p.kind,
          })}
        </p>
      )}
      {p.basedOn === "appointment" ? (
        <p className="small">{t("today.procedure.booked")}</p>
      ) : (
        <>
          <p className="small">
            {t("today.procedure.fromPlan", { hours: i18n.number(p.hoursAfterTrigger) })}
          </p>
          <WhenCanRecord>
            <p className="small">
              <Link href={routes.cycle.monitoring(cycle.id)}>
                {t("today.procedure.addBooking")}
              </Link>
            </p>
          </WhenCanRecord>
        </>
      )}
      {day.whatToExpect && (
        <>
          <h3>{t("today.expect.title")}</h3>
          <ul>
            <li>{t("today.expect.fasting")}</li>
            <li>{t("today.expect.home")}</li>
            <li>{t("today.expect.after")}</li>
            <li>{t("today.expect.call")}</li>
            <li>{t("today.expect.emergency")}</li>
          </ul>
        </>
      )}
    </section>
  );
}
