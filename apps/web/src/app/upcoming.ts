/**
 * What is coming up, from the record: the one list both the calendar file
 * (`calendar-export.ts`) and the reminders sent when Trellis is closed
 * (`push-sources.ts`) are made from, so they never disagree about what to
 * remind of. Doses still to log in the next `days` days (the domain's
 * `rangeSchedule`, `expandSchedule` per cycle); appointments from now on,
 * except one that is a cycle's retrieval or insemination, which is listed
 * once as that procedure (and only while it is still to come); storage fees
 * by their next due date, at 09:00 at home; costs still due that the person
 * asked to be reminded of, at 09:00 at home on the due day; and the yearly remembrance
 * reminders the person chose (`anniversaries`: never one they did not set,
 * none in quiet mode), at 09:00 at home on the day.
 */
import {
  type AnniversaryReminder,
  activeCycles,
  addDays,
  anniversaries,
  appointments,
  type Cost,
  type JourneyState,
  procedureTime,
  rangeSchedule,
  storageFeeList,
  Temporal,
} from "@trellis/domain";
import { deviceZone, todayIso } from "./time.ts";

type Dose = ReturnType<typeof rangeSchedule>[number];
type Appointment = ReturnType<typeof appointments>[number];
type Procedure = NonNullable<ReturnType<typeof procedureTime>>;
type FeeLine = ReturnType<typeof storageFeeList>[number];

export interface Upcoming {
  /** The device's zone and today's date in it. */
  readonly zone: string;
  readonly today: string;
  readonly doses: readonly Dose[];
  readonly appointments: readonly Appointment[];
  readonly procedures: readonly { cycleId: string; procedure: Procedure; epochMs: number }[];
  /** Each fee with a next due date, and that day at 09:00 in the home zone. */
  readonly fees: readonly { line: FeeLine; nextDueOn: string; due: Temporal.ZonedDateTime }[];
  /** Each cost still due with a reminder, from today on, and its due day at 09:00 in the home zone. */
  readonly costs: readonly { cost: Cost; dueOn: string; due: Temporal.ZonedDateTime }[];
  /** Each yearly remembrance reminder in the window, that day at 09:00 in the home zone. */
  readonly anniversaries: readonly { reminder: AnniversaryReminder; at: Temporal.ZonedDateTime }[];
}

export function upcoming(state: JourneyState, nowMs: number, days: number): Upcoming {
  const zone = deviceZone();
  const today = todayIso(zone);
  const doses = rangeSchedule(state, { zone, from: today, to: addDays(today, days), nowMs }).filter(
    (d) => !d.log,
  );
  const procedures = activeCycles(state).flatMap((cycle) => {
    const procedure = procedureTime(state, cycle.id);
    if (!procedure) return [];
    const epochMs = Temporal.ZonedDateTime.from(procedure.at).epochMilliseconds;
    return epochMs >= nowMs ? [{ cycleId: cycle.id, procedure, epochMs }] : [];
  });
  const listed = new Set(procedures.map(({ procedure }) => procedure.appointmentId));
  const home = state.journey?.homeZone ?? zone;
  const at9 = (day: string) =>
    Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: home, plainTime: "09:00" });
  const fees = storageFeeList(state, { today }).flatMap((line) =>
    line.nextDueOn
      ? [
          {
            line,
            nextDueOn: line.nextDueOn,
            due: at9(line.nextDueOn),
          },
        ]
      : [],
  );
  const costs = [...state.costs.values()].flatMap((cost) =>
    !cost.removed &&
    cost.status === "due" &&
    cost.dueOn !== null &&
    cost.remindDaysBefore !== null &&
    cost.dueOn >= today
      ? [{ cost, dueOn: cost.dueOn, due: at9(cost.dueOn) }]
      : [],
  );
  const yearly = anniversaries(state, { from: today, to: addDays(today, days) })
    .map((reminder) => ({ reminder, at: at9(reminder.on) }))
    .filter(({ at }) => at.epochMilliseconds >= nowMs);
  return {
    zone,
    today,
    doses,
    appointments: appointments(state, { fromMs: nowMs }).filter((a) => !listed.has(a.id)),
    procedures,
    fees,
    costs,
    anniversaries: yearly,
  };
}
