import type { ValueAxis } from "./chart-scale.ts";

/**
 * The look every chart shares, so they read as one family and change in one
 * place: quiet axis lines without tick marks, muted labels, a dashed grid.
 */
export const axisStyle = {
  stroke: "var(--border)",
  tick: { fill: "var(--muted)", fontSize: 13 },
  tickLine: false,
} as const;

export const gridStyle = { stroke: "var(--border)", strokeDasharray: "3 4" } as const;

/**
 * What every drawing shares: as wide as its frame, `height` px high, and no
 * keyboard or screen-reader layer of its own (the figure's table speaks for it).
 */
export function drawingArea(
  height: number,
  margin: { top: number; right: number; bottom: number; left: number },
) {
  return { responsive: true, style: { width: "100%", height }, margin, accessibilityLayer: false };
}

/** A measured value's dot: filled with the line's colour, ringed with the page's. */
export function valueDot(fill: string) {
  return { r: 4.5, fill, stroke: "var(--surface)", strokeWidth: 1.5 };
}

/** The line through measured values (E2, beta hCG): its colour, width and dots. */
export const measuredLine = {
  dataKey: "value",
  stroke: "var(--chart-e2)",
  strokeWidth: 2.5,
  dot: valueDot("var(--chart-e2)"),
  isAnimationActive: false,
} as const;

/** An axis of chances out of 100, in quarters. */
export const of100Axis = {
  ...axisStyle,
  type: "number",
  domain: [0, 100],
  ticks: [0, 25, 50, 75, 100],
} as const;

/**
 * A value axis at the left from `chart-scale` (its scale, bounds and ticks),
 * labelled by `format`; values beyond its bounds are drawn at the edge.
 */
export function valueAxisProps(axis: ValueAxis, format: (n: number) => string, width: number) {
  return {
    ...axisStyle,
    type: "number",
    scale: axis.scale,
    domain: [...axis.domain],
    ticks: [...axis.ticks],
    allowDataOverflow: true,
    tickFormatter: format,
    width,
  } as const;
}
