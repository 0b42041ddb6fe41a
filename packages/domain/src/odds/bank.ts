import { ok, type Problem, type Result } from "../core/result.ts";
import { type BankComputation, computeBank, groupEmbryos } from "./bank-draws.ts";
import { EUPLOIDY_PEAK_AGE } from "./curves.ts";
import { DEFAULT_SEED, drawThetas } from "./draws.ts";
import type { BankEmbryo } from "./embryo.ts";
import { type Estimate, type Note, sourcesFor } from "./estimate.ts";
import { notes } from "./notes.ts";
import { parameters, RANGE_LEVEL, type Source, type SourceId } from "./parameters.ts";
import { countedTransfers, preparePast } from "./past.ts";
import {
  bankOddsSchema,
  type EmbryoInput,
  type PastTransferInput,
  parseWith,
  toBankEmbryo,
} from "./schema.ts";

/**
 * The bank question and its answer: the chance of at least one, two and three
 * live births from frozen embryos, each embryo's own chance, the sources and
 * the notes. The computation over the parameter draws is in `bank-draws.ts`.
 */

/** The question: with these frozen embryos, what are our chances? */
export interface BankOddsInput {
  readonly embryos: readonly EmbryoInput[];
  /**
   * Age of the person carrying the pregnancy at the coming transfers; defaults
   * to the age at the most recent retrieval. May be younger than the egg's age
   * (a partner or a gestational carrier).
   */
  readonly ageAtTransfer?: number;
  /** The person's own finished transfers: a personal answer learns from them. */
  readonly pastTransfers?: readonly PastTransferInput[];
  /** Same seed, same answer. */
  readonly seed?: number;
}

/** One embryo's chance, in the order the embryos were given. */
export interface EmbryoOdds {
  readonly index: number;
  /** False for an aneuploid embryo, which is not transferred. */
  readonly transferable: boolean;
  /** Live birth if it survives the thaw and is transferred. */
  readonly perTransfer: Estimate;
  /** Live birth from this embryo as it sits in the bank, counting the thaw. */
  readonly perEmbryo: Estimate;
}

export interface BankOdds {
  /** At least one, two, three live births if every transferable embryo is transferred, one at a time. */
  readonly atLeastOne: Estimate;
  readonly atLeastTwo: Estimate;
  readonly atLeastThree: Estimate;
  readonly embryos: readonly EmbryoOdds[];
  /** How many transfers that would be (aneuploid embryos left out). */
  readonly transfers: number;
  /** The age used for the age effect after transfer; null for an empty bank. */
  readonly ageAtTransfer: number | null;
  /**
   * The same after the person's own past transfers (`pastTransfers`), shown
   * beside the typical answer, never instead; null when none teaches anything.
   */
  readonly personal: PersonalBankOdds | null;
  /** Past transfers the personal answer learned from. */
  readonly transfersCounted: number;
  readonly rangeLevel: number;
  readonly sources: readonly Source[];
  readonly notes: readonly Note[];
}

/** The bank's answer for this person after their own transfers, beside the typical one. */
export interface PersonalBankOdds {
  readonly atLeastOne: Estimate;
  readonly atLeastTwo: Estimate;
  readonly atLeastThree: Estimate;
  readonly embryos: readonly EmbryoOdds[];
}

/** Which sources a bank's answer rests on. */
export function bankSources(embryos: readonly BankEmbryo[], ageAtTransfer: number): Set<SourceId> {
  const used = new Set<SourceId>();
  const transferable = embryos.filter((e) => e.pgt !== "aneuploid");
  if (transferable.length === 0) return used;
  used.add("euploidRange").add("star2019").add("naturalFet2021").add("vienna2017");
  used.add("roberts2012").add("trellisModel");
  if (transferable.some((e) => e.grade !== null)) used.add("icmGrade2019").add("boynukalin2020");
  if (transferable.some((e) => e.day !== 5)) used.add("boynukalin2020");
  if (transferable.some((e) => Math.max(e.ageAtRetrieval, ageAtTransfer) >= 35))
    used.add("reig2020");
  if (transferable.some((e) => e.pgt === "untested")) used.add("franasiak2014");
  if (transferable.some((e) => e.pgt === "untested" && e.day === 7)) used.add("su2016");
  return used;
}

