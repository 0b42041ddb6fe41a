/** Answers "is this beta rise normal?": each interval's rise against the minimal rise for a viable pregnancy. */

import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { Temporal } from "../core/time.ts";
import { LAB_ANALYTES } from "./units.ts";

/**
 * A "beta" is a blood test for beta hCG (human chorionic gonadotropin), the
 * hormone a pregnancy makes, taken from about 9-14 days after a transfer and
 * repeated every two days or so. What matters is not one number (it depends on
 * the day, fresh vs frozen, and the assay) but how fast it rises: in an early
 * viable pregnancy it roughly doubles every two days (clinical reference §4).
 */

/**
 * One beta result. `value` in mIU/mL (= IU/L). `at` is either a date
 * `YYYY-MM-DD` (all draws taken at the same time of day, so a day is 24 h) or
 * an exact time with offset, ideally with zone:
 * `2026-01-20T08:00:00-05:00[America/Toronto]`. One series uses one kind.
 */
export interface BetaValue {
  readonly at: string;
  readonly value: number;
}

/**
 * Whether an interval's rise could be held against the minimal rise, and if
 * not, why: `compared` (then `meetsMinimalRise` says how it went),
 * `not-rising` (falling or flat: the trend is the answer),
 * `interval-too-short` (under `MIN_JUDGED_INTERVAL_HOURS`) or
 * `interval-too-long` (over `MAX_JUDGED_INTERVAL_HOURS`); for those two no
 * 48-h rise, doubling time or judgement is given. A screen says the reason in
 * words.
 */
export type BetaJudgement = "compared" | "not-rising" | "interval-too-short" | "interval-too-long";

export interface BetaInterval {
  /** `at` of the earlier value, as given. */
  readonly from: string;
  /** `at` of the later value, as given. */
  readonly to: string;
  readonly hours: number;
  /** Raw change over the interval, in percent: (h2 / h1 - 1) x 100. */
  readonly risePercent: number;
  /**
   * The rise scaled to 48 h, to compare with the minimal rise:
   * ((h2 / h1)^(48 / hours) - 1) x 100; `null` for an interval under
   * `MIN_JUDGED_INTERVAL_HOURS` or over `MAX_JUDGED_INTERVAL_HOURS`, where
   * scaling would magnify noise or hide how the rise slows.
   */
  readonly rise48hPercent: number | null;
  /**
   * Hours for the value to double at this pace; `null` when it is not rising,
   * or when the interval is outside the judged range.
   */
  readonly doublingTimeHours: number | null;
  readonly trend: "rising" | "flat" | "falling";
  /** The slowest 48-h rise seen in viable pregnancies, for the interval's first value (Barnhart 2016). */
  readonly minimalRise48hPercent: 49 | 40 | 33;
  /** Whether the rise could be judged, and why not when it could not. */
  readonly judgement: BetaJudgement;
  /**
   * Whether `rise48hPercent` reaches that minimum; `null` unless `judgement`
   * is `compared`: when the value is not rising the question of a minimal rise
   * does not apply and the trend (`falling`, `flat`) is the answer; over an
   * interval too short or too long there is no judgement to give.
   */
  readonly meetsMinimalRise: boolean | null;
}

export interface BetaTrend {
  /** Between consecutive values, in time order. Empty for a single value. */
  readonly intervals: readonly BetaInterval[];
  /**
   * Always present: the trend never rules out an ectopic pregnancy; only an
   * ultrasound can tell where a pregnancy is (clinical reference §4, Dillon
   * et al. 2012: about 27% of ectopic curves look normal or failing). The key
   * of the web catalogue's words for it.
   */
  readonly noteKey: "beta.ultrasound-decides";
  readonly source: string;
}

/** clinical reference §4: Barnhart et al. 2016 [checked], Dillon et al. 2012 [checked]. */
export const BETA_SOURCE =
  "Barnhart et al. 2016, Obstet Gynecol 128:504 (minimal 48-h rise by first value); Dillon et al. 2012 (kinetics do not rule out ectopic pregnancy); clinical reference §4";

/**
 * Minimal 48-h rise by the interval's first value (Barnhart et al. 2016,
 * Obstet Gynecol 128:504, clinical reference §4 [checked]): 49% below 1,500 mIU/mL,
 * 40% at 1,500-3,000, 33% above 3,000.
 */
export function minimalRise48hPercent(firstValue: number): 49 | 40 | 33 {
  if (firstValue < 1_500) return 49;
  if (firstValue <= 3_000) return 40;
  return 33;
}

/** Guard, not a clinical figure: the hCG plausibility bound from units.ts. */
const HCG_MAX = LAB_ANALYTES.hCG.plausibleMax;
const HOURS_PER_DAY = 24;
/**
 * Guard, not a clinical figure: the shortest interval whose rise is held
 * against the minimal 48-h rise. The minimal rises come from draws taken days
 * apart (docs/clinical-reference.md §4, Barnhart et al. 2016); over a few hours
 * the assay's own scatter is as large as any rise, and scaling it to 48 h
 * multiplies that scatter (100 -> 104 in 2 h would read as a 60% rise). One day
 * is the interval of two betas on consecutive days, the shortest a clinic
 * orders on purpose.
 */
export const MIN_JUDGED_INTERVAL_HOURS = 24;
/**
 * Guard, not a clinical figure: the longest interval whose rise is held
 * against the minimal 48-h rise (a week). The minimal rises are for draws a
 * few days apart, and they fall as values climb (49% below 1,500 mIU/mL, 33%
 * above 3,000: docs/clinical-reference.md §4): hCG rises more slowly as it
 * grows. Scaled from weeks apart, a healthy rise would read as "slower than
 * usual", and the slowest usual rise would run to absurd numbers.
 */
