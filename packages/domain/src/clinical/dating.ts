/** Answers "when is the baby due, and how far along is the pregnancy on a given day?". */
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { type IsoDate, isIsoDate, Temporal } from "../core/time.ts";

/**
 * Gestational age (GA) is how far along a pregnancy is, written weeks+days
 * (`5w3d`). By convention it counts from the first day of the last menstrual
 * period (LMP), about two weeks before ovulation, so at conception a
 * pregnancy is already "2 weeks". In IVF the dates are known exactly: egg
 * retrieval (or ovulation) is GA 2w0d, and an embryo transferred on day N of
 * its development is GA 2w0d + N days on transfer day (a day-5 blastocyst is
 * at 2w5d). The estimated due date (EDD) is GA 40w0d. (clinical reference §4, Dating.)
 */

/** Day of development at transfer: day 3 (cleavage stage) or 5-7 (blastocyst). */
export type EmbryoDay = 3 | 5 | 6 | 7;

/** How the pregnancy is dated. `on`, if given, is the day to give the gestational age for. */
export type DueDateInput =
  | { readonly transferDate: IsoDate; readonly embryoDay: EmbryoDay; readonly on?: IsoDate }
  | { readonly lmp: IsoDate; readonly on?: IsoDate }
  | { readonly retrievalDate: IsoDate; readonly on?: IsoDate };

export interface GestationalAge {
  readonly weeks: number;
  /** 0-6, the days past `weeks`. */
  readonly days: number;
  /** Days since GA 0w0d: weeks x 7 + days. */
  readonly totalDays: number;
}

export interface DueDate {
  /** GA 40w0d. */
  readonly dueDate: IsoDate;
  /** The date that counts as conception (GA 2w0d): retrieval, or transfer minus the embryo's age. */
  readonly conceptionEquivalent: IsoDate;
  /** On `on`; present only when `on` was given. */
  readonly gestationalAge?: GestationalAge;
  readonly source: string;
}

export const DATING_SOURCE =
  "clinical reference §4 (Dating): retrieval or ovulation is 2w0d, a day-5 blastocyst is 2w5d on transfer day, due date is 40w0d";

/** clinical reference §4: retrieval (or ovulation) is gestational age 2w0d. */
const GA_AT_CONCEPTION_DAYS = 14;
/** clinical reference §4: estimated due date = gestational age 40w0d. */
const GA_AT_DUE_DATE_DAYS = 40 * 7;
/** clinical reference §4: a day-N embryo is GA 2w0d + N days on transfer day (day 5 -> 2w5d). */
const EMBRYO_DAYS: readonly number[] = [3, 5, 6, 7];
/**
 * Guard, not a clinical fact: the longest a pregnancy is counted, in whole
 * weeks (ages run 0w0d to 44w6d, days 0-6). Pregnancies are seldom left to
 * run past 42 weeks (the due date is 40w0d, docs/clinical-reference.md §4);
 * 44 leaves room for a clinic dating differently from the transfer. A weeks
 * figure above it is a typo, and a day further from the transfer than that
 * has no gestational age. Every form and check of weeks uses this one number.
 */
export const GESTATION_MAX_WEEKS = 44;
/** Days past the whole weeks: 0-6. */
export const GESTATION_MAX_DAYS = 6;
/** 44w6d in days since 0w0d: the last day that has a gestational age. */
const GA_MAX_TOTAL_DAYS = GESTATION_MAX_WEEKS * 7 + GESTATION_MAX_DAYS;

/** Whether weeks and days written by a person (or a clinic) are a gestational age: 0-44 weeks and 0-6 days, whole. */
export function isGestationalAge(weeks: number, days: number): boolean {
  return (
    Number.isInteger(weeks) &&
    Number.isInteger(days) &&
    weeks >= 0 &&
    weeks <= GESTATION_MAX_WEEKS &&
    days >= 0 &&
    days <= GESTATION_MAX_DAYS
  );
}

