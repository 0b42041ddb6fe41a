import type { Denominator, Estimate, EvidenceTag, Problem } from "@trellis/domain";
import type { MessageKey } from "../../i18n/en.ts";
import type { I18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";

/** How a chance reads as a natural frequency: "about 62 of 100", or "fewer than 1". */
export interface Frequency {
  /** Of 100, rounded. */
  readonly n: number;
  /** Above zero but rounds to none: say "fewer than 1", never "about 0". */
  readonly fewer: boolean;
  readonly low: number;
  readonly high: number;
}

export function frequency(e: Estimate): Frequency {
  const n = Math.round(e.central * 100);
  return {
    n,
    fewer: n === 0 && e.central > 0,
    low: Math.round(e.low * 100),
    high: Math.round(e.high * 100),
  };
}

/** How one side of a projection is counted in words. */
export type Count = "none" | "fewer" | "nearlyAll" | "all" | "about";

/**
 * A chance said from both sides, each rounded so the two add up to 100:
 * "about 41 would have a baby; about 59 would not". A side above zero that
 * rounds to none is "fewer than 1", and then the other is "nearly all".
 */
export interface TwoSides {
  readonly n: number;
  readonly has: Count;
  /** 100 − n. */
  readonly rest: number;
  readonly not: Count;
}

export function twoSides(e: Estimate): TwoSides {
  const n = Math.round(e.central * 100);
  const rest = 100 - n;
  const [has, not]: [Count, Count] =
    e.central <= 0
      ? ["none", "all"]
      : e.central >= 1
        ? ["all", "none"]
        : n === 0
          ? ["fewer", "nearlyAll"]
          : n === 100
            ? ["nearlyAll", "fewer"]
            : ["about", "about"];
  return { n, has, rest, not };
}

/** ICU values for the "Of 100 people …, about N would …; about M would not" sentences. */
export function frequencyValues(e: Estimate): Record<string, string | number> {
  return { ...twoSides(e) };
}

/**
 * The 80% range in a sentence of its own: what the person's own chance could
 * be, and why it is wide. `short` for the chances after the first in a group,
 * where the reason has just been said.
 */
export function rangeSentence(t: I18n["t"], e: Estimate, short = false): string {
  const { low, high } = frequency(e);
  const values = { low, high, same: low === high ? "yes" : "no" };
  return short ? t("odds.freq.rangeShort", values) : t("odds.freq.range", values);
}

export function denominatorWords(t: I18n["t"], d: Denominator): string {
  return t(`odds.denominator.${d}` as MessageKey);
}

/**
 * The small second line: the same chance as a percentage, with its range and
 * denominator (`denominator` words it differently, e.g. when there is no bank).
 */
export function percentLine(i18n: I18n, e: Estimate, denominator?: string): string {
  const pct = (x: number) => i18n.number(x, { style: "percent", maximumFractionDigits: 0 });
  return i18n.t("odds.freq.percent", {
    central: pct(e.central),
    low: pct(e.low),
    high: pct(e.high),
    denominator: denominator ?? denominatorWords(i18n.t, e.denominator),
  });
}

export function tagWords(t: I18n["t"], tag: EvidenceTag): string {
  return t(`odds.tag.${tag}`);
}

export type Goal = "one" | "two" | "three";

export function goalWords(t: I18n["t"], goal: Goal): string {
  return t(`odds.goal.${goal}`);
}

/** An embryo's name on this screen: the lab's label, or its day and grade. */
export function embryoName(
  t: I18n["t"],
  e: { label: string | null; input: { day: number; grade?: string | undefined } },
): string {
  if (e.label) return e.label;
  return e.input.grade
    ? t("odds.embryos.unnamed", { day: e.input.day, grade: e.input.grade })
    : t("odds.embryos.unnamedNoGrade", { day: e.input.day });
}

/** What a personal estimate learned from, in words: "2 retrievals and one transfer". */
export function learnedWords(t: I18n["t"], retrievals: number, transfers: number): string {
  return t("odds.learnedFrom", {
    retrievals,
    transfers,
    both: retrievals > 0 && transfers > 0 ? "yes" : "no",
  });
}

/** "These odds cannot be worked out: ...", when the domain refuses the question asked. */
export function cannotWorkOut(i18n: I18n, p: Problem<string>): string {
  return i18n.t("odds.problem", { message: refusalText(i18n, p) });
}
