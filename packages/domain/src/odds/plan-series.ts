import { PEOPLE_PER_DRAW, RATE_NODES, spreadRates } from "./correlate.ts";
import type { Theta } from "./draws.ts";
import { summarise } from "./estimate.ts";
import type { BetaBelief, FunnelBelief } from "./funnel.ts";
import { parameters } from "./parameters.ts";
import type { PlanFrame, PlanStep } from "./plan.ts";
import { betaQuantile, gammaNodes, gammaQuantile } from "./special.ts";

/**
 * One series of the retrieval plan (typical or personal) in one parameter
 * draw: who stops after a failed attempt (`stoppingCurve`), cancelled
 * retrievals, and the chances of at least one and two births and the
 * embryos expected after 1..N planned retrievals (`fillSeries`, `attempts`);
 * then the series summarised per number of retrievals (`steps`). The draws
 * are run by `plan-draws.ts`; `plan.ts` checks the question and assembles
 * the answer.
 */

const betaMean = (b: BetaBelief) => b.alpha / (b.alpha + b.beta);

/** Nodes used to average over a person's egg yield (generalized Gauss-Laguerre). */
const YIELD_NODES = 16;

/** Per-draw results of one plan series (population or personal), filled in place. */
export interface Series {
  readonly avg1: Float64Array[];
  readonly avg2: Float64Array[];
  readonly person1: Float64Array[];
  readonly person2: Float64Array[];
  readonly expectedAvg: Float64Array[];
  readonly expectedPerson: Float64Array[];
  readonly cancelAvg: Float64Array;
  readonly cancelPerson: Float64Array;
  readonly chanceAvg: Float64Array;
  readonly chancePerson: Float64Array;
}

export function newSeries(n: number, draws: number): Series {
  const make = (size: number) => Array.from({ length: n }, () => new Float64Array(size));
  const people = draws * PEOPLE_PER_DRAW;
  return {
    avg1: make(draws),
    avg2: make(draws),
    person1: make(people),
    person2: make(people),
    expectedAvg: make(draws),
    expectedPerson: make(people),
    cancelAvg: new Float64Array(draws),
    cancelPerson: new Float64Array(people),
    chanceAvg: new Float64Array(draws),
    chancePerson: new Float64Array(people),
  };
}

/**
 * Chance of still going on to attempt i + 1 after i failed ones, for
 * i = 0..N-1 (`going[0] = 1`), and of stopping right after failed attempt i
 * (`stop[i]`, i = 1..N-1). "If I keep going": nobody stops.
 */
export function stoppingCurve(
  n: number,
  age: number,
  t: Theta,
  frame: PlanFrame,
): { going: Float64Array; stop: Float64Array } {
  const going = new Float64Array(n + 1);
  const stop = new Float64Array(n + 1);
  going[1] = 1;
  const extra = age >= parameters.stopping.olderFromAge ? parameters.stopping.olderExtra : 0;
  for (let i = 1; i < n; i++) {
    const d =
      frame === "if-i-keep-going"
        ? 0
        : Math.min(0.95, (i === 1 ? t.stopFirst : t.stopLater) + extra);
    stop[i] = d;
    going[i + 1] = going[i]! * (1 - d);
  }
  return { going, stop };
}

/** Everything one series needs in one draw, besides the funnel. */
export interface DrawContext {
  readonly t: Theta;
  /** Chance per transfer of a new blastocyst's euploid embryo, at each node then for the two people. */
  readonly chances: Float64Array;
  /** The person-level effect's weights at those nodes (the prior's, or a posterior's). */
  readonly weights: Float64Array;
  /** P(0), P(1), P(2), P(3+) from the bank at each node, then for the two people. */
  readonly bankNode: Float64Array;
  readonly bankPerson: Float64Array;
  readonly base: number;
  readonly tested: boolean;
  readonly going: Float64Array;
  readonly stop: Float64Array;
  /** The draw's cancellation curve (`cancellation` in draws.ts). */
  readonly cancel: { readonly other: number; readonly theta: number };
}

/**
 * One draw of one series. Given a person (their transfer effect u, their own
 * lab rates R and egg yield λ), a planned retrieval is cancelled with chance
 * c(λ) (more often for a low yield); otherwise its live births are Poisson
 * with mean λ·R·survival·s(u). "People like me" may stop after a failed
 * attempt (cancelled or without a birth); after a birth everyone goes on, so
 * "at least two" assumes it. Averaged over people: λ by generalized
 * Gauss-Laguerre quadrature over its Gamma belief, R (a product of Beta
 * rates, matched to a logit-normal) and u by Gauss-Hermite. The draw's two
 * people get their own λ, rates and u from the draw's uniforms.
 */
