import { Temporal } from "../core/time.ts";
import type { DoseUnit, Purpose, Route } from "../medication/catalogue.ts";
import { addDays, dayNumber, minutesOf } from "./civil.ts";
import { sharedZoneResolver, type ZoneResolver } from "./zones.ts";

export interface Dose {
  readonly value: number;
  readonly unit: DoseUnit;
}

/** When a medicine stops: on a date, at the trigger shot, or when the clinic says (open). */
export type PlanEnd =
  | { readonly kind: "date"; readonly date: string }
  | { readonly kind: "until-trigger" }
  | { readonly kind: "open" };

/** A change from a day onward ("300 IU from tomorrow"); earlier days keep what they had. */
export interface PlanAdjustment {
  readonly from: string;
  readonly dose?: Dose | undefined;
  readonly times?: readonly string[] | undefined;
  readonly end?: PlanEnd | undefined;
}

/** One medicine in a plan, resolved to calendar dates. */
export interface PlanItem {
  readonly id: string;
  readonly medicationName: string;
  readonly medicationId?: string | undefined;
  readonly route?: Route | undefined;
  readonly purpose?: Purpose | undefined;
  readonly dose: Dose;
  /** Wall-clock times, "HH:MM", in the order of the day. */
  readonly times: readonly string[];
  readonly startDate: string;
  readonly end: PlanEnd;
  /** 1 = every day, 2 = every other day, 3 = every third day (patches). */
  readonly everyDays?: number | undefined;
  /**
   * Taken at an exact instant (trigger, timed progesterone): when the person
   * travels it keeps the instant in `zone`, shown in local time. Other doses
   * keep their local wall time wherever the person is.
   */
  readonly timeCritical: boolean;
  /** The zone the plan was made in (the home zone); time-critical doses keep its instants. */
  readonly zone: string;
  readonly adjustments?: readonly PlanAdjustment[] | undefined;
}

export interface Plan {
  readonly items: readonly PlanItem[];
  /**
   * The trigger shot, logged or planned, as an exact time with zone. Doses that
   * run "until trigger" stop before it; without it they continue.
   */
  readonly triggerAt?: string | null | undefined;
}

export interface ExpandOptions {
  /** Where the person is: ordinary doses happen at their wall time in this zone. */
  readonly zone: string;
  /** First local date (YYYY-MM-DD) in `zone`, or an exact time with zone. */
  readonly from: string;
  /** Last local date, inclusive, or an exact time with zone (exclusive). */
  readonly to: string;
}

export interface DoseInstance {
  readonly planItemId: string;
  /** Stable name of this dose within its plan item: `<planItemId>/<date>/<time>`. */
  readonly key: string;
  readonly medicationName: string;
  readonly medicationId?: string | undefined;
  readonly purpose?: Purpose | undefined;
  readonly route?: Route | undefined;
  readonly dose: Dose;
  /** The planned calendar date and wall time of the dose (in the plan's terms). */
  readonly date: string;
  readonly time: string;
  /** The exact moment, with offset and zone, e.g. `2026-03-08T21:00:00-04:00[America/New_York]`. */
  readonly at: string;
  readonly epochMs: number;
  readonly timeCritical: boolean;
  /** True when a time-critical dose is shown in a zone other than the one it was planned in. */
  readonly keepsInstant: boolean;
}

const MS_PER_DAY = 86_400_000;

/**
 * Expands medication plans into dated doses for a range. Pure and
 * deterministic; correct across daylight-saving changes (a 02:30 dose on the
 * night clocks go forward happens at 03:30; no dose is lost or doubled) and
 * when the person travels (see `PlanItem.timeCritical`).
 */
