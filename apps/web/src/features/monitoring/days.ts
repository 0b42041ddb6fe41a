import type { Cycle } from "@trellis/domain";

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
