import { convertLab } from "../clinical/labs.ts";
import type { Analyte, LabUnit } from "../clinical/units.ts";
import { Temporal } from "../core/time.ts";
import type { JourneyState } from "../state/state.ts";
import { cycleDayOf } from "../treatment/plan.ts";
import type { Appointment, FollicleScan, LabResult } from "./state.ts";

const epochOf = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
const localDate = (zoned: string) => zoned.slice(0, 10);

/** Appointments not cancelled, in time order; `from` keeps only those at or after an instant. */
export function appointments(
  state: JourneyState,
  options: { fromMs?: number; cycleId?: string } = {},
): Appointment[] {
  return [...state.appointments.values()]
    .filter((a) => !a.cancelled && (options.cycleId === undefined || a.cycleId === options.cycleId))
    .map((a) => ({ a, t: epochOf(a.at) }))
    .filter(({ t }) => options.fromMs === undefined || t >= options.fromMs)
    .sort((x, y) => x.t - y.t)
    .map(({ a }) => a);
}

export function nextAppointment(state: JourneyState, nowMs: number): Appointment | null {
  return appointments(state, { fromMs: nowMs - 60 * 60_000 })[0] ?? null;
}

export interface LabPoint {
  readonly result: LabResult;
  readonly epochMs: number;
  /** The cycle day of the draw, when the result belongs to a cycle. */
  readonly cycleDay: number | null;
  /** The value in the unit asked for. */
  readonly value: number;
  readonly unit: LabUnit;
}

/**
 * Lab results of one hormone, oldest first, converted to the person's unit.
 * Excluded results are left out unless asked for.
 */
export function labSeries(
  state: JourneyState,
  options: { analyte: Analyte; unit: LabUnit; cycleId?: string; includeExcluded?: boolean },
): LabPoint[] {
  const out: LabPoint[] = [];
  for (const r of state.labResults.values()) {
    if (r.retracted || r.analyte !== options.analyte) continue;
    if (r.excluded && !options.includeExcluded) continue;
    if (options.cycleId !== undefined && r.cycleId !== options.cycleId) continue;
    const converted = convertLab(
      { analyte: r.analyte, value: r.value, unit: r.unit },
      options.unit,
    );
    const cycle = r.cycleId ? state.cycles.get(r.cycleId) : undefined;
    out.push({
      result: r,
      epochMs: epochOf(r.drawnAt),
      cycleDay: cycle ? cycleDayOf(cycle, localDate(r.drawnAt)) : null,
      value: converted.ok ? converted.value.value : r.value,
      unit: converted.ok ? converted.value.unit : r.unit,
    });
  }
  return out.sort((a, b) => a.epochMs - b.epochMs);
}

export interface ScanPoint {
  readonly scan: FollicleScan;
  readonly epochMs: number;
  readonly cycleDay: number | null;
  /** Follicles of at least 10 mm: the ones usually counted toward the trigger. */
  readonly countAtLeast10: number;
  readonly leadMm: number | null;
}

/** Scans of a cycle (or all), oldest first, with the numbers people look at. */
export function scanSeries(state: JourneyState, options: { cycleId?: string } = {}): ScanPoint[] {
  const out: ScanPoint[] = [];
  for (const s of state.scans.values()) {
    if (s.retracted || (options.cycleId !== undefined && s.cycleId !== options.cycleId)) continue;
    const all = [...s.leftMm, ...s.rightMm];
    const cycle = s.cycleId ? state.cycles.get(s.cycleId) : undefined;
    out.push({
      scan: s,
      epochMs: epochOf(s.scannedAt),
      cycleDay: cycle ? cycleDayOf(cycle, localDate(s.scannedAt)) : null,
      countAtLeast10: all.filter((mm) => mm >= 10).length,
      leadMm: all.length ? Math.max(...all) : null,
    });
  }
  return out.sort((a, b) => a.epochMs - b.epochMs);
}