function bankNotes(embryos: readonly BankEmbryo[], ageAtTransfer: number, given: boolean): Note[] {
  const out: Note[] = [notes.rangeMeaning(), notes.singleTransfers()];
  const transferable = embryos.filter((e) => e.pgt !== "aneuploid");
  if (transferable.length > 0) {
    out.push(notes.frozen(parameters.blastocystThawSurvival.value.central), notes.correlation());
    out.push(
      given ? notes.ageAtTransferGiven(ageAtTransfer) : notes.ageAtTransferAssumed(ageAtTransfer),
    );
  }
  if (transferable.some((e) => e.grade === null)) out.push(notes.noGrade());
  if (transferable.some((e) => e.grade !== null && e.grade.icm === null))
    out.push(notes.earlyGrade());
  if (transferable.some((e) => e.pgt === "untested" && e.grade !== null))
    out.push(notes.untestedGrade());
  if (embryos.some((e) => e.pgt === "mosaic"))
    out.push(notes.mosaic(parameters.mosaicRelative.value.central));
  if (embryos.some((e) => e.pgt === "aneuploid")) out.push(notes.aneuploid());
  if (transferable.some((e) => e.day === 7)) out.push(notes.day7());
  if (transferable.some((e) => e.pgt === "untested" && e.ageAtRetrieval < EUPLOIDY_PEAK_AGE))
    out.push(notes.youngEuploidy());
  out.push(notes.doesNotKnow(), notes.notAdvice());
  return out;
}

/**
 * The chance of at least one, two and three live births from a bank of frozen
 * embryos, each transferred on its own until the bank is used, with each
 * embryo's own chance, sources and plain-language limits.
 */
export function bankOdds(input: BankOddsInput): Result<BankOdds, Problem> {
  const parsed = parseWith(bankOddsSchema, input);
  if (!parsed.ok) return parsed;
  const { embryos: raw, seed } = parsed.value;
  const embryos = raw.map(toBankEmbryo);
  const latest = embryos.reduce((m, e) => Math.max(m, e.ageAtRetrieval), 0);
  const given = parsed.value.ageAtTransfer !== undefined;
  const ageAtTransfer = parsed.value.ageAtTransfer ?? latest;
  const groups = groupEmbryos(embryos, ageAtTransfer);
  const thetas = drawThetas(seed ?? DEFAULT_SEED);
  const result = computeBank(groups, thetas);
  const past = preparePast(parsed.value.pastTransfers);
  const counted = countedTransfers(past);
  const own = counted > 0 ? computeBank(groups, thetas, { past }) : null;
  const perEmbryo = (r: BankComputation) =>
    embryos.map((e, i) => ({
      index: i,
      transferable: e.pgt !== "aneuploid",
      perTransfer: r.perTransfer[groups.groupOf[i]!]!,
      perEmbryo: r.perEmbryo[groups.groupOf[i]!]!,
    }));
  const out = bankNotes(embryos, ageAtTransfer, given);
  if (past.length > 0)
    out.splice(out.length - 2, 0, notes.personalTransfers(counted, past.length - counted));
  return ok({
    atLeastOne: result.atLeast[0],
    atLeastTwo: result.atLeast[1],
    atLeastThree: result.atLeast[2],
    embryos: perEmbryo(result),
    transfers: embryos.filter((e) => e.pgt !== "aneuploid").length,
    ageAtTransfer: embryos.length === 0 && !given ? null : ageAtTransfer,
    personal: own
      ? {
          atLeastOne: own.atLeast[0],
          atLeastTwo: own.atLeast[1],
          atLeastThree: own.atLeast[2],
          embryos: perEmbryo(own),
        }
      : null,
    transfersCounted: counted,
    rangeLevel: RANGE_LEVEL,
    sources: sourcesFor(bankSources(embryos, ageAtTransfer)),
    notes: out,
  });
}