export function expandSchedule(plan: Plan, options: ExpandOptions): DoseInstance[] {
  const zones = sharedZoneResolver();
  const range = resolveRange(zones, options);
  const trigger = plan.triggerAt
    ? Temporal.ZonedDateTime.from(plan.triggerAt).epochMilliseconds
    : null;
  const out: DoseInstance[] = [];

  const order = new Map<string, number>();
  for (const item of plan.items) {
    order.set(item.id, order.size);
    const every = Math.max(1, Math.floor(item.everyDays ?? 1));
    const adjustments = [...(item.adjustments ?? [])].sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
    );
    // Dates whose doses could fall in the range: a day's doses are within one day
    // of its date in any zone (offsets stay within ±14 h).
    const startDay = dayNumber(item.startDate);
    const firstDay = Math.max(startDay, range.firstDay - 2);
    const lastDay = range.lastDay + 2;
    const aligned = firstDay + ((((startDay - firstDay) % every) + every) % every);

    for (let day = aligned; day <= lastDay; day += every) {
      const date = addDays(item.startDate, day - startDay);
      const spec = effective(item, adjustments, date);
      if (spec.end.kind === "date" && date > spec.end.date) {
        // An adjustment may move the end later again; only stop when none could.
        if (!adjustments.some((a) => a.from > date)) break;
        continue;
      }
      let afterTrigger =
        spec.end.kind === "until-trigger" && trigger !== null && spec.times.length > 0;
      for (const time of spec.times) {
        const minutes = minutesOf(time);
        let epochMs: number;
        let at: string;
        let keepsInstant = false;
        if (item.timeCritical && item.zone !== options.zone) {
          epochMs = zones.resolve(item.zone, date, minutes).epochMs;
          at = zones.display(options.zone, epochMs).iso;
          keepsInstant = true;
        } else {
          const r = zones.resolve(item.timeCritical ? item.zone : options.zone, date, minutes);
          epochMs = r.epochMs;
          at = r.iso;
        }
        if (spec.end.kind === "until-trigger" && trigger !== null && epochMs >= trigger) continue;
        afterTrigger = false;
        if (epochMs < range.fromMs || epochMs >= range.toMs) continue;
        out.push({
          planItemId: item.id,
          key: `${item.id}/${date}/${time}`,
          medicationName: item.medicationName,
          medicationId: item.medicationId,
          purpose: item.purpose,
          route: item.route,
          dose: spec.dose,
          date,
          time,
          at,
          epochMs,
          timeCritical: item.timeCritical,
          keepsInstant,
        });
      }
      // Every dose of the day came after the trigger: later days would too,
      // unless a change from a later day says otherwise.
      if (afterTrigger && !adjustments.some((a) => a.from > date)) break;
    }
  }
  // Doses at the same moment keep the plan's order (as the clinic listed them).
  return out.sort(
    (a, b) =>
      a.epochMs - b.epochMs ||
      order.get(a.planItemId)! - order.get(b.planItemId)! ||
      (a.key < b.key ? -1 : 1),
  );
}

function effective(
  item: PlanItem,
  adjustments: readonly PlanAdjustment[],
  date: string,
): { dose: Dose; times: readonly string[]; end: PlanEnd } {
  let dose = item.dose;
  let times = item.times;
  let end = item.end;
  for (const a of adjustments) {
    if (a.from > date) break;
    if (a.dose) dose = a.dose;
    if (a.times) times = a.times;
    if (a.end) end = a.end;
  }
  return { dose, times: [...times].sort(), end };
}

function resolveRange(zones: ZoneResolver, o: ExpandOptions) {
  const bound = (text: string, isEnd: boolean): number => {
    if (text.length === 10) {
      const date = isEnd ? addDays(text, 1) : text;
      return zones.resolve(o.zone, date, 0).epochMs;
    }
    return Temporal.ZonedDateTime.from(text).epochMilliseconds;
  };
  const fromMs = bound(o.from, false);
  const toMs = bound(o.to, true);
  return {
    fromMs,
    toMs,
    firstDay: Math.floor(fromMs / MS_PER_DAY),
    lastDay: Math.floor(toMs / MS_PER_DAY),
  };
}

/** How many doses a plan item gives in total, when it has a fixed end (for checks and tests). */
export function plannedDoseCount(item: PlanItem): number | null {
  if (item.end.kind !== "date" || (item.adjustments ?? []).length > 0) return null;
  const days = dayNumber(item.end.date) - dayNumber(item.startDate);
  if (days < 0) return 0;
  const every = Math.max(1, Math.floor(item.everyDays ?? 1));
  return (Math.floor(days / every) + 1) * item.times.length;
}
