import { type Problem, problem } from "../core/result.ts";
import type { FertilizationMethod } from "./events.ts";

/**
 * The counts of one cohort that must agree with each other: each later step
 * of the lab funnel can only hold eggs or embryos that were in the step
 * before. Checked against the whole record every time a report arrives or is
 * corrected, so reports can come in any order and still be caught.
 */
export interface FunnelCheck {
  readonly kind: "retrieval" | "thaw";
  readonly eggs: number;
  readonly survived: number | null;
  readonly mature: number | null;
  readonly method: FertilizationMethod | null;
  readonly fertilized: number | null;
  readonly day3: number | null;
  /** Blastocysts recorded (all days, not removed). */
  readonly blastocysts: number;
  /** Day-3 embryos listed one by one (frozen or kept on day 3). */
  readonly day3Listed: number;
  /** Eggs of this retrieval that were frozen instead of fertilized. */
  readonly eggsFrozen: number;
}

export type FunnelKey = keyof Omit<FunnelCheck, "kind" | "method">;

/**
 * The first way the counts disagree, or null. `fieldOf` maps a count to the
 * payload field of the event being checked, so the refusal lands on the input
 * the person just typed when it is one of the two counts in conflict. Params:
 * `count` (what is too many: `survived`, `mature`, `eggsFrozen`, `fertilized`,
 * `day3`, `day3Listed`, `blastocysts`) and `value`; `than` (`thawed`,
 * `retrieved`, `survived`, `mature`, `fertilized`, `couldFertilize`, `day3`)
 * and `limit`; `frozen` (eggs frozen instead, taken off), `kept` (day-3
 * embryos listed besides the blastocysts) and `icsi` (1 when only mature eggs
 * could be injected).
 */
export function funnelProblem(
  c: FunnelCheck,
  fieldOf: Partial<Record<FunnelKey, string>>,
): Problem | null {
  const fail = (
    lower: FunnelKey,
    upper: FunnelKey,
    params: { count: string; value: number; than: string; limit: number } & Record<
      string,
      string | number
    >,
  ) => problem("inconsistent-counts", fieldOf[lower] ?? fieldOf[upper] ?? "payload", params);

  // The eggs that could reach the lab's dish: mature if known, all eggs otherwise; a thaw starts from the survivors.
  if (c.kind === "thaw") {
    if (c.survived !== null && c.survived > c.eggs) {
      return fail("survived", "eggs", {
        count: "survived",
        value: c.survived,
        than: "thawed",
        limit: c.eggs,
      });
    }
  }
  const available = c.kind === "thaw" ? (c.survived ?? c.eggs) : c.eggs;
  const availableThan = c.kind === "thaw" ? "survived" : "retrieved";

  if (c.mature !== null && c.mature > available) {
    return fail("mature", c.kind === "thaw" ? "survived" : "eggs", {
      count: "mature",
      value: c.mature,
      than: availableThan,
      limit: available,
    });
  }
  if (c.eggsFrozen > (c.mature ?? available)) {
    return fail("eggsFrozen", c.mature !== null ? "mature" : "eggs", {
      count: "eggsFrozen",
      value: c.eggsFrozen,
      than: c.mature !== null ? "mature" : availableThan,
      limit: c.mature ?? available,
    });
  }
  if (c.fertilized !== null) {
    const icsi = c.method === "icsi" && c.mature !== null;
    const from = icsi ? c.mature! : available;
    if (c.fertilized > from - c.eggsFrozen) {
      return fail("fertilized", icsi ? "mature" : "eggs", {
        count: "fertilized",
        value: c.fertilized,
        than: icsi ? "mature" : availableThan,
        limit: from,
        frozen: c.eggsFrozen,
        icsi: icsi ? 1 : 0,
      });
    }
  }
  const beforeDay3 = c.fertilized ?? (c.mature ?? available) - c.eggsFrozen;
  const beforeThan = c.fertilized !== null ? "fertilized" : "couldFertilize";
  if (c.day3 !== null && c.day3 > beforeDay3) {
    return fail("day3", c.fertilized !== null ? "fertilized" : "eggs", {
      count: "day3",
      value: c.day3,
      than: beforeThan,
      limit: beforeDay3,
    });
  }
  if (c.day3 !== null && c.day3Listed > c.day3) {
    return fail("day3Listed", "day3", {
      count: "day3Listed",
      value: c.day3Listed,
      than: "day3",
      limit: c.day3,
    });
  }
  // Every blastocyst was an embryo still developing on day 3 (when the lab gave that count).
  if (c.day3 !== null && c.blastocysts + c.day3Listed > c.day3) {
    return fail("blastocysts", "day3", {
      count: "blastocysts",
      value: c.blastocysts,
      kept: c.day3Listed,
      than: "day3",
      limit: c.day3,
    });
  }
  if (c.blastocysts + c.day3Listed > beforeDay3) {
    return fail("blastocysts", c.fertilized !== null ? "fertilized" : "eggs", {
      count: "blastocysts",
      value: c.blastocysts,
      kept: c.day3Listed,
      than: beforeThan,
      limit: beforeDay3,
    });
  }
  return null;
}
