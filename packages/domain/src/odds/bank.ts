import { ok, type Problem, type Result } from "../core/result.ts";
import {
  PEOPLE_PER_DRAW,
  PERSON_NODES,
  type PersonEffect,
  personEffect,
  spreadOverPeople,
} from "./correlate.ts";
import { EUPLOIDY_PEAK_AGE } from "./curves.ts";
import { DEFAULT_SEED, drawThetas, type Theta } from "./draws.ts";
import { type BankEmbryo, type PreparedEmbryo, preparedChance, prepareEmbryo } from "./embryo.ts";
import { type Estimate, type Note, sourcesFor, summarise } from "./estimate.ts";
import { notes } from "./notes.ts";
import { parameters, RANGE_LEVEL, type Source, type SourceId } from "./parameters.ts";
import { countedTransfers, type PastTransfer, posteriorFor, preparePast } from "./past.ts";
import {
  bankOddsSchema,
  type EmbryoInput,
  type PastTransferInput,
  parseWith,
  toBankEmbryo,
} from "./schema.ts";

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

/**
 * Embryos with the same chance in every parameter draw share one computation:
 * the key is what the chance depends on (for a euploid or mosaic embryo the
 * age only through its age band; for an untested one, its exact age).
 */
export interface EmbryoGroups {
  readonly prepared: readonly PreparedEmbryo[];
  /** How many embryos each group stands for. */
  readonly counts: Int32Array;
  /** For each input embryo, its group. */
  readonly groupOf: Int32Array;
}

export function groupEmbryos(embryos: readonly BankEmbryo[], ageAtTransfer: number): EmbryoGroups {
  const keys = new Map<string, number>();
  const prepared: PreparedEmbryo[] = [];
  const tally: number[] = [];
  const groupOf = new Int32Array(embryos.length);
  embryos.forEach((embryo, i) => {
    const e = prepareEmbryo(embryo, ageAtTransfer);
    const key =
      e.pgt === "aneuploid"
        ? "aneuploid"
        : `${e.pgt}|${e.icm}|${e.te}|${e.late}|${e.band}|${e.pgt === "untested" ? `${e.euploidyLogit}|${e.day7}` : ""}`;
    let g = keys.get(key);
    if (g === undefined) {
      g = prepared.length;
      keys.set(key, g);
      prepared.push(e);
      tally.push(0);
    }
    tally[g]! += 1;
    groupOf[i] = g;
  });
  return { prepared, counts: Int32Array.from(tally), groupOf };
}

/** Buffers for one bank, reused across parameter draws. */
export interface BankWorkspace {
  /** Per group: chance per transfer averaged over people (the model's own average). */
  readonly perTransfer: Float64Array;
  /** Per group: chance at each person-level node, then for the draw's two people. */
  readonly chances: Float64Array;
  /** P(0), P(1), P(2), P(3 or more) live births from the bank at node k, at [4k, 4k + 4). */
  readonly nodeCounts: Float64Array;
  /** The same for each of the draw's two people, at [4j, 4j + 4). */
  readonly personCounts: Float64Array;
  /** Running P(0), P(1), P(2), P(3+) per node, then per person. */
  readonly q0: Float64Array;
  readonly q1: Float64Array;
  readonly q2: Float64Array;
  readonly q3: Float64Array;
}

export function bankWorkspace(groups: EmbryoGroups): BankWorkspace {
  const n = groups.prepared.length;
  const width = PERSON_NODES.nodes.length + PEOPLE_PER_DRAW;
  return {
    perTransfer: new Float64Array(n),
    chances: new Float64Array(n * width),
    nodeCounts: new Float64Array(4 * PERSON_NODES.nodes.length),
    personCounts: new Float64Array(4 * PEOPLE_PER_DRAW),
    q0: new Float64Array(width),
    q1: new Float64Array(width),
    q2: new Float64Array(width),
    q3: new Float64Array(width),
  };
}

