import { Temporal } from "../core/time.ts";
import type { Route } from "../medication/catalogue.ts";
import type { Appointment } from "../monitoring/state.ts";
import type { CycleType } from "../protocols/templates.ts";
import { type DoseInstance, expandSchedule, type Plan, type PlanItem } from "../schedule/expand.ts";
import type { JourneyState } from "../state/state.ts";
import { type DoseStatus, doseStatusAt } from "./dose-status.ts";
import { type InjectionSite, injectionSites } from "./events.ts";
import { cycleDayOf, slotKey, toPlanItem } from "./plan.ts";
import type { Cycle, DoseLog } from "./state.ts";

/** Cycles that were not removed, newest first. */
export function cycleList(state: JourneyState): Cycle[] {
  return [...state.cycles.values()]
    .filter((c) => !c.retracted)
    .sort((a, b) =>
      a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : a.id < b.id ? 1 : -1,
    );
}

export function activeCycles(state: JourneyState): Cycle[] {
  return cycleList(state).filter((c) => c.status === "active");
}

/** The medicines of a cycle in the schedule engine's terms; a finished cycle stops on its end day. */
export function cyclePlanItems(state: JourneyState, cycleId: string): PlanItem[] {
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) return [];
  // In the order they were planned (the fold's order), which is the clinic's order.
  const items: PlanItem[] = [];
  for (const item of state.planItems.values()) {
    if (item.cycleId !== cycleId || item.retracted) continue;
    items.push(toPlanItem(cycle, item));
  }
  const endedOn = cycle.endedOn;
  if (!endedOn) return items;
  // A medicine taken until the trigger stops at the trigger when there was one
  // before the cycle ended; capped at the end it would run on after it.
  const triggered = items.some((i) => i.purpose === "trigger" && i.startDate <= endedOn);
  return items.map((p) => capAt(p, endedOn, triggered));
}

function capAt(item: PlanItem, last: string, triggered: boolean): PlanItem {
  const capped = (end: PlanItem["end"]): PlanItem["end"] =>
    (end.kind === "date" && end.date <= last) || (end.kind === "until-trigger" && triggered)
      ? end
      : { kind: "date", date: last };
  return {
    ...item,
    end: capped(item.end),
    adjustments: item.adjustments?.map((a) => (a.end ? { ...a, end: capped(a.end) } : a)),
  };
}

export interface TriggerInfo {
  readonly planItemId: string;
  readonly medicationName: string;
  /** The exact time of the trigger, logged if it was, otherwise as planned. */
  readonly at: string;
  readonly logged: boolean;
}

/** The trigger as planned and, once logged, as taken (with the planned moment of the dose logged). */
interface TriggerTimes {
  readonly planned: DoseInstance;
  readonly logged: DoseLog | null;
}

function triggerTimes(state: JourneyState, cycleId: string): TriggerTimes | null {
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) return null;
  const triggers = cyclePlanItems(state, cycleId).filter((i) => i.purpose === "trigger");
  if (triggers.length === 0) return null;
  const ids = new Set(triggers.map((t) => t.id));
  let best: DoseLog | null = null;
  for (const log of state.doseLogs.values()) {
    if (log.retracted || !ids.has(log.planItemId) || log.status === "skipped") continue;
    if (!best || epoch(log.takenAt) < epoch(best.takenAt)) best = log;
  }
  if (best) {
    const slot = best.slot;
    const planned = expandSchedule(
      { items: triggers.filter((t) => t.id === best.planItemId) },
      { zone: cycle.zone, from: slot.date, to: slot.date },
    ).find((d) => d.time === slot.time);
    // The fold only accepts a log for a planned slot, so its planned moment exists.
    if (planned) return { planned, logged: best };
  }
  const starts = triggers.map((t) => t.startDate).sort();
  const planned = expandSchedule(
    { items: triggers },
    { zone: cycle.zone, from: starts[0]!, to: starts.at(-1)! },
  )[0];
  return planned ? { planned, logged: null } : null;
}

/** The trigger shot of a cycle: the logged one if any, else the first planned one. */
export function cycleTrigger(state: JourneyState, cycleId: string): TriggerInfo | null {
  const times = triggerTimes(state, cycleId);
  if (!times) return null;
  const { planned, logged } = times;
  return {
    planItemId: planned.planItemId,
    medicationName: planned.medicationName,
    at: logged ? logged.takenAt : planned.at,
    logged: logged !== null,
  };
}

