/** Results print as one table: what was measured, the figure, and what we expect. */
export interface Row {
  readonly section: string;
  readonly what: string;
  readonly value: string;
  readonly expected?: string;
}

export function printTable(rows: readonly Row[]): void {
  const headers = ["section", "measure", "result", "expected"];
  const cells = rows.map((r) => [r.section, r.what, r.value, r.expected ?? ""]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}

/** Median wall time of `runs` calls (after one warm-up), in ms. */
export function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    // Collect garbage between runs (node --expose-gc), so one run does not pay for the last.
    gc?.();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
export const count = (n: number) => new Intl.NumberFormat("en").format(Math.round(n));
