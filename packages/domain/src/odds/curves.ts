import { euploidyTable, parameters } from "./parameters.ts";
import { expit, logit } from "./special.ts";

/**
 * Smooth curves built from the tables in `parameters.ts`. Age here is always
 * the age the curve is about: age at egg retrieval for egg and embryo quality,
 * age at transfer for the small age effect after a euploid transfer.
 */

/**
 * Whittaker smoother: the z minimising Σ(y - z)² + λ Σ(Δ²z)². A penalised fit
 * that follows the data without a chosen formula; solved once at load time.
 */
export function whittaker(y: readonly number[], lambda: number): number[] {
  const n = y.length;
  const a: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const coef = [1, -2, 1];
  for (let i = 0; i + 2 < n; i++) {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) a[i + r]![i + c]! += lambda * coef[r]! * coef[c]!;
    }
  }
  const b = [...y];
  for (let i = 0; i < n; i++) {
    const pivot = a[i]![i]!;
    for (let j = i + 1; j < Math.min(n, i + 3); j++) {
      const f = a[j]![i]! / pivot;
      if (f === 0) continue;
      for (let k = i; k < Math.min(n, i + 3); k++) a[j]![k]! -= f * a[i]![k]!;
      b[j]! -= f * b[i]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < Math.min(n, i + 3); k++) s -= a[i]![k]! * z[k]!;
    z[i] = s / a[i]![i]!;
  }
  return z;
}

const FIRST_AGE = euploidyTable.points[0][0];
const LAST_AGE = euploidyTable.points[euploidyTable.points.length - 1]![0];

/** Smoothed log-odds of euploidy at each whole age from 22 to 44. */
export const smoothedEuploidyLogit: readonly number[] = whittaker(
  euploidyTable.points.map(([, p]) => logit(p)),
  euploidyTable.smoothing,
);

const CLAMP_LOGIT = logit(euploidyTable.clampValue);

/**
 * Log-odds that a biopsied blastocyst is euploid, by age at retrieval: the
 * smooth curve between 22 and 44, flat below 22 (no data), easing to the 45+
 * clamp between 44 and 45, and the clamp from 45 on.
 */
export function euploidyLogit(ageAtRetrieval: number): number {
  if (ageAtRetrieval >= euploidyTable.clampFromAge) return CLAMP_LOGIT;
  if (ageAtRetrieval <= FIRST_AGE) return smoothedEuploidyLogit[0]!;
  if (ageAtRetrieval >= LAST_AGE) {
    const t = (ageAtRetrieval - LAST_AGE) / (euploidyTable.clampFromAge - LAST_AGE);
    const last = smoothedEuploidyLogit[smoothedEuploidyLogit.length - 1]!;
    return last + t * (CLAMP_LOGIT - last);
  }
  const i = Math.floor(ageAtRetrieval) - FIRST_AGE;
  const t = ageAtRetrieval - Math.floor(ageAtRetrieval);
  return (
    smoothedEuploidyLogit[i]! + t * (smoothedEuploidyLogit[i + 1]! - smoothedEuploidyLogit[i]!)
  );
}

/** The age at which the smooth euploidy curve peaks (about 28). */
export const EUPLOIDY_PEAK_AGE =
  FIRST_AGE + smoothedEuploidyLogit.indexOf(Math.max(...smoothedEuploidyLogit));

/**
 * Share of blastocysts that are euploid for an embryo of this age and day.
 * `shift` moves the whole curve (parameter uncertainty); day-7 embryos get the
 * lower of the age curve and the day-7 figure.
 */
export function euploidFraction(
  ageAtRetrieval: number,
  day: 5 | 6 | 7,
  shift: number,
  day7: number,
): number {
  const p = expit(euploidyLogit(ageAtRetrieval) + shift);
  return day === 7 ? Math.min(p, day7) : p;
}

/** Log-odds ratio of live birth after a euploid transfer by age at transfer (Reig 2020). */
export function ageAtTransferLogOdds(ageAtTransfer: number, band38to40: number, over41: number) {
  if (ageAtTransfer >= 41) return over41;
  if (ageAtTransfer >= 38) return band38to40;
  if (ageAtTransfer >= 35) return band38to40 / 2; // geometric middle of 1 and the 38-40 ratio
  return 0;
}

/**
 * Romanski's fall in blastocyst rate after 40, as a ratio of the rate up to
 * 40, made non-increasing by pooling adjacent ages that rise (42 and 43).
 */
export const blastocystAgeRatios: readonly (readonly [number, number])[] = (() => {
  const { dropAfter40, referenceRate } = parameters.blastocystRate;
  const blocks = dropAfter40.map(([age, drop]) => ({
    ages: [age as number],
    value: (referenceRate * 100 - drop) / (referenceRate * 100),
  }));
  for (let i = 1; i < blocks.length; ) {
    const prev = blocks[i - 1]!;
    const cur = blocks[i]!;
    if (cur.value > prev.value) {
      const n = prev.ages.length + cur.ages.length;
      prev.value = (prev.value * prev.ages.length + cur.value * cur.ages.length) / n;
      prev.ages.push(...cur.ages);
      blocks.splice(i, 1);
      if (i > 1) i--;
    } else i++;
  }
  return blocks.flatMap((b) => b.ages.map((age) => [age, b.value] as const));
})();