/** The cycle's plan with its trigger, ready for `expandSchedule`. */
export function cyclePlan(state: JourneyState, cycleId: string): Plan {
  return {
    items: cyclePlanItems(state, cycleId),
    triggerAt: cycleTrigger(state, cycleId)?.at ?? null,
  };
}

/** What the trigger sets the time of: eggs collected, or an insemination. */
export type ProcedureKind = "retrieval" | "insemination";

/**
 * The procedure a cycle's trigger leads to, or null when it leads to none (a
 * natural frozen transfer uses a trigger to time ovulation, not a procedure).
 */
export function procedureKindOf(cycleType: CycleType): ProcedureKind | null {
  if (cycleType === "stimulation" || cycleType === "egg-freezing") return "retrieval";
  if (cycleType === "iui") return "insemination";
  return null;
}

/**
 * A logged trigger this close to its planned time counts as on time. A design
 * choice, kept generous: egg maturity is stable from 35 to 38 hours after the
 * trigger (docs/clinical-reference.md §6), and a one-tap log records the
 * minute of the tap, not of the injection.
 */
export const TRIGGER_ON_TIME_MINUTES = 15;

export interface ProcedureTime {
  readonly kind: ProcedureKind;
  /** The retrieval (or insemination) time to show, in the cycle's zone: the clinic's booked time. */
  readonly at: string;
  /**
   * `appointment`: the clinic booked it (a retrieval or insemination
   * appointment of this cycle); `planned-trigger`: nothing is booked, so it is
   * the planned trigger time plus the clinic's interval. Never the minute a
   * trigger was logged: the clinic times the procedure from its plan.
   */
  readonly basedOn: "appointment" | "planned-trigger";
  /** The booked appointment, when `basedOn` is `appointment`. */
  readonly appointmentId: string | null;
  /** The clinic's interval from trigger to procedure (36 hours unless they said otherwise). */
  readonly hoursAfterTrigger: number;
  /** The trigger as planned (an exact time), when one is planned. */
  readonly plannedTriggerAt: string | null;
  /** The trigger as logged, once it is. */
  readonly loggedTriggerAt: string | null;
  /** Minutes from the planned trigger to the logged one: positive when late, negative when early; null until logged. */
  readonly triggerOffsetMinutes: number | null;
  /** `late` or `early` by more than `TRIGGER_ON_TIME_MINUTES`: the clinic should know. Null until logged. */
  readonly triggerTiming: "on-time" | "late" | "early" | null;
}

/**
 * When the retrieval (or insemination) is: the clinic's booked appointment if
 * there is one, otherwise the planned trigger time plus the clinic's interval
 * (docs/clinical-reference.md §6). A trigger logged off its plan leaves the
 * time alone and says by how much, so the person can tell the clinic.
 */
export function procedureTime(state: JourneyState, cycleId: string): ProcedureTime | null {
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) return null;
  const kind = procedureKindOf(cycle.cycleType);
  if (!kind) return null;
  const times = triggerTimes(state, cycleId);
  const plannedTriggerAt = times?.planned.at ?? null;
  const logged = times?.logged ?? null;
  const offset =
    times && logged ? Math.round((epoch(logged.takenAt) - epoch(times.planned.at)) / 60_000) : null;
  const timing = {
    hoursAfterTrigger: cycle.triggerToProcedureHours,
    plannedTriggerAt,
    loggedTriggerAt: logged?.takenAt ?? null,
    triggerOffsetMinutes: offset,
    triggerTiming:
      offset === null
        ? null
        : offset > TRIGGER_ON_TIME_MINUTES
          ? "late"
          : offset < -TRIGGER_ON_TIME_MINUTES
            ? "early"
            : "on-time",
  } as const;
  const booked = bookedProcedure(state, cycle, kind, plannedTriggerAt);
  if (booked) {
    return {
      kind,
      at: Temporal.ZonedDateTime.from(booked.at).withTimeZone(cycle.zone).toString(),
      basedOn: "appointment",
      appointmentId: booked.id,
      ...timing,
    };
  }
  if (!plannedTriggerAt) return null;
  const at = Temporal.ZonedDateTime.from(plannedTriggerAt)
    .withTimeZone(cycle.zone)
    .add({ minutes: Math.round(cycle.triggerToProcedureHours * 60) });
  return { kind, at: at.toString(), basedOn: "planned-trigger", appointmentId: null, ...timing };
}

