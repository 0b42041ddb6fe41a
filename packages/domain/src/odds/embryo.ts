import type { GardnerGrade } from "../clinical/gardner.ts";
import { type PersonEffect, spreadOverPeople } from "./correlate.ts";
import { ageAtTransferLogOdds, dayMix, euploidFraction, euploidyLogit } from "./curves.ts";
import type { Theta } from "./draws.ts";
import { expit } from "./special.ts";

/**
 * What PGT-A said about an embryo. `untested`: no biopsy. `mosaic`: a mix of
 * normal and abnormal cells in the biopsy. `aneuploid`: the wrong number of
 * chromosomes; not transferred, so it adds no chance.
 */
export type PgtResult = "euploid" | "untested" | "mosaic" | "aneuploid";

/** A blastocyst in the bank, as the engine reads it after validation. */
export interface BankEmbryo {
  /** Age at egg retrieval: embryo quality follows it, whatever the age at transfer. */
  readonly ageAtRetrieval: number;
  readonly pgt: PgtResult;
  /** Day the blastocyst was frozen or biopsied (5, 6 or 7). */
  readonly day: 5 | 6 | 7;
  readonly grade: GardnerGrade | null;
}

/**
 * Log-odds of live birth if this embryo were euploid, per transfer, before the
 * person-level effect. Grade enters through the inner cell mass level (RBMO
 * 2019) and the trophectoderm odds ratio; an early blastocyst written without
 * letters counts as the lowest grade (no figure; cautious).
 */
export function euploidLogOdds(embryo: BankEmbryo, ageAtTransfer: number, t: Theta): number {
  let x = t.euploidLogit;
  const grade = embryo.grade;
  if (grade) {
    const icm = grade.icm ?? "C";
    const te = grade.te ?? "C";
    x = t.icmLogit[icm];
    x += te === "A" ? t.trophectodermLogOr / 2 : te === "C" ? -t.trophectodermLogOr / 2 : 0;
  }
  if (embryo.day !== 5) x += t.day6LogOr;
  x += ageAtTransferLogOdds(
    Math.max(ageAtTransfer, embryo.ageAtRetrieval),
    t.age38LogOr,
    t.age41LogOr,
  );
  return x;
}

/**
 * Chance of a live birth from transferring this embryo, averaged over people
 * (denominator: per transfer, after it survived the thaw). Untested embryos:
 * the chance of being euploid at that age times the euploid chance; mosaic:
 * a fixed share of the euploid chance; aneuploid: none.
 */
export function perTransferChance(embryo: BankEmbryo, ageAtTransfer: number, t: Theta): number {
  if (embryo.pgt === "aneuploid") return 0;
  const euploid = expit(euploidLogOdds(embryo, ageAtTransfer, t));
  if (embryo.pgt === "euploid") return euploid;
  if (embryo.pgt === "mosaic") return t.mosaicRelative * euploid;
  return (
    euploidFraction(embryo.ageAtRetrieval, embryo.day, t.euploidShift, t.day7Euploid) * euploid
  );
}

/**
 * An embryo with everything that does not depend on the parameter draw worked
 * out once: the same chance as `perTransferChance`, faster in the draw loop.
 */
export interface PreparedEmbryo {
  readonly pgt: PgtResult;
  /** 0, 1, 2 for inner cell mass A, B, C; -1 when no grade was given. */
  readonly icm: number;
  /** +1, 0, -1 for trophectoderm A, B, C. */
  readonly te: number;
  readonly late: boolean;
  /** 0: under 35, 1: 35-37, 2: 38-40, 3: 41+ (on the older of egg age and age at transfer). */
  readonly band: 0 | 1 | 2 | 3;
  readonly euploidyLogit: number;
  readonly day7: boolean;
}

const ICM_INDEX = { A: 0, B: 1, C: 2 } as const;

export function prepareEmbryo(embryo: BankEmbryo, ageAtTransfer: number): PreparedEmbryo {
  const age = Math.max(ageAtTransfer, embryo.ageAtRetrieval);
  const grade = embryo.grade;
  const te = grade ? (grade.te ?? "C") : null;
  return {
    pgt: embryo.pgt,
    icm: grade ? ICM_INDEX[grade.icm ?? "C"] : -1,
    te: te === "A" ? 1 : te === "C" ? -1 : 0,
    late: embryo.day !== 5,
    band: age >= 41 ? 3 : age >= 38 ? 2 : age >= 35 ? 1 : 0,
    euploidyLogit: euploidyLogit(embryo.ageAtRetrieval),
    day7: embryo.day === 7,
  };
}

/** `perTransferChance` for a prepared embryo. */
export function preparedChance(e: PreparedEmbryo, t: Theta): number {
  if (e.pgt === "aneuploid") return 0;
  let x =
    e.icm < 0
      ? t.euploidLogit
      : (e.icm === 0 ? t.icmLogit.A : e.icm === 1 ? t.icmLogit.B : t.icmLogit.C) +
        (e.te * t.trophectodermLogOr) / 2;
  if (e.late) x += t.day6LogOr;
  x +=
    e.band === 3 ? t.age41LogOr : e.band === 2 ? t.age38LogOr : e.band === 1 ? t.age38LogOr / 2 : 0;
  const euploid = 1 / (1 + Math.exp(-x));
  if (e.pgt === "euploid") return euploid;
  if (e.pgt === "mosaic") return t.mosaicRelative * euploid;
  const share = 1 / (1 + Math.exp(-(e.euploidyLogit + t.euploidShift)));
  return (e.day7 ? Math.min(share, t.day7Euploid) : share) * euploid;
}

/**
 * A blastocyst not made yet, from eggs collected at `ageAtRetrieval` and
 * transferred at `ageAtTransfer`: its chance of a live birth per transfer if
 * it is euploid, given the mix of days (day 5, 6, 7) it may reach. Day 6 and
 * 7 get the day-6 odds ratio, as in the bank; euploid embryos are more often
 * day-5 ones (`dayMix`). Writes the chance at each person-level node and for
 * the draw's two people, as `spreadOverPeople` does (evaluated at `at`, a
 * person's posterior, when given), and returns their average.
 */
export function futureEuploidChance(
  ageAtRetrieval: number,
  ageAtTransfer: number,
  t: Theta,
  effect: PersonEffect,
  out: Float64Array,
  scratch: Float64Array,
  at: PersonEffect = effect,
): number {
  const mix = futureDayMix(ageAtRetrieval, t);
  const age = ageAtTransferLogOdds(
    Math.max(ageAtTransfer, ageAtRetrieval),
    t.age38LogOr,
    t.age41LogOr,
  );
  const w5 = mix.euploid[0];
  const m5 = spreadOverPeople(expit(t.euploidLogit + age), effect, out, 0, at);
  const m6 = spreadOverPeople(expit(t.euploidLogit + t.day6LogOr + age), effect, scratch, 0, at);
  for (let k = 0; k < out.length; k++) out[k] = w5 * out[k]! + (1 - w5) * scratch[k]!;
  return w5 * m5 + (1 - w5) * m6;
}

/** The day mix of blastocysts not made yet from eggs collected at this age, in one parameter draw. */
export function futureDayMix(ageAtRetrieval: number, t: Theta) {
  return dayMix(
    euploidFraction(ageAtRetrieval, 5, t.euploidShift, t.day7Euploid),
    t.day5Share,
    t.day7Share,
  );
}
