import { Temporal } from "../core/time.ts";
import type { Route } from "../medication/catalogue.ts";
import { type DoseInstance, expandSchedule, type Plan, type PlanItem } from "../schedule/expand.ts";
import type { JourneyState } from "../state/state.ts";
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
    const p = toPlanItem(cycle, item);
    items.push(cycle.endedOn ? capAt(p, cycle.endedOn) : p);
  }
  return items;
}

function capAt(item: PlanItem, last: string): PlanItem {
  const capped = (end: PlanItem["end"]): PlanItem["end"] =>
    end.kind === "date" && end.date <= last ? end : { kind: "date", date: last };
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

/** The trigger shot of a cycle: the logged one if any, else the first planned one. */
export function cycleTrigger(state: JourneyState, cycleId: string): TriggerInfo | null {
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
    const item = triggers.find((t) => t.id === best.planItemId)!;
    return {
      planItemId: item.id,
      medicationName: item.medicationName,
      at: best.takenAt,
      logged: true,
    };
  }
  const planned = expandSchedule(
    { items: triggers },
    { zone: cycle.zone, from: triggers[0]!.startDate, to: triggers.at(-1)!.startDate },
  )[0];
  if (!planned) return null;
  return {
    planItemId: planned.planItemId,
    medicationName: planned.medicationName,
    at: planned.at,
    logged: false,
  };
}

/** The cycle's plan with its trigger, ready for `expandSchedule`. */
export function cyclePlan(state: JourneyState, cycleId: string): Plan {
  return {
    items: cyclePlanItems(state, cycleId),
    triggerAt: cycleTrigger(state, cycleId)?.at ?? null,
  };
}

export interface ProcedureTime {
  /** Retrieval (or insemination for IUI), in the cycle's zone. */
  readonly at: string;
  readonly hoursAfterTrigger: number;
  /** Whether the trigger it follows from was logged or is still only planned. */
  readonly basedOn: "logged-trigger" | "planned-trigger";
}

/** When the retrieval (or insemination) is, from the trigger and the clinic's interval. */
export function procedureTime(state: JourneyState, cycleId: string): ProcedureTime | null {
  const cycle = state.cycles.get(cycleId);
  const trigger = cycleTrigger(state, cycleId);
  if (!cycle || !trigger) return null;
  const at = Temporal.ZonedDateTime.from(trigger.at)
    .withTimeZone(cycle.zone)
    .add({ minutes: Math.round(cycle.triggerToProcedureHours * 60) });
  return {
    at: at.toString(),
    hoursAfterTrigger: cycle.triggerToProcedureHours,
    basedOn: trigger.logged ? "logged-trigger" : "planned-trigger",
  };
}

export type DoseStatus = "upcoming" | "due" | "overdue" | "taken" | "partial" | "skipped";

export interface DayDose extends DoseInstance {
  readonly cycleId: string;
  readonly status: DoseStatus;
  readonly log: DoseLog | null;
}

/** A dose counts as due from its time until an hour later; after that it is overdue. */
export const DUE_WINDOW_MINUTES = 60;

/**
 * The doses of every cycle on one local day, with what was logged: what Today
 * shows. `nowMs` decides upcoming / due / overdue.
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
    const plan = cyclePlan(state, cycle.id);
    if (plan.items.length === 0) continue;
    for (const d of expandSchedule(plan, options)) {
      const logId = state.doseBySlot.get(slotKey(d.planItemId, d.date, d.time));
      const log = logId ? state.doseLogs.get(logId)! : null;
      out.push({ ...d, cycleId: cycle.id, log, status: statusOf(d, log, options.nowMs) });
    }
  }
  // Stable: cycles newest first, each cycle's doses in plan order at equal times.
  return out.sort((a, b) => a.epochMs - b.epochMs);
}

function statusOf(d: DoseInstance, log: DoseLog | null, nowMs: number): DoseStatus {
  if (log) return log.status;
  if (nowMs < d.epochMs) return "upcoming";
  return nowMs < d.epochMs + DUE_WINDOW_MINUTES * 60_000 ? "due" : "overdue";
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