/**
 * One parameter draw for a bank: each group's chance spread over people, and
 * the chances of 0, 1, 2 and 3+ live births at each person-level node and for
 * the draw's two people. An effect with σ = 0 gives independent transfers.
 */
export function drawBank(
  groups: EmbryoGroups,
  t: Theta,
  effect: PersonEffect,
  ws: BankWorkspace,
  at: PersonEffect = effect,
): void {
  const prepared = groups.prepared;
  const n = prepared.length;
  const K = effect.multipliers.length;
  const stride = K + PEOPLE_PER_DRAW;
  const { chances, perTransfer } = ws;
  for (let g = 0; g < n; g++) {
    perTransfer[g] = spreadOverPeople(
      preparedChance(prepared[g]!, t),
      effect,
      chances,
      g * stride,
      at,
    );
  }
  // Poisson-binomial counts (truncated at 3+) at every node and for both people
  // at once: the inner loop runs over nodes, which sit next to each other in memory.
  const survival = t.blastocystSurvival;
  const q0 = ws.q0.fill(1);
  const q1 = ws.q1.fill(0);
  const q2 = ws.q2.fill(0);
  const q3 = ws.q3.fill(0);
  const counts = groups.counts;
  for (let g = 0; g < n; g++) {
    if (perTransfer[g] === 0) continue;
    const base = g * stride;
    const m = counts[g]!;
    for (let k = 0; k < stride; k++) {
      const p = survival * chances[base + k]!;
      const f = 1 - p;
      let a0 = q0[k]!;
      let a1 = q1[k]!;
      let a2 = q2[k]!;
      let a3 = q3[k]!;
      if (m === 1) {
        a3 += a2 * p;
        a2 = a2 * f + a1 * p;
        a1 = a1 * f + a0 * p;
        a0 *= f;
      } else {
        // m identical embryos at once: a binomial, convolved into the running counts.
        const fm2 = f ** (m - 2);
        const b0 = fm2 * f * f;
        const b1 = m * p * fm2 * f;
        const b2 = ((m * (m - 1)) / 2) * p * p * fm2;
        const b3 = m >= 3 ? Math.max(0, 1 - b0 - b1 - b2) : 0;
        a3 += a2 * (b1 + b2 + b3) + a1 * (b2 + b3) + a0 * b3;
        a2 = a2 * b0 + a1 * b1 + a0 * b2;
        a1 = a1 * b0 + a0 * b1;
        a0 *= b0;
      }
      q0[k] = a0;
      q1[k] = a1;
      q2[k] = a2;
      q3[k] = a3;
    }
  }
  const nc = ws.nodeCounts;
  for (let k = 0; k < K; k++) {
    nc[4 * k] = q0[k]!;
    nc[4 * k + 1] = q1[k]!;
    nc[4 * k + 2] = q2[k]!;
    nc[4 * k + 3] = q3[k]!;
  }
  for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
    ws.personCounts[4 * j] = q0[K + j]!;
    ws.personCounts[4 * j + 1] = q1[K + j]!;
    ws.personCounts[4 * j + 2] = q2[K + j]!;
    ws.personCounts[4 * j + 3] = q3[K + j]!;
  }
}

/**
 * P(at least 1, 2, 3) from the bank, averaged over people. "At least one" is
 * 1 - P(0); "at least three" is the tracked P(3+), so it is exactly 0 for a
 * bank of two. Writes out[0..2].
 */
export function atLeastAveraged(
  ws: BankWorkspace,
  out: Float64Array,
  w: Float64Array = PERSON_NODES.weights,
): void {
  const nc = ws.nodeCounts;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (let k = 0; k < w.length; k++) {
    c1 += w[k]! * (1 - nc[4 * k]!);
    c2 += w[k]! * (nc[4 * k + 2]! + nc[4 * k + 3]!);
    c3 += w[k]! * nc[4 * k + 3]!;
  }
  out[0] = c1;
  out[1] = Math.min(c1, c2);
  out[2] = Math.min(c2, c3);
}