/** Guard, not a clinical figure: keeps every date, due dates included, in YYYY-MM-DD form. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

const ANCHORS = ["transferDate", "lmp", "retrievalDate"] as const;

function readDate(raw: unknown, field: string): Result<Temporal.PlainDate, Problem> {
  if (typeof raw !== "string" || !isIsoDate(raw)) {
    return err(problem("invalid-date", field));
  }
  const date = Temporal.PlainDate.from(raw);
  if (date.year < FIRST_YEAR || date.year > LAST_YEAR) {
    return err(problem("invalid-date", field, { min: FIRST_YEAR, max: LAST_YEAR }));
  }
  return ok(date);
}

/**
 * The estimated due date and conception-equivalent date, from a transfer
 * (with the embryo's day), a last menstrual period (Naegele's rule: LMP + 280
 * days, which assumes ovulation on cycle day 14), or a retrieval. With `on`,
 * also the gestational age that day; `on` before the conception-equivalent
 * date is refused, and so is `on` past 44w6d (`GESTATION_MAX_WEEKS`).
 *
 * Worked example: a day-5 blastocyst transferred on 2015-08-10 is at 2w5d
 * (19 days); due date = transfer + (280 - 19) = 2016-04-27.
 */
export function dueDate(input: DueDateInput): Result<DueDate, Problem> {
  if (typeof input !== "object" || input === null) {
    return err(problem("missing-date", "input"));
  }
  const raw = input as Partial<Record<(typeof ANCHORS)[number] | "embryoDay" | "on", unknown>>;
  const given = ANCHORS.filter((k) => raw[k] !== undefined && raw[k] !== null);
  const anchor = given[0];
  if (!anchor || given.length > 1) {
    return err(problem(anchor ? "ambiguous-date" : "missing-date", given[1] ?? "input"));
  }
  const date = readDate(raw[anchor], anchor);
  if (!date.ok) return date;

  let conception: Temporal.PlainDate;
  if (anchor === "transferDate") {
    const day = raw.embryoDay;
    if (typeof day !== "number" || !EMBRYO_DAYS.includes(day)) {
      return err(
        day === undefined || day === null
          ? problem("required", "embryoDay")
          : problem("invalid-embryo-day", "embryoDay", { allowed: EMBRYO_DAYS.join(", ") }),
      );
    }
    conception = date.value.subtract({ days: day });
  } else {
    if (raw.embryoDay !== undefined && raw.embryoDay !== null) {
      return err(problem("embryo-day-needs-transfer", "embryoDay"));
    }
    conception = anchor === "lmp" ? date.value.add({ days: GA_AT_CONCEPTION_DAYS }) : date.value;
  }
  const gaZero = conception.subtract({ days: GA_AT_CONCEPTION_DAYS });
  const due = gaZero.add({ days: GA_AT_DUE_DATE_DAYS });
  const result = {
    dueDate: due.toString(),
    conceptionEquivalent: conception.toString(),
    source: DATING_SOURCE,
  };
  if (raw.on === undefined || raw.on === null) return ok(result);

  const on = readDate(raw.on, "on");
  if (!on.ok) return on;
  if (Temporal.PlainDate.compare(on.value, conception) < 0) {
    return err(problem("before-conception", "on", { date: conception.toString() }));
  }
  const totalDays = on.value.since(gaZero, { largestUnit: "days" }).days;
  if (totalDays > GA_MAX_TOTAL_DAYS) {
    return err(
      problem("after-pregnancy", "on", {
        maxWeeks: GESTATION_MAX_WEEKS,
        maxDays: GESTATION_MAX_DAYS,
      }),
    );
  }
  return ok({
    ...result,
    gestationalAge: { weeks: Math.floor(totalDays / 7), days: totalDays % 7, totalDays },
  });
}

/**
 * clinical reference §4: the gestational age on transfer day of an embryo
 * transferred on day `embryoDay` (2w0d plus its days: day 5 is 2w5d), as the
 * dating card says where its dates come from.
 */
export function gestationalAgeAtTransfer(embryoDay: number): GestationalAge {
  const totalDays = GA_AT_CONCEPTION_DAYS + embryoDay;
  return { weeks: Math.floor(totalDays / 7), days: totalDays % 7, totalDays };
}
