import type { Cycle } from "@trellis/domain";
import { CYCLE_DAY_BOUNDS, dayWindow } from "../../components/chart-scale.ts";
import { axisStyle } from "../../components/chart-style.ts";

/** How a cycle counts its days in words: "stim day 6" when day 1 is the first injection, else "cycle day 6". */
export function dayKind(cycle: Pick<Cycle, "dayOne">): "stim" | "cycle" {
  return cycle.dayOne === "stim-day" ? "stim" : "cycle";
}

/** Whole-day ticks from the first to the last day shown, thinned so labels never crowd a phone screen. */
export function dayTicks(from: number, to: number, maxTicks = 8): number[] {
  const span = to - from;
  const step = Math.max(1, Math.ceil(span / maxTicks));
  const ticks: number[] = [];
  for (let d = from; d <= to; d += step) ticks.push(d);
  return ticks;
}

/**
 * The days a monitoring chart draws: the results' cycle days within
 * `CYCLE_DAY_BOUNDS`, a day of margin each side.
 */
export function cycleDayWindow(days: readonly number[]) {
  return dayWindow(days, CYCLE_DAY_BOUNDS);
}

/** The cycle-day axis along the bottom of a monitoring chart, whole days from `from` to `to`. */
export function dayAxisProps(from: number, to: number) {
  return {
    ...axisStyle,
    type: "number",
    dataKey: "day",
    domain: [from, to],
    ticks: dayTicks(from, to),
    allowDecimals: false,
    height: 28,
  } as const;
}