/** P(at least 1, 2, 3) from the bank for the draw's person j. Writes out[0..2]. */
export function atLeastForPerson(ws: BankWorkspace, j: number, out: Float64Array): void {
  const pc = ws.personCounts;
  out[0] = 1 - pc[4 * j]!;
  out[1] = Math.min(out[0], pc[4 * j + 2]! + pc[4 * j + 3]!);
  out[2] = Math.min(out[1], pc[4 * j + 3]!);
}

/** Everything `bankOdds` reports, before words and sources. */
export interface BankComputation {
  readonly atLeast: readonly [Estimate, Estimate, Estimate];
  /** Per group. */
  readonly perTransfer: readonly Estimate[];
  readonly perEmbryo: readonly Estimate[];
}

/** The bank's odds over the parameter draws; `personEffect: false` gives independent transfers. */
export function computeBank(
  groups: EmbryoGroups,
  thetas: readonly Theta[],
  options: { readonly personEffect?: boolean; readonly past?: readonly PastTransfer[] } = {},
): BankComputation {
  const D = thetas.length;
  const n = groups.prepared.length;
  const K = PERSON_NODES.nodes.length;
  const P = D * PEOPLE_PER_DRAW;
  const avg = [new Float64Array(D), new Float64Array(D), new Float64Array(D)] as const;
  const person = [new Float64Array(P), new Float64Array(P), new Float64Array(P)] as const;
  // Every group's per-draw values in four flat arrays: group g at [g·size, (g+1)·size).
  const qAvg = new Float64Array(n * D);
  const eAvg = new Float64Array(n * D);
  const qPerson = new Float64Array(n * P);
  const ePerson = new Float64Array(n * P);
  const ws = bankWorkspace(groups);
  const tails = new Float64Array(3);
  for (let d = 0; d < D; d++) {
    const t = thetas[d]!;
    const effect = personEffect(options.personEffect === false ? 0 : t.sigma, t.personZ);
    const own = options.past?.length ? posteriorFor(options.past, t, effect) : effect;
    drawBank(groups, t, effect, ws, own);
    atLeastAveraged(ws, tails, own.weights);
    avg[0][d] = tails[0]!;
    avg[1][d] = tails[1]!;
    avg[2][d] = tails[2]!;
    const survival = t.blastocystSurvival;
    for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
      atLeastForPerson(ws, j, tails);
      const i = d * PEOPLE_PER_DRAW + j;
      person[0][i] = tails[0]!;
      person[1][i] = tails[1]!;
      person[2][i] = tails[2]!;
    }
    const stride = K + PEOPLE_PER_DRAW;
    for (let g = 0; g < n; g++) {
      const mean = ws.perTransfer[g]!;
      qAvg[g * D + d] = mean;
      eAvg[g * D + d] = mean * survival;
      for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
        const own = ws.chances[g * stride + K + j]!;
        qPerson[g * P + d * PEOPLE_PER_DRAW + j] = own;
        ePerson[g * P + d * PEOPLE_PER_DRAW + j] = own * survival;
      }
    }
  }
  const scratch = new Float64Array(P);
  const atLeast = [0, 1, 2].map((i) =>
    summarise(avg[i]!, person[i]!, "from this bank", true, scratch),
  ) as [Estimate, Estimate, Estimate];
  const perTransfer: Estimate[] = [];
  const perEmbryo: Estimate[] = [];
  for (let g = 0; g < n; g++) {
    const [a0, a1, p0, p1] = [g * D, (g + 1) * D, g * P, (g + 1) * P];
    const q = summarise(
      qAvg.subarray(a0, a1),
      qPerson.subarray(p0, p1),
      "per transfer",
      true,
      scratch,
    );
    const e = summarise(
      eAvg.subarray(a0, a1),
      ePerson.subarray(p0, p1),
      "per embryo in the bank",
      true,
      scratch,
    );
    perTransfer.push(q);
    perEmbryo.push(e);
  }
  return { atLeast, perTransfer, perEmbryo };
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
