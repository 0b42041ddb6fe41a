import {
  type DayDose,
  type DoseCounts,
  doseHistory,
  historyBucket,
  suggestSite,
  Temporal,
} from "@trellis/domain";
import { Fragment, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { cycleDayLabel } from "../../app/format.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, todayIso } from "../../app/time.ts";
import { useNow } from "../../app/use-now.ts";
import { useForm } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { DoseForm } from "./DoseForm.tsx";
import { useLogDose } from "./log-dose.ts";

const ORDER: readonly (keyof DoseCounts)[] = ["taken", "partial", "skipped", "missed", "open"];

/**
 * Every planned dose of a cycle so far, newest day first, each with what
 * happened (taken, partly taken, skipped, not logged), when and where; a bar
 * of the whole at the top to take in at a glance. A dose not logged can be
 * logged here with its real time.
 */
export function DoseHistory({ cycleId }: { cycleId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const now = useNow();
  const zone = deviceZone();
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) {
    return (
      <Page title={t("doses.history.title")}>
        <p className="card empty">{t("cycle.notFound")}</p>
      </Page>
    );
  }
  const history = doseHistory(state, cycleId, { zone, today: todayIso(zone), nowMs: now });
  const total = ORDER.reduce((n, k) => n + history.counts[k], 0);

  return (
    <Page title={t("doses.history.title")} intro={cycle.protocolName}>
      <ReadOnlyNote />
      {total === 0 ? (
        <p className="card empty">{t("doses.history.none")}</p>
      ) : (
        <section className="card stack-tight" aria-labelledby="dose-summary">
          <h2 id="dose-summary">{t("doses.history.summary")}</h2>
          <div className="dose-bar" aria-hidden="true">
            {ORDER.filter((k) => history.counts[k] > 0).map((k) => (
              <span
                key={k}
                className={`dose-bar-part dose-mark-${k}`}
                style={{ flexGrow: history.counts[k] }}
              />
            ))}
          </div>
          <ul className="plain-list dose-legend">
            {ORDER.filter((k) => history.counts[k] > 0).map((k) => (
              <li key={k}>
                <span className={`dose-mark dose-mark-${k}`} aria-hidden="true" />
                {t("doses.history.count", {
                  state: t(`doses.history.state.${k}`),
                  count: i18n.number(history.counts[k]),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {[...history.days].reverse().map((day) => {
        const label = cycleDayLabel(i18n, cycle, day.date);
        const title = [i18n.day(day.date), label].filter(Boolean).join(" · ");
        return (
          <section key={day.date} className="card" aria-label={title}>
            <h2 className="dose-day">{title}</h2>
            <table className="dose-table">
              <thead>
                <tr>
                  <th scope="col">{t("doses.history.col.time")}</th>
                  <th scope="col">{t("doses.history.col.medicine")}</th>
                  <th scope="col">{t("doses.history.col.state")}</th>
                </tr>
              </thead>
              <tbody>
                {day.doses.map((d) => (
                  <HistoryRow key={d.key} dose={d} />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Page>
  );
}

/** One dose in the table: planned time, medicine, what happened (and where); "Log it" when nothing was. */
function HistoryRow({ dose }: { dose: DayDose }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const canRecord = useCanRecord();
  const id = useId();
  const tap = useForm({ formLine: "toast" });
  const [open, setOpen] = useState(false);
  const log = useLogDose(dose, tap, () => setOpen(false));
  const zone = deviceZone();
  const bucket = historyBucket(dose.status)!;
  const time = i18n.time(dose.epochMs, zone);
  const takenAt =
    dose.log && dose.log.status !== "skipped"
      ? i18n.time(Temporal.ZonedDateTime.from(dose.log.takenAt).epochMilliseconds, zone)
      : null;
  return (
    <Fragment>
      <tr className={`dose-row-${bucket}`}>
        <td>{time}</td>
        <td>
          <span className="dose-table-name">{dose.medicationName}</span>
          <span className="muted small">{i18n.dose(dose.log?.amount ?? dose.dose)}</span>
        </td>
        <td>
          <span className={`dose-mark dose-mark-${bucket}`} aria-hidden="true" />
          {t(`doses.history.state.${bucket}`)}
          {takenAt && ` ${t("doses.history.takenAt", { time: takenAt })}`}
          {dose.log?.site && (
            <span className="muted small dose-table-site">{t(`site.${dose.log.site}`)}</span>
          )}
          {!dose.log && canRecord && (
            <button
              type="button"
              className="button button-quiet dose-table-log"
              aria-expanded={open}
              aria-controls={`${id}-form`}
              aria-label={t("doses.logIt.label", { name: dose.medicationName, time })}
              onClick={() => setOpen((o) => !o)}
            >
              {t("doses.logIt")}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={3}>
            <DoseForm
              id={`${id}-form`}
              dose={dose}
              suggested={suggestSite(state, dose.route)}
              onSave={log}
              onCancel={() => setOpen(false)}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
