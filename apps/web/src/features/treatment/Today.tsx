import {
  activeCycles,
  daySchedule,
  inventory,
  missedYesterday,
  nextAppointment,
  todayAgenda,
  visibleNotes,
} from "@trellis/domain";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { cycleDayLabel, when } from "../../app/format.ts";
import { useReaderName } from "../../app/reader.ts";
import { routes } from "../../app/routes.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, epochMsOf } from "../../app/time.ts";
import { useNow } from "../../app/use-now.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CostsDue } from "../costs/index.ts";
import { FeesDue } from "../embryology/index.ts";
import { SafetyNotice } from "../wellbeing/index.ts";
import { AfterLossCard } from "./AfterLossCard.tsx";
import { CycleOverQuestion } from "./CycleOverQuestion.tsx";
import { useCalledDose } from "./called-dose.ts";
import { DoseRow } from "./DoseRow.tsx";
import { FeelingCheck } from "./FeelingCheck.tsx";
import { ProcedureCard } from "./ProcedureCard.tsx";
import { TransferDayCard, TransferWaitCard } from "./TransferCards.tsx";

/**
 * Today knows where the person is: a retrieval coming (and what to expect),
 * the days after it, a transfer, the wait and the test day, a quiet cycle to
 * close, or a loss, after which it offers remembrance and support instead of
 * "Start a cycle". The rules are the domain's (`todayAgenda`); this screen
 * only says them.
 */
export function Today() {
  const i18n = useI18n();
  const { t, longDate, dateTime } = i18n;
  const state = useJourneyState();
  const now = useNow();
  const canRecord = useCanRecord();
  const journey = state.journey!;
  const zone = deviceZone();
  const agenda = todayAgenda(state, { nowMs: now, zone });
  const date = agenda.today;
  const cycles = activeCycles(state);
  const doses = daySchedule(state, { zone, date, nowMs: now });
  useCalledDose();
  const fromYesterday = missedYesterday(state, { zone, today: date, nowMs: now });
  const appointment = nextAppointment(state, now);
  const stock = cycles.length
    ? inventory(state, { zone, nowMs: now, warnDays: state.preferences.inventoryWarningDays })
    : [];
  const lowStock = stock.filter((s) => s.warn);
  const latest = visibleNotes(state)[0];
  const afterRetrieval = agenda.afterRetrieval[0];

  const reader = useReaderName();

  return (
    <Page
      title={t("today.title")}
      intro={
        <>
          {reader && <span>{t("today.greeting", { name: reader })} </span>}
          <span>{longDate(now, zone)}</span>
        </>
      }
    >
      <SafetyNotice />

      {cycles.map((c) => {
        const day = cycleDayLabel(i18n, c, date);
        return (
          <p key={c.id} className="cycle-line">
            <Link href={routes.cycle.detail(c.id)}>
              {day ? t("today.cycleLine", { protocol: c.protocolName, day }) : c.protocolName}
            </Link>
          </p>
        );
      })}

      <ReadOnlyNote />

      {agenda.procedures.map((day) => (
        <ProcedureCard key={day.cycleId} cycle={state.cycles.get(day.cycleId)!} day={day} />
      ))}

      {agenda.transferDays.map((day, i) => (
        <TransferDayCard key={day.transferId ?? `booked-${i}`} day={day} />
      ))}

      {agenda.transferWaits.map((wait) => (
        <TransferWaitCard key={wait.transferId} wait={wait} />
      ))}

      {afterRetrieval && (
        <WhenCanRecord>
          <FeelingCheck cycleId={afterRetrieval.cycleId} afterRetrieval />
        </WhenCanRecord>
      )}

      {agenda.afterLoss && (
        <AfterLossCard offerStart={agenda.mainAction === "remembrance-and-support"} />
      )}

      <WhenCanRecord>
        {agenda.cyclesToAsk.map((quiet) => (
          <CycleOverQuestion
            key={quiet.cycleId}
            cycle={state.cycles.get(quiet.cycleId)!}
            quiet={quiet}
            today={date}
          />
        ))}
      </WhenCanRecord>

      {fromYesterday.length > 0 && (
        <section aria-labelledby="doses-yesterday" className="stack-tight doses-yesterday">
          <h2 id="doses-yesterday">{t("doses.yesterday.title")}</h2>
          {canRecord && <p className="muted small">{t("doses.yesterday.hint")}</p>}
          <ul className="plain-list doses">
            {fromYesterday.map((d) => (
              <DoseRow key={d.key} dose={d} yesterday />
            ))}
          </ul>
        </section>
      )}

      {agenda.mainAction === "doses" && (
        <section aria-labelledby="doses-title" className="stack-tight">
          <h2 id="doses-title">{t("doses.title")}</h2>
          {doses.length === 0 ? (
            <div className="card empty">
              <p>{t("doses.none")}</p>
            </div>
          ) : (
            <ul className="plain-list doses">
              {doses.map((d) => (
                <DoseRow key={d.key} dose={d} />
              ))}
            </ul>
          )}
        </section>
      )}
      {agenda.mainAction === "start-cycle" && (
        <section className="card empty" aria-labelledby="today-empty">
          <h2 id="today-empty">{t("today.empty.title")}</h2>
          <p>{t("today.empty.body")}</p>
          <WhenCanRecord>
            <Link className="button button-primary" href={routes.cycle.start}>
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
          <Link href={routes.supplies}>{t("cycle.links.supplies")}</Link>
        </section>
      )}

      <FeesDue />
      <CostsDue />

      {appointment && (
        <section className="card" aria-labelledby="today-appointment">
          <h2 id="today-appointment">{t("today.nextAppointment")}</h2>
          <p className="big-line">
            {t("today.appointment", {
              kind: t(`monitoring.kind.${appointment.kind}`),
              when: when(i18n, appointment.at, zone),
            })}
          </p>
          {appointment.place && <p className="muted">{appointment.place}</p>}
        </section>
      )}

      {!afterRetrieval && (
        <WhenCanRecord>
          <FeelingCheck cycleId={cycles[0]?.id} />
        </WhenCanRecord>
      )}

      {latest && (
        <section className="card" aria-labelledby="today-latest">
          <h2 id="today-latest">{t(canRecord ? "today.lastNote" : "today.lastNote.shared")}</h2>
          <p className="muted small">{dateTime(epochMsOf(latest.writtenAt), journey.homeZone)}</p>
          <p className="note-text clamp">{latest.text}</p>
          <Link href={routes.journal}>
            {t(canRecord ? "today.writeNote" : "today.readJournal")}
          </Link>
        </section>
      )}
    </Page>
  );
}
