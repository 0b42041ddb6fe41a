import { type Problem, problem } from "../core/result.ts";

/**
 * Guard, not a clinical fact: the ages (in whole years, both ends included)
 * Trellis is made for when a record is set up. It catches a slip of the year
 * of birth (1890, 2019) before the odds, the typical funnel and every age
 * shown are worked out from it. Fertility treatment happens outside these
 * ages too; Trellis's figures and words do not reach there. The set-up form
 * and the domain's check both use this one constant.
 */
export const SETUP_AGE_RANGE = { min: 16, max: 60 } as const;

/** Whole years from `dateOfBirth` to `date` (both `YYYY-MM-DD`): the birthday counts from its day. */
export function ageInYears(dateOfBirth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Whether someone born on `dateOfBirth` is within `SETUP_AGE_RANGE` on `today`. */
export function isSetupAge(dateOfBirth: string, today: string): boolean {
  const age = ageInYears(dateOfBirth, today);
  return age >= SETUP_AGE_RANGE.min && age <= SETUP_AGE_RANGE.max;
}

/**
 * The refusal for a date of birth outside `SETUP_AGE_RANGE`, or null. `today`
 * is the span of dates it could be somewhere on Earth (`recordedDates`): too
 * young only if still under the minimum on the latest of them, too old only
 * if past the maximum on the earliest, so nobody is refused for their zone.
 */
export function setupAgeProblem(
  dateOfBirth: string,
  today: { readonly earliest: string; readonly latest: string },
): Problem | null {
  const young = ageInYears(dateOfBirth, today.latest) < SETUP_AGE_RANGE.min;
  const old = ageInYears(dateOfBirth, today.earliest) > SETUP_AGE_RANGE.max;
  if (!young && !old) return null;
  return problem("age-outside-setup-range", "payload.dateOfBirth", {
    min: SETUP_AGE_RANGE.min,
    max: SETUP_AGE_RANGE.max,
  });
}
