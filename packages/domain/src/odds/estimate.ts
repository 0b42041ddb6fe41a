import { type Denominator, RANGE_TAIL, type Source, type SourceId, sources } from "./parameters.ts";

/**
 * A number with an 80% range and what it is out of. `central` is a
 * probability (0..1) or a count; a screen can say "about 62 of 100 people".
 */
export interface Range {
  readonly central: number;
  readonly low: number;
  readonly high: number;
  readonly denominator: Denominator;
}

/**
 * A chance for a person like this one. `central` is the average over
 * parameter sets and people: of 100 people like this, about `central × 100`.
 * `low`-`high` is the 80% range of this person's own chance: it combines what
 * the sources leave uncertain with how much people differ (same body, same
 * health). `average` is the 80% range of the average alone, from the sources'
 * uncertainty only: the one to hold against a registry's figure.
 */
export interface Estimate extends Range {
  readonly average: { readonly low: number; readonly high: number };
}

/** A plain-language limit of an answer, with a stable id a screen can key on. */
export interface Note {
  readonly id: string;
  readonly text: string;
}

/**
 * The q-quantile of values (linear interpolation between order statistics),
 * by selection rather than sorting: two quantiles of a few hundred values per
 * estimate, many estimates per answer.
 */
export function quantile(values: Float64Array, q: number, scratch: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  scratch.set(values);
  return selectQuantile(scratch, values.length, q, 0);
}

/**
 * The q-quantile of scratch[0, n), selecting within [from, n): the caller
 * knows everything before `from` is smaller. Leaves scratch partitioned.
 */
function selectQuantile(scratch: Float64Array, n: number, q: number, from: number): number {
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = select(scratch, lo, from, n);
  if (lo + 1 >= n || h === lo) return a;
  // Everything after `lo` is at least as large: its minimum is the next order statistic.
  let b = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (scratch[i]! < b) b = scratch[i]!;
  return a + (h - lo) * (b - a);
}

/**
 * Two quantiles (qLow ≤ qHigh) from one copy: selecting the lower one
 * partitions the values, so the upper one is selected among those above it.
 * Writes out[0] and out[1].
 */
export function quantiles(
  values: Float64Array,
  qLow: number,
  qHigh: number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  const n = values.length;
  if (n === 0) {
    out[0] = Number.NaN;
    out[1] = Number.NaN;
    return;
  }
  scratch.set(values);
  out[0] = selectQuantile(scratch, n, qLow, 0);
  out[1] = selectQuantile(scratch, n, qHigh, Math.floor((n - 1) * qLow));
}

/**
 * Hoare's quickselect on a[from, n): puts the k-th smallest at index k
 * (smaller before, larger after).
 */
function select(a: Float64Array, k: number, from: number, n: number): number {
  let left = from;
  let right = n - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function allZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) return false;
  return true;
}

function mean(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length === 0 ? 0 : s / values.length;
}

/**
 * Summarises one answer over the parameter draws: `averages[d]` is the answer
 * averaged over people for draw d, `persons[d]` the answer for draw d's one
 * person. A range is widened to include the central value when a lopsided
 * distribution (a rare event) would otherwise leave it outside.
 */
export function summarise(
  averages: Float64Array,
  persons: Float64Array,
  denominator: Denominator,
  clampToUnit = true,
  scratch: Float64Array = new Float64Array(persons.length + averages.length),
): Estimate {
  const top = clampToUnit ? 1 : Number.POSITIVE_INFINITY;
  const central = clamp(mean(averages), top);
  if (central === 0 && allZero(persons)) {
    return { central: 0, low: 0, high: 0, average: { low: 0, high: 0 }, denominator };
  }
  const pair = new Float64Array(2);
  quantiles(averages, RANGE_TAIL, 1 - RANGE_TAIL, scratch, pair);
  const avgLow = clamp(pair[0]!, top);
  const avgHigh = clamp(pair[1]!, top);
  quantiles(persons, RANGE_TAIL, 1 - RANGE_TAIL, scratch, pair);
  return {
    central,
    low: Math.min(clamp(pair[0]!, top), central),
    high: Math.max(clamp(pair[1]!, top), central),
    average: { low: Math.min(avgLow, central), high: Math.max(avgHigh, central) },
    denominator,
  };
}

function clamp(x: number, top: number): number {
  return Math.min(Math.max(x, 0), top);
}

/** Structured sources for the ids used, in the order `parameters.ts` lists them. */
export function sourcesFor(used: ReadonlySet<SourceId>): Source[] {
  return (Object.keys(sources) as SourceId[]).filter((id) => used.has(id)).map((id) => sources[id]);
}
