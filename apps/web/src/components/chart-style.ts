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
