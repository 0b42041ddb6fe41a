import { type DayDose, suggestSite, Temporal } from "@trellis/domain";
import { useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone } from "../../app/time.ts";
import { QuietButton, useForm } from "../../components/forms/index.ts";
import { LoggedBy } from "../../components/LoggedBy.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { DoseForm } from "./DoseForm.tsx";
import { useLogDose } from "./log-dose.ts";

/**
 * One planned dose on Today: what, when, and a one-tap "Taken" with undo;
 * "More" for the rest. A dose past its window with nothing logged says so
 * plainly ("Yesterday 9 PM: not logged") and offers "Log it" (the form, at
 * its planned time) and "It was skipped" instead of "Taken now". A viewer
 * sees what and when, and "More" only to read what was logged.
 */
export function DoseRow({ dose, yesterday = false }: { dose: DayDose; yesterday?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const canRecord = useCanRecord();
  const id = useId();
  // The one tap and undo have no form around them: a refusal is said in a toast.
  const tap = useForm({ formLine: "toast" });
  const zone = deviceZone();
  const [open, setOpen] = useState(false);
  const suggested = suggestSite(state, dose.route);
  const time = i18n.time(dose.epochMs, zone);
  const name = dose.medicationName;
  const logged = dose.log !== null;
  const missed = dose.status === "missed";
  const log = useLogDose(dose, tap, () => setOpen(false));

  const statusText = (() => {
    if (dose.log && dose.status !== "skipped") {
      const at = i18n.time(Temporal.ZonedDateTime.from(dose.log.takenAt).epochMilliseconds, zone);
      return t(`doses.status.${dose.status as "taken" | "partial"}`, { time: at });
    }
    if (dose.status === "skipped") return t("doses.status.skipped");
    if (missed)
      return t(yesterday ? "doses.status.missed.yesterday" : "doses.status.missed", { time });
    return t(`doses.status.${dose.status as "upcoming" | "due" | "overdue"}`, { time });
  })();

  const exact = dose.timeCritical
    ? dose.keepsInstant
      ? t("doses.exactTime.travel", {
          home: state.journey!.homeZone.split("/").pop()!.replaceAll("_", " "),
          homeTime: i18n.time(dose.epochMs, state.journey!.homeZone),
        })
      : t("doses.exactTime")
    : null;

  return (
    <li className={`card dose dose-${dose.status}`} data-dose-key={dose.key} tabIndex={-1}>
      <div className="dose-main">
        <div className="dose-text">
          <p className="dose-name">{name}</p>
          <p className="dose-detail">
            {i18n.dose(dose.log?.amount ?? dose.dose)}
            {exact && <span className="badge">{exact}</span>}
          </p>
          <p className="dose-status">
            {statusText}
            {dose.log && <LoggedBy eventId={dose.log.eventId} />}
          </p>
        </div>
        {!logged && !missed && canRecord && (
          <button
            type="button"
            className="button button-primary dose-tap"
            aria-label={t("doses.logTaken.label", { name, dose: i18n.dose(dose.dose) })}
            onClick={() => void log(tap, { status: "taken", site: suggested })}
          >
            {t("doses.logTaken")}
          </button>
        )}
      </div>
      {missed && canRecord && (
        <div className="row dose-missed-actions">
          <button
            type="button"
            className="button button-primary"
            aria-expanded={open}
            aria-controls={`${id}-more`}
            aria-label={t("doses.logIt.label", { name, time })}
            onClick={() => setOpen((o) => !o)}
          >
            {t("doses.logIt")}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t("doses.wasSkipped.label", { name, time })}
            onClick={() => void log(tap, { status: "skipped" })}
          >
            {t("doses.wasSkipped")}
          </button>
        </div>
      )}
      {!missed && (logged || canRecord) && (
        <div className="row">
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open}
            aria-controls={`${id}-more`}
            aria-label={t("doses.more.label", { name, time })}
            onClick={() => setOpen((o) => !o)}
          >
            {t("doses.more")}
          </button>
          {dose.log && canRecord && (
            <QuietButton
              label={t("doses.undoLog")}
              onClick={() => void tap.record("DoseLogRetracted", { doseId: dose.log!.id })}
            />
          )}
        </div>
      )}
      {open && !logged && canRecord && (
        <DoseForm
          id={`${id}-more`}
          dose={dose}
          suggested={suggested}
          onSave={log}
          onCancel={() => setOpen(false)}
        />
      )}
      {open && logged && dose.log && (
        <div id={`${id}-more`} className="small muted">
          {dose.log.site && <p>{`${t("doses.site")}: ${t(`site.${dose.log.site}`)}`}</p>}
          {dose.log.note && <p>{dose.log.note}</p>}
        </div>
      )}
    </li>
  );
}