export function fillSeries(out: Series, d: number, belief: FunnelBelief, c: DrawContext): void {
  const { t, chances, weights: w, bankNode, bankPerson, base, tested, going, stop } = c;
  const K = w.length;
  const J = RATE_NODES.nodes.length;
  const N = out.avg1.length;
  const shape = belief.eggs.shape;
  const rate = belief.eggs.rate;
  const rates = [belief.mature, belief.fertilized, belief.blastocyst, belief.euploid] as const;
  // A person's own rates, matched to a logit-normal with the same mean and spread.
  const rateNodes = new Float64Array(J + PEOPLE_PER_DRAW);
  const rMean = spreadRates(rates, rateNodes);
  const blastMean = rMean / betaMean(belief.euploid);
  const survival = t.blastocystSurvival;
  const v = RATE_NODES.weights;
  const yieldNodes = gammaNodes(shape, YIELD_NODES);
  const L = YIELD_NODES;
  const lambda = new Float64Array(L);
  const cancel = new Float64Array(L);
  let keptEggs = 0;
  let cancelMean = 0;
  for (let l = 0; l < L; l++) {
    lambda[l] = yieldNodes.nodes[l]! / rate;
    cancel[l] = cancelChance(lambda[l]!, c.cancel);
    keptEggs += yieldNodes.weights[l]! * lambda[l]! * (1 - cancel[l]!);
    cancelMean += yieldNodes.weights[l]! * cancel[l]!;
  }
  out.cancelAvg[d] = cancelMean;
  let chanceMean = 0;
  for (let k = 0; k < K; k++) chanceMean += w[k]! * chances[k]!;
  // Per transfer of one new blastocyst of the plan's kind: untested ones are euploid only so often.
  out.chanceAvg[d] = chanceMean * (tested ? 1 : betaMean(belief.euploid));
  // Σ_{i ≤ n} going[i], used for exactly one birth.
  const goingSum = new Float64Array(N + 1);
  for (let n = 1; n <= N; n++) goingSum[n] = goingSum[n - 1]! + going[n]!;
  const s1 = new Float64Array(N);
  const s2 = new Float64Array(N);
  for (let k = 0; k < K; k++) {
    const b0 = bankNode[4 * k]!;
    const b1 = bankNode[4 * k + 1]!;
    for (let j = 0; j < J; j++) {
      const perEgg = survival * rateNodes[j]! * chances[k]!;
      const wkj = w[k]! * v[j]!;
      for (let l = 0; l < L; l++) {
        const weight = wkj * yieldNodes.weights[l]!;
        attempts(lambda[l]! * perEgg, cancel[l]!, b0, b1, going, stop, goingSum, (n, p0, p1) => {
          s1[n - 1]! += weight * (1 - p0);
          s2[n - 1]! += weight * (1 - p0 - p1);
        });
      }
    }
  }
  for (let n = 1; n <= N; n++) {
    out.avg1[n - 1]![d] = s1[n - 1]!;
    out.avg2[n - 1]![d] = Math.min(s1[n - 1]!, s2[n - 1]!);
    out.expectedAvg[n - 1]![d] = base + n * keptEggs * (tested ? rMean : blastMean);
  }
  const uniforms = [
    t.personEggs,
    t.personMature,
    t.personFertilization,
    t.personBlastocyst,
    t.personEuploid,
  ];
  for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
    const u = (x: number) => (j === 0 ? x : 1 - x);
    const own = gammaQuantile(u(uniforms[0]!), shape, rate);
    let blasts = own;
    for (let r = 0; r < 3; r++)
      blasts *= betaQuantile(u(uniforms[r + 1]!), rates[r]!.alpha, rates[r]!.beta);
    const share = betaQuantile(u(uniforms[4]!), rates[3].alpha, rates[3].beta);
    const euploid = blasts * share;
    const ownCancel = cancelChance(own, c.cancel);
    const i = d * PEOPLE_PER_DRAW + j;
    out.cancelPerson[i] = ownCancel;
    out.chancePerson[i] = chances[K + j]! * (tested ? 1 : share);
    const mu = euploid * survival * chances[K + j]!;
    const c0 = bankPerson[4 * j]!;
    const c1 = bankPerson[4 * j + 1]!;
    attempts(mu, ownCancel, c0, c1, going, stop, goingSum, (n, p0, p1) => {
      out.person1[n - 1]![i] = 1 - p0;
      out.person2[n - 1]![i] = Math.max(0, Math.min(1 - p0, 1 - p0 - p1));
      out.expectedPerson[n - 1]![i] = base + n * (1 - ownCancel) * (tested ? euploid : blasts);
    });
  }
}

/** A person's chance that a planned retrieval is cancelled, given their egg yield λ. */
function cancelChance(lambda: number, c: { other: number; theta: number }): number {
  return c.other + (1 - c.other) * Math.exp(-c.theta * lambda);
}

/**
 * For n = 1..N planned attempts, P(no birth) and P(exactly one) for a person
 * whose attempt is cancelled with chance `cancel` and otherwise gives
 * Poisson(mu) births, after the bank's P(0) = b0 and P(1) = b1. A person with
 * no birth yet stops after failed attempt i with chance stop[i]; with q the
 * chance an attempt gives nothing, P(0) = b0·(Σ_{i<n} going_i·stop_i·q^i +
 * going_n·q^n), and P(1) = b1·q^n + b0·p1·q^(n-1)·Σ_{i≤n} going_i (after a
 * birth everyone goes on).
 */
export function attempts(
  mu: number,
  cancel: number,
  b0: number,
  b1: number,
  going: Float64Array,
  stop: Float64Array,
  goingSum: Float64Array,
  write: (n: number, p0: number, p1: number) => void,
): void {
  const e = Math.exp(-mu);
  const q = cancel + (1 - cancel) * e;
  const p1 = (1 - cancel) * mu * e;
  const N = goingSum.length - 1;
  let before = 1;
  let stopped = 0;
  for (let n = 1; n <= N; n++) {
    const qn = before * q;
    write(n, b0 * (stopped + going[n]! * qn), b1 * qn + b0 * p1 * before * goingSum[n]!);
    stopped += going[n]! * stop[n]! * qn;
    before = qn;
  }
}
export function steps(series: Series): PlanStep[] {
  return series.avg1.map((_, i) => ({
    retrievals: i + 1,
    atLeastOne: summarise(
      series.avg1[i]!,
      series.person1[i]!,
      "from the bank and the planned retrievals",
    ),
    atLeastTwo: summarise(
      series.avg2[i]!,
      series.person2[i]!,
      "from the bank and the planned retrievals",
    ),
    expectedEmbryos: summarise(
      series.expectedAvg[i]!,
      series.expectedPerson[i]!,
      "from the bank and the planned retrievals",
      false,
    ),
  }));
}