export const MAX_JUDGED_INTERVAL_HOURS = 7 * 24;
/**
 * Guard, not a clinical figure: two draws less than an hour apart are the same
 * draw as far as a trend can tell, and scaling minutes to 48 h would turn assay
 * noise into huge rises.
 */
const MIN_INTERVAL_HOURS = 1;
/** Floating error allowance, so 100 -> 149 over 48 h counts as the full 49%. */
const EPSILON = 1e-9;
const NS_PER_HOUR = 3_600_000_000_000n;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Moment = { kind: "date"; hours: number } | { kind: "exact"; hours: number };

function readAt(at: unknown): Moment | null {
  if (typeof at !== "string" || at.length > 80) return null;
  try {
    if (DATE_ONLY.test(at)) {
      const date = Temporal.PlainDate.from(at, { overflow: "reject" });
      // Days since 1970-01-01 x 24: draws at the same time of day, so a day is 24 h.
      const days = date.since(Temporal.PlainDate.from("1970-01-01"), { largestUnit: "days" }).days;
      return { kind: "date", hours: days * HOURS_PER_DAY };
    }
    const instant = at.includes("[")
      ? Temporal.ZonedDateTime.from(at, { offset: "reject" }).toInstant()
      : Temporal.Instant.from(at); // needs an offset or Z; a bare local time is refused
    // Whole-hour part in bigint, remainder in number: exact for any realistic time.
    const ns = instant.epochNanoseconds;
    return {
      kind: "exact",
      hours: Number(ns / NS_PER_HOUR) + Number(ns % NS_PER_HOUR) / Number(NS_PER_HOUR),
    };
  } catch {
    return null;
  }
}

/**
 * The trend of a series of betas (any order; sorted by time). For each pair
 * of consecutive values: raw rise, rise scaled to 48 h, doubling time
 * t_d = dt x ln 2 / ln(h2 / h1) (clinical reference §4), and whether the 48-h rise
 * meets the minimal rise for the first value. Pairs less than a day
 * (`MIN_JUDGED_INTERVAL_HOURS`) or more than a week
 * (`MAX_JUDGED_INTERVAL_HOURS`) apart get the raw rise and the trend only
 * (`judgement: "interval-too-short"` or `"interval-too-long"`). Always carries the note that an
 * ultrasound decides (Dillon et al. 2012).
 *
 * Refuses: no values, a value that is not a positive finite number (or above
 * the hCG plausibility guard), an `at` that is not a real date or an exact
 * time with offset, dates mixed with exact times, two values at the same time
 * (or, for exact times, less than an hour apart).
 */
export function betaTrend(series: readonly BetaValue[]): Result<BetaTrend, Problem> {
  if (!Array.isArray(series) || series.length === 0) {
    return err(problem("empty-series", "series"));
  }
  const points: { at: string; value: number; hours: number; kind: Moment["kind"] }[] = [];
  for (const [i, point] of series.entries()) {
    const field = `series.${i}`;
    const { at, value } = (typeof point === "object" && point !== null ? point : {}) as Partial<
      Record<keyof BetaValue, unknown>
    >;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      return err(problem("invalid-value", `${field}.value`));
    }
    if (value > HCG_MAX) {
      return err(
        problem("implausible-value", `${field}.value`, {
          analyte: "hCG",
          value,
          unit: "mIU/mL",
          max: HCG_MAX,
        }),
      );
    }
    const moment = readAt(at);
    if (!moment || typeof at !== "string") {
      return err(problem("invalid-time", `${field}.at`));
    }
    const first = points[0];
    if (first && first.kind !== moment.kind) {
      return err(problem("mixed-times", `${field}.at`));
    }
    const same = points.find((p) => p.hours === moment.hours);
    if (same) {
      return err(problem("duplicate-time", `${field}.at`, { at: same.at }));
    }
    const close = points.find((p) => Math.abs(p.hours - moment.hours) < MIN_INTERVAL_HOURS);
    if (close) {
      return err(problem("too-close", `${field}.at`, { at: close.at }));
    }
    points.push({ at, value, hours: moment.hours, kind: moment.kind });
  }
  points.sort((a, b) => a.hours - b.hours);

  const intervals: BetaInterval[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const hours = b.hours - a.hours;
    const ratio = b.value / a.value;
    const minimal = minimalRise48hPercent(a.value);
    const trend = ratio > 1 ? "rising" : ratio < 1 ? "falling" : "flat";
    const judgement: BetaJudgement =
      hours < MIN_JUDGED_INTERVAL_HOURS
        ? "interval-too-short"
        : hours > MAX_JUDGED_INTERVAL_HOURS
          ? "interval-too-long"
          : trend === "rising"
            ? "compared"
            : "not-rising";
    const scaled = judgement === "compared" || judgement === "not-rising";
    const rise48hPercent = scaled ? (ratio ** (48 / hours) - 1) * 100 : null;
    intervals.push({
      from: a.at,
      to: b.at,
      hours,
      risePercent: (ratio - 1) * 100,
      rise48hPercent,
      doublingTimeHours: judgement === "compared" ? (hours * Math.LN2) / Math.log(ratio) : null,
      trend,
      minimalRise48hPercent: minimal,
      judgement,
      meetsMinimalRise:
        judgement === "compared" && rise48hPercent !== null
          ? rise48hPercent >= minimal - EPSILON
          : null,
    });
  }
  return ok({
    intervals,
    noteKey: "beta.ultrasound-decides",
    source: BETA_SOURCE,
  });
}
