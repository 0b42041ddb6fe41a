import {
  activeCycles,
  daySchedule,
  inventory,
  nextAppointment,
  procedureTime,
  Temporal,
  visibleNotes,
} from "@trellis/domain";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../app/client-context.tsx";
import { cycleDayLabel, when } from "../app/format.ts";
import { useCanRecord } from "../app/sync-context.tsx";
import { deviceZone, epochMsOf, todayIso } from "../app/time.ts";
import { useNow } from "../app/use-now.ts";
import { Page } from "../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../components/ReadOnly.tsx";
import { SafetyNotice } from "../components/wellbeing/SafetyNotice.tsx";
import { SymptomCheck } from "../components/wellbeing/SymptomCheck.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { FeesDue } from "./embryos/FeesDue.tsx";
import { DoseRow } from "./today/DoseRow.tsx";

export function Today() {
  const i18n = useI18n();
  const { t, longDate, dateTime } = i18n;
  const state = useJourneyState();
  const now = useNow();
  const canRecord = useCanRecord();
  const journey = state.journey!;
  const zone = deviceZone();
  const date = todayIso(zone);
  const cycles = activeCycles(state);
  const doses = daySchedule(state, { zone, date, nowMs: now });
  const appointment = nextAppointment(state, now);
  const stock = cycles.length
    ? inventory(state, { zone, nowMs: now, warnDays: state.preferences.inventoryWarningDays })
    : [];
  const lowStock = stock.filter((s) => s.warn);
  const latest = visibleNotes(state)[0];
  const procedures = cycles
    .map((c) => ({ cycle: c, p: procedureTime(state, c.id) }))
    .filter(
      ({ p }) => p && Temporal.ZonedDateTime.from(p.at).epochMilliseconds > now - 3 * 3600_000,
    );

  return (
    <Page
      title={t("today.title")}
      intro={
        <>
          {journey.displayName && (
            <span>{t("today.greeting", { name: journey.displayName })} </span>
          )}
          <span>{longDate(now, zone)}</span>
        </>
      }
    >
      <SafetyNotice />

      {cycles.map((c) => {
        const day = cycleDayLabel(i18n, c, date);
        return (
          <p key={c.id} className="cycle-line">
            <Link href={`/cycle/${c.id}`}>
              {day ? t("today.cycleLine", { protocol: c.protocolName, day }) : c.protocolName}
            </Link>
          </p>
        );
      })}

      <ReadOnlyNote />

      {procedures.map(({ cycle, p }) => (
        <section
          key={cycle.id}
          className="card highlight"
          aria-label={t(
            cycle.cycleType === "iui" ? "reminder.procedure.iui" : "reminder.procedure",
          )}
        >
          <p className="big-line">
            {t(cycle.cycleType === "iui" ? "today.procedure.iui" : "today.procedure", {
              when: when(i18n, p!.at, zone),
            })}
          </p>
          <p className="small">
            {t("today.procedure.hint", { hours: i18n.number(p!.hoursAfterTrigger) })}
          </p>
        </section>
      ))}

      {cycles.length > 0 ? (
        <section aria-labelledby="doses-title" className="stack-tight">
          <h2 id="doses-title">{t("doses.title")}</h2>
          {doses.length === 0 ? (
            <p className="card empty">{t("doses.none")}</p>
          ) : (
            <ul className="plain-list doses">
              {doses.map((d) => (
                <DoseRow key={d.key} dose={d} />
              ))}
            </ul>
          )}
        </section>
      ) : (
        <section className="card empty" aria-labelledby="today-empty">
          <h2 id="today-empty">{t("today.empty.title")}</h2>
          <p>{t("today.empty.body")}</p>
          <WhenCanRecord>
            <Link className="button button-primary" href="/cycle/new">
              {t("cycle.start")}
            </Link>
          </WhenCanRecord>
        </section>
      )}

      {lowStock.length > 0 && (
        <section className="card notice" aria-label={t("supplies.title")}>
          {lowStock.map((s) => (
            <p key={`${s.medication.name}-${s.unit}`}>
              {s.remaining < 0
                ? t("supplies.warning.short", { name: s.medication.name })
                : t("supplies.warning", { name: s.medication.name, date: i18n.day(s.runsOutOn!) })}
            </p>
          ))}
          <Link href="/supplies">{t("cycle.links.supplies")}</Link>
        </section>
      )}

      <FeesDue />

      {appointment && (
        <section className="card" aria-labelledby="today-appointment">
          <h2 id="today-appointment">{t("today.nextAppointment")}</h2>
          <p className="big-line">{when(i18n, appointment.at, zone)}</p>
          {appointment.place && <p className="muted">{appointment.place}</p>}
        </section>
      )}

      <WhenCanRecord>
        <FeelingCheck cycleId={cycles[0]?.id} />
      </WhenCanRecord>

      {latest && (
        <section className="card" aria-labelledby="today-latest">
          <h2 id="today-latest">{t(canRecord ? "today.lastNote" : "today.lastNote.shared")}</h2>
          <p className="muted small">{dateTime(epochMsOf(latest.writtenAt), journey.homeZone)}</p>
          <p className="note-text clamp">{latest.text}</p>
          <Link href="/journal">{t(canRecord ? "today.writeNote" : "today.readJournal")}</Link>
        </section>
      )}
    </Page>
  );
}

/** "How do you feel?" stays one line on Today until the person opens it. */
function FeelingCheck({ cycleId }: { cycleId: string | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // The button that opened the check is gone: put the keyboard at the check's first question.
    if (open)
      document.querySelector<HTMLElement>(".symptom-check input, .symptom-check button")?.focus();
  }, [open]);
  if (open) return <SymptomCheck {...(cycleId && { cycleId })} />;
  return (
    <section className="card feel" aria-labelledby="today-feel">
      <h2 id="today-feel">{t("today.feel")}</h2>
      <p className="hint">{t("today.feel.hint")}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t("today.feel.open")}
      </button>
    </section>
  );
}
