import {
  PEOPLE_PER_DRAW,
  PERSON_NODES,
  type PersonEffect,
  personEffect,
  spreadOverPeople,
} from "./correlate.ts";
import type { Theta } from "./draws.ts";
import { type BankEmbryo, type PreparedEmbryo, preparedChance, prepareEmbryo } from "./embryo.ts";
import { type Estimate, summarise } from "./estimate.ts";
import type { Denominator } from "./parameters.ts";
import { type PastTransfer, posteriorFor } from "./past.ts";

/**
 * The bank's computation over the parameter draws: embryos grouped by what
 * their chance depends on, the chances of 0, 1, 2 and 3+ live births at each
 * person-level node in one draw (also used by the retrieval plan), and the
 * bank's estimates over all draws. `bank.ts` turns them into the answer.
 */

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
  // Group g's values sit at [g·D, (g+1)·D) per draw and [g·P, (g+1)·P) per person.
  const ofGroup = (g: number, avgs: Float64Array, people: Float64Array, denominator: Denominator) =>
    summarise(
      avgs.subarray(g * D, (g + 1) * D),
      people.subarray(g * P, (g + 1) * P),
      denominator,
      true,
      scratch,
    );
  const perTransfer: Estimate[] = [];
  const perEmbryo: Estimate[] = [];
  for (let g = 0; g < n; g++) {
    perTransfer.push(ofGroup(g, qAvg, qPerson, "per transfer"));
    perEmbryo.push(ofGroup(g, eAvg, ePerson, "per embryo in the bank"));
  }
  return { atLeast, perTransfer, perEmbryo };
}