/**
 * The cycle's booked retrieval (or insemination): the first one at or after
 * the planned trigger, or the last one booked before it; the first one when
 * no trigger is planned yet.
 */
function bookedProcedure(
  state: JourneyState,
  cycle: Cycle,
  kind: ProcedureKind,
  triggerAt: string | null,
): Appointment | null {
  const booked = [...state.appointments.values()]
    .filter((a) => !a.cancelled && a.cycleId === cycle.id && a.kind === kind)
    .sort((a, b) => epoch(a.at) - epoch(b.at));
  if (booked.length === 0) return null;
  if (triggerAt === null) return booked[0]!;
  const trigger = epoch(triggerAt);
  return booked.find((a) => epoch(a.at) >= trigger) ?? booked.at(-1)!;
}

export interface DayDose extends DoseInstance {
  readonly cycleId: string;
  readonly status: DoseStatus;
  readonly log: DoseLog | null;
}

/**
 * The doses of every cycle on one local day, with what was logged: what Today
 * shows. `nowMs` decides upcoming / due / overdue / missed (`doseStatusAt`).
 */
export function daySchedule(
  state: JourneyState,
  options: { zone: string; date: string; nowMs: number },
): DayDose[] {
  return rangeSchedule(state, {
    zone: options.zone,
    from: options.date,
    to: options.date,
    nowMs: options.nowMs,
  });
}

export function rangeSchedule(
  state: JourneyState,
  options: { zone: string; from: string; to: string; nowMs: number },
): DayDose[] {
  const out: DayDose[] = [];
  for (const cycle of cycleList(state)) {
    if (cycle.endedOn && cycle.endedOn < options.from.slice(0, 10)) continue;
    out.push(...cycleSchedule(state, cycle.id, options));
  }
  // Stable: cycles newest first, each cycle's doses in plan order at equal times.
  return out.sort((a, b) => a.epochMs - b.epochMs);
}

/** One cycle's doses in a range (local dates or exact times in `zone`), with what was logged. */
export function cycleSchedule(
  state: JourneyState,
  cycleId: string,
  options: { zone: string; from: string; to: string; nowMs: number },
): DayDose[] {
  const plan = cyclePlan(state, cycleId);
  if (plan.items.length === 0) return [];
  return expandSchedule(plan, options).map((d) => {
    const logId = state.doseBySlot.get(slotKey(d.planItemId, d.date, d.time));
    const log = logId ? state.doseLogs.get(logId)! : null;
    return { ...d, cycleId, log, status: doseStatusAt(d.epochMs, log, options.nowMs) };
  });
}

/** Where injections by this route can go. SC = under the skin; IM = into a muscle. */
export function sitesFor(route: Route | undefined): readonly InjectionSite[] {
  if (route === "intramuscular")
    return ["buttock-left", "buttock-right", "thigh-left", "thigh-right"];
  if (route === "subcutaneous") {
    return [
      "abdomen-upper-left",
      "abdomen-upper-right",
      "abdomen-lower-left",
      "abdomen-lower-right",
      "thigh-left",
      "thigh-right",
      "arm-left",
      "arm-right",
    ];
  }
  return [];
}

/**
 * The injection site used least recently for this route (never-used sites
 * first, in body order), so skin can rest between injections.
 */
export function suggestSite(state: JourneyState, route: Route | undefined): InjectionSite | null {
  const allowed = sitesFor(route);
  if (allowed.length === 0) return null;
  const lastUsed = new Map<InjectionSite, number>();
  for (const log of state.doseLogs.values()) {
    if (log.retracted || !log.site) continue;
    const t = epoch(log.takenAt);
    if ((lastUsed.get(log.site) ?? Number.NEGATIVE_INFINITY) < t) lastUsed.set(log.site, t);
  }
  let best: InjectionSite | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const site of allowed) {
    const at = lastUsed.get(site) ?? Number.NEGATIVE_INFINITY;
    if (at < bestAt) {
      best = site;
      bestAt = at;
    }
  }
  return best;
}

/** "Stim day 6" / "cycle day 12": the day number of a date within a cycle. */
export function cycleDay(cycle: Cycle, date: string): number {
  return cycleDayOf(cycle, date);
}

const epochCache = new Map<string, number>();
function epoch(zoned: string): number {
  let v = epochCache.get(zoned);
  if (v === undefined) {
    v = Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
    if (epochCache.size > 50_000) epochCache.clear();
    epochCache.set(zoned, v);
  }
  return v;
}

export { injectionSites };
