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

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The first way the counts disagree, or null. `fieldOf` maps a count to the
 * payload field of the event being checked, so the message lands on the input
 * the person just typed when it is one of the two counts in conflict.
 */
export function funnelProblem(
  c: FunnelCheck,
  fieldOf: Partial<Record<FunnelKey, string>>,
): Problem | null {
  const fail = (lower: FunnelKey, upper: FunnelKey, message: string) =>
    problem(
      "inconsistent-counts",
      fieldOf[lower] ?? fieldOf[upper] ?? "payload",
      `The lab counts do not add up: ${message}. Check the report; nothing was saved.`,
    );

  // The eggs that could reach the lab's dish: mature if known, all eggs otherwise; a thaw starts from the survivors.
  if (c.kind === "thaw") {
    if (c.survived !== null && c.survived > c.eggs) {
      return fail(
        "survived",
        "eggs",
        `${n(c.survived, "egg survived", "eggs survived")} the thaw, more than the ${c.eggs} thawed`,
      );
    }
  }
  const available = c.kind === "thaw" ? (c.survived ?? c.eggs) : c.eggs;
  const availableWords =
    c.kind === "thaw" ? `the ${available} that survived the thaw` : `the ${c.eggs} retrieved`;

  if (c.mature !== null && c.mature > available) {
    return fail(
      "mature",
      c.kind === "thaw" ? "survived" : "eggs",
      `${n(c.mature, "mature (MII) egg", "mature (MII) eggs")} is more than ${availableWords}`,
    );
  }
  if (c.eggsFrozen > (c.mature ?? available)) {
    return fail(
      "eggsFrozen",
      c.mature !== null ? "mature" : "eggs",
      `${n(c.eggsFrozen, "egg", "eggs")} frozen is more than ${c.mature !== null ? `the ${c.mature} mature (MII)` : availableWords}`,
    );
  }
  if (c.fertilized !== null) {
    const icsiBase = c.mature ?? available;
    const base = (c.method === "icsi" ? icsiBase : available) - c.eggsFrozen;
    if (c.fertilized > base) {
      const from =
        c.method === "icsi" && c.mature !== null
          ? `the ${c.mature} mature (MII) eggs${c.eggsFrozen ? ` less the ${c.eggsFrozen} frozen` : ""}: with ICSI only mature eggs are injected`
          : `${availableWords}${c.eggsFrozen ? ` less the ${c.eggsFrozen} frozen` : ""}`;
      return fail(
        "fertilized",
        c.method === "icsi" && c.mature !== null ? "mature" : "eggs",
        `${n(c.fertilized, "normally fertilized (2PN) egg", "normally fertilized (2PN) eggs")} is more than ${from}`,
      );
    }
  }
  const beforeDay3 = c.fertilized ?? (c.mature ?? available) - c.eggsFrozen;
  const beforeWords =
    c.fertilized !== null
      ? `the ${c.fertilized} normally fertilized (2PN)`
      : `the ${beforeDay3} eggs that could have fertilized`;
  if (c.day3 !== null && c.day3 > beforeDay3) {
    return fail(
      "day3",
      c.fertilized !== null ? "fertilized" : "eggs",
      `${n(c.day3, "embryo", "embryos")} on day 3 is more than ${beforeWords}`,
    );
  }
  if (c.day3 !== null && c.day3Listed > c.day3) {
    return fail(
      "day3Listed",
      "day3",
      `${n(c.day3Listed, "day-3 embryo is", "day-3 embryos are")} listed, more than the ${c.day3} developing on day 3`,
    );
  }
  // Every blastocyst was an embryo still developing on day 3 (when the lab gave that count).
  if (c.day3 !== null && c.blastocysts + c.day3Listed > c.day3) {
    return fail(
      "blastocysts",
      "day3",
      `${n(c.blastocysts, "blastocyst", "blastocysts")}${c.day3Listed ? ` and ${c.day3Listed} day-3 embryos kept` : ""} is more than the ${c.day3} embryos still developing on day 3`,
    );
  }
  if (c.blastocysts + c.day3Listed > beforeDay3) {
    return fail(
      "blastocysts",
      c.fertilized !== null ? "fertilized" : "eggs",
      `${n(c.blastocysts, "blastocyst", "blastocysts")}${c.day3Listed ? ` and ${c.day3Listed} day-3 embryos` : ""} is more than ${beforeWords}`,
    );
  }
  return null;
}
