/**
 * Axes that stay sane whatever is in the record. A chart's axis comes from
 * recorded values, and a record can hold values from before today's guards
 * (a beta dated years after its transfer, a typo kept from an old import):
 * these helpers bound every axis by what can be, so no chart ever reads in
 * trillions or squeezes a cycle into a sliver.
 */

/**
 * Display guard, not a clinical figure: the cycle days a monitoring chart
 * draws, counted from the cycle's day 1. Baseline tests come a few weeks
 * before at most; monitoring of a medicated frozen transfer can run into the
 * early weeks of a pregnancy. A result further out was filed under the wrong
 * cycle or dated with the wrong year: it stays in the list, not the chart.
 */
export const CYCLE_DAY_BOUNDS = { min: -60, max: 180 } as const;

/** A value axis: its scale, domain and ticks, ready for recharts. */
export interface ValueAxis {
  readonly scale: "linear" | "log";
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/** The smallest of 1, 2, 2.5, 5 x 10^k at or above `x` (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) {
    // A hair of tolerance, so 3 x 10^k computed as 2.9999999 is not pushed to 5.
    if (m * power >= x * (1 - 1e-12)) return m * power;
  }
  return 10 * power;
}

/**
 * A linear axis from 0 to a round number above the largest value, at least
 * `minTop` (so a few small values do not fill the chart) and at most `cap`
 * (what can be: a guard's plausible maximum). Values above `cap` are drawn at
 * the edge by the caller, or left out; the axis never follows them.
 */
export function linearAxis(
  values: readonly number[],
  { cap, minTop = 1, steps = 4 }: { cap: number; minTop?: number; steps?: number },
): ValueAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const largest = Math.max(minTop, ...finite);
  const top = Math.min(cap, niceCeil(largest));
  const step = niceCeil(top / steps);
  const ticks: number[] = [];
  for (let v = 0; v <= top * (1 + 1e-9); v += step) ticks.push(Number(v.toPrecision(12)));
  // A cap that is not a round number (20,000 pg/mL read as pmol/L): one more tick covers it.
  if (ticks.at(-1)! < top * (1 - 1e-9)) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return { scale: "linear", domain: [0, ticks.at(-1)!], ticks };
}

/**
 * A log axis in whole powers of ten around the values, between `floor` and
 * `cap` (both powers of ten or not; the axis rounds out to the nearest power).
 * Each tick is ten times the one below: a rise that doubles every two days
 * draws as a straight line, and 12 and 12,000 both stay readable.
 */
export function logAxis(
  values: readonly number[],
  { floor, cap }: { floor: number; cap: number },
): ValueAxis {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lowest = Math.max(floor, Math.min(...positive, cap));
  const highest = Math.min(cap, Math.max(...positive, floor));
  let lo = Math.floor(Math.log10(lowest));
  let hi = Math.ceil(Math.log10(highest));
  if (hi <= lo) hi = lo + 1;
  lo = Math.max(lo, Math.floor(Math.log10(floor)));
  hi = Math.min(hi, Math.ceil(Math.log10(cap)));
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { scale: "log", domain: [ticks[0]!, ticks.at(-1)!], ticks };
}

/**
 * Log when the values span at least `ratio` (ten times by default: the lowest
 * would otherwise sit on the floor of a linear chart), else linear.
 */
export function valueAxis(
  values: readonly number[],
  { cap, floor, ratio = 10 }: { cap: number; floor: number; ratio?: number },
): ValueAxis {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  return positive.length > 1 && hi / lo >= ratio
    ? logAxis(positive, { floor, cap })
    : linearAxis(positive, { cap });
}

/**
 * The days a chart shows: from the first to the last day drawn, with a day of
 * margin each side, but only days within `bounds` (counted from the chart's
 * anchor: the transfer, the cycle's first day). A day outside is a date no
 * chart of this kind can mean (a beta years after its transfer, kept from
 * before the guards): it is listed in words, not drawn, so it cannot stretch
 * the axis. `inside` says which days are drawn.
 */
export function dayWindow(
  days: readonly number[],
  bounds: { readonly min: number; readonly max: number },
): { readonly from: number; readonly to: number; readonly inside: (day: number) => boolean } {
  const inside = (day: number) => day >= bounds.min && day <= bounds.max;
  const shown = days.filter(inside);
  const first = shown.length ? Math.min(...shown) : bounds.min;
  const last = shown.length ? Math.max(...shown) : bounds.min;
  return { from: first - 1, to: last + 1, inside };
}