/**
 * Blastocyst rate at this age as a share of the rate at 35 and under:
 * Romanski's drop after 40 times a gentle fall from 35 (`slope` per year on
 * the log scale, ≤ 0; our assumption, `parameters.blastocystAgeDecline`).
 */
export function blastocystAgeRatio(ageAtRetrieval: number, slope: number): number {
  let ratio = 1;
  for (const [age, r] of blastocystAgeRatios) if (ageAtRetrieval >= age) ratio = r;
  const from = parameters.blastocystAgeDecline.fromAge;
  return ratio * Math.exp(slope * Math.max(0, ageAtRetrieval - from));
}

/** Log-odds ratios of euploidy on day 6 and day 7 against day 5 (PMID 30614486). */
const DAY6_EUPLOID_LOG_OR =
  logit(parameters.euploidByDay.day6) - logit(parameters.euploidByDay.day5);
const DAY7_EUPLOID_LOG_OR =
  logit(parameters.euploidByDay.day7) - logit(parameters.euploidByDay.day5);

/** Blastocysts not made yet, by day: shares of all blastocysts and of euploid ones. */
export interface DayMix {
  /** Shares of all blastocysts on day 5, 6 and 7 (they sum to 1). */
  readonly blastocysts: readonly [number, number, number];
  /** Shares of euploid blastocysts on day 5, 6 and 7 (they sum to 1). */
  readonly euploid: readonly [number, number, number];
}

/**
 * The day mix of future blastocysts at this age. Euploidy by day keeps the
 * published odds ratios against day 5, with one intercept found so that the
 * mix of days has the age curve's share (`euploidShare`): the number of
 * euploid embryos is the age curve's, but more of them are day-5 ones.
 */
export function dayMix(euploidShare: number, day5Share: number, day7Share: number): DayMix {
  const s5 = (1 - day7Share) * day5Share;
  const s6 = (1 - day7Share) * (1 - day5Share);
  const s7 = day7Share;
  const mixAt = (x: number) =>
    s5 * expit(x) + s6 * expit(x + DAY6_EUPLOID_LOG_OR) + s7 * expit(x + DAY7_EUPLOID_LOG_OR);
  let lo = -30;
  let hi = 30;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (mixAt(mid) < euploidShare) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  const e5 = s5 * expit(x);
  const e6 = s6 * expit(x + DAY6_EUPLOID_LOG_OR);
  const e7 = s7 * expit(x + DAY7_EUPLOID_LOG_OR);
  const e = e5 + e6 + e7;
  return { blastocysts: [s5, s6, s7], euploid: [e5 / e, e6 / e, e7 / e] };
}

/** The slopes and levels of egg yield in one parameter set. */
export interface YieldParameters {
  readonly meanAtReference: number;
  readonly slopeAfter: number;
  readonly slopeBefore: number;
  readonly amhScale: number;
}

/** Log of the change in mean eggs from the reference age (35) to `age`. */
export function yieldAgeLog(age: number, y: YieldParameters): number {
  const ref = parameters.eggsPerRetrieval.referenceAge;
  return age >= ref ? y.slopeAfter * (age - ref) : y.slopeBefore * (age - ref);
}

const AMH_POINTS = parameters.eggsByAmh.bands.map(
  (b) => [Math.log(Math.sqrt(b.low * b.high)), b.mean] as const,
);

/** Mean eggs for women under 35 at this AMH (ng/mL), joined on log(AMH) between band middles. */
export function amhBandMean(amh: number): number {
  const x = Math.log(amh);
  const first = AMH_POINTS[0]!;
  const second = AMH_POINTS[1]!;
  const last = AMH_POINTS[AMH_POINTS.length - 1]!;
  if (x >= last[0]) return last[1];
  if (x <= first[0]) {
    const slope = (second[1] - first[1]) / (second[0] - first[0]);
    return Math.max(parameters.eggsByAmh.floorMean, first[1] + slope * (x - first[0]));
  }
  for (let i = 0; i + 1 < AMH_POINTS.length; i++) {
    const [x0, y0] = AMH_POINTS[i]!;
    const [x1, y1] = AMH_POINTS[i + 1]!;
    if (x <= x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}

/** Whether an AMH value lies outside the bands with published figures (0.3-4 ng/mL). */
export function amhOutsideBands(amh: number): boolean {
  const bands = parameters.eggsByAmh.bands;
  return amh < bands[0]!.low || amh > bands[bands.length - 1]!.high;
}

/** Mean eggs retrieved per retrieval for a person of this age (and AMH, when known). */
export function meanEggs(age: number, amh: number | null, y: YieldParameters): number {
  if (amh === null) return y.meanAtReference * Math.exp(yieldAgeLog(age, y));
  const ref = parameters.eggsByAmh.referenceAge;
  return amhBandMean(amh) * y.amhScale * Math.exp(yieldAgeLog(age, y) - yieldAgeLog(ref, y));
}
