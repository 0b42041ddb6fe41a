import type { BetaBelief } from "./funnel.ts";
import { gaussHermite } from "./special.ts";

/**
 * The person-level effect. Each person has their own u ~ N(0, σ²) added to the
 * log-odds of every transfer they have (same body, same health). Given u,
 * transfers are independent; averaged over u, they are positively correlated,
 * so "at least one from n" is lower than the plain binomial says.
 *
 * The published figures are averages over people, so each embryo gets the
 * conditional intercept η whose average over u is its published chance:
 * E_u[expit(η + u)] = p. Averages over u use Gauss-Hermite quadrature: exact
 * enough, deterministic and fast (no sampling).
 */

/** People per parameter draw: a person and their mirror image. */
export const PEOPLE_PER_DRAW = 2;

/** Gauss-Hermite nodes used to average over the person-level effect. */
export const PERSON_NODES = gaussHermite(8);

/** Nodes used to average over a person's own lab rates. */
export const RATE_NODES = gaussHermite(8);

/** The person-level effect in one parameter draw, ready for the hot loops. */
export interface PersonEffect {
  readonly sigma: number;
  /** exp(σ x_k) at each node: the effect as an odds multiplier. */
  readonly multipliers: Float64Array;
  readonly weights: Float64Array;
  /**
   * exp(σz) and exp(-σz): the draw's two people, mirror images of each other
   * (antithetic draws), so 96 parameter draws give 192 people for the ranges.
   */
  readonly personMultipliers: readonly [number, number];
  /** √(1 + c²σ²): the logistic-normal (probit) approximation, used as a start. */
  readonly scale: number;
}

export function personEffect(sigma: number, z: number, quadrature = PERSON_NODES): PersonEffect {
  const { nodes, weights } = quadrature;
  const multipliers = new Float64Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) multipliers[k] = Math.exp(sigma * nodes[k]!);
  return {
    sigma,
    multipliers,
    weights,
    personMultipliers: [Math.exp(sigma * z), Math.exp(-sigma * z)],
    scale: Math.sqrt(1 + 0.3459 * sigma * sigma),
  };
}

/**
 * Spreads an average chance p over people: writes the chance at each node to
 * `out[offset + k]` and the draw's two people's chances to `out[offset + K]`
 * and `out[offset + K + 1]`, and
 * returns the average over the nodes, which the model reports (so its own
 * numbers always agree with each other). From the probit approximation, one
 * evaluation and then the Newton step applied to every node to first order:
 * the average then equals p exactly (the correction is linear), and the node
 * chances stay increasing because the step is kept small.
 */
export function spreadOverPeople(
  p: number,
  effect: PersonEffect,
  out: Float64Array,
  offset: number,
  at: PersonEffect = effect,
): number {
  const K = effect.multipliers.length;
  if (p <= 0) {
    for (let k = 0; k < K + PEOPLE_PER_DRAW; k++) out[offset + k] = 0;
    return 0;
  }
  const m = effect.multipliers;
  const w = effect.weights;
  let eta = Math.log(p / (1 - p)) * effect.scale;
  if (effect.sigma === 0) {
    for (let k = 0; k < K + PEOPLE_PER_DRAW; k++) out[offset + k] = p;
    return p;
  }
  let odds = 1;
  let step = 0;
  // Usually one pass: the probit start is close. Far from it (tiny p, large σ),
  // take full Newton steps until the last one is small enough to apply linearly.
  // Any step below 1 keeps the nodes in order and within 0..1; a small one keeps
  // the shape of the spread logistic-normal to within a few parts in a thousand.
  for (let iter = 0; iter < 30; iter++) {
    odds = Math.exp(eta);
    let f = -p;
    let slope = 0;
    for (let k = 0; k < K; k++) {
      const o = odds * m[k]!;
      const s = o / (1 + o);
      out[offset + k] = s;
      f += w[k]! * s;
      slope += w[k]! * s * (1 - s);
    }
    step = -f / slope;
    if (Math.abs(step) < 0.2) break;
    eta += step;
  }
  if (at !== effect) return evaluateAt(Math.exp(eta + step), at, out, offset);
  let mean = 0;
  for (let k = 0; k < K; k++) {
    const s = out[offset + k]!;
    const corrected = s + s * (1 - s) * step;
    out[offset + k] = corrected;
    mean += w[k]! * corrected;
  }
  for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
    const op = odds * effect.personMultipliers[j]!;
    const own = op / (1 + op);
    out[offset + K + j] = own + own * (1 - own) * step;
  }
  return mean;
}

/**
 * The chances at another effect's nodes (a person's posterior, say) for the
 * conditional intercept whose odds are `odds`; returns their average there.
 */
function evaluateAt(odds: number, at: PersonEffect, out: Float64Array, offset: number): number {
  const K = at.multipliers.length;
  let mean = 0;
  for (let k = 0; k < K; k++) {
    const o = odds * at.multipliers[k]!;
    const s = o / (1 + o);
    out[offset + k] = s;
    mean += at.weights[k]! * s;
  }
  for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
    const o = odds * at.personMultipliers[j]!;
    out[offset + K + j] = o / (1 + o);
  }
  return mean;
}

/**
 * The conditional intercept η of a published average chance p:
 * E_u[expit(η + u)] = p under the effect's spread (to the same accuracy as
 * `spreadOverPeople`, which it calls).
 */
export function interceptOf(p: number, effect: PersonEffect): number {
  const scratch = new Float64Array(effect.multipliers.length + PEOPLE_PER_DRAW);
  // Evaluated at a single node with no effect, the chance is expit(η).
  spreadOverPeople(p, effect, scratch, 0, UNIT_EFFECT);
  return Math.log(scratch[0]! / (1 - scratch[0]!));
}

const UNIT_EFFECT: PersonEffect = {
  sigma: 0,
  multipliers: new Float64Array([1]),
  weights: new Float64Array([1]),
  personMultipliers: [1, 1],
  scale: 1,
};

/** One past transfer as the person-level effect learns from it. */
export interface TransferEvidence {
  /** Conditional intercepts (`interceptOf`) of the embryos transferred together. */
  readonly intercepts: readonly number[];
  /** A birth from this transfer, or not. */
  readonly birth: boolean;
  /** How much a transfer without a birth counts (1: a failed transfer; 0.5: a loss after a heartbeat). */
  readonly weight: number;
}

const GRID = 161;
const GRID_HALF_WIDTH = 7;

/**
 * A person's effect u after their own transfers: the prior N(0, σ²) times the
 * likelihood of each transfer given u (birth: at least one embryo led to a
 * birth; no birth: none did, the log-likelihood scaled by the transfer's
 * weight). The posterior is summarised by its mean m and standard deviation
 * s on a fine grid, then averaged over with Gauss-Hermite nodes centred on it
 * (m + s·x_k), each node reweighted by posterior over its normal kernel, so
 * the average is exact for the posterior, not for its normal summary. The
 * draw's two people sit at m ± s·z. With no evidence it returns the prior.
 */
export function personPosterior(
  prior: PersonEffect,
  evidence: readonly TransferEvidence[],
  z: number,
  quadrature = PERSON_NODES,
): PersonEffect {
  const sigma = prior.sigma;
  if (sigma <= 0 || evidence.every((e) => !e.birth && e.weight === 0)) return prior;
  const logPost = (u: number) => {
    let l = (-0.5 * u * u) / (sigma * sigma);
    for (const e of evidence) {
      if (e.birth) {
        let none = 1;
        for (const eta of e.intercepts) none *= 1 / (1 + Math.exp(eta + u));
        l += Math.log(Math.max(1e-300, 1 - none));
      } else if (e.weight > 0) {
        let s = 0;
        for (const eta of e.intercepts) s += Math.log1p(Math.exp(eta + u));
        l -= e.weight * s;
      }
    }
    return l;
  };
  const values = new Float64Array(GRID);
  const grid = new Float64Array(GRID);
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < GRID; i++) {
    grid[i] = sigma * GRID_HALF_WIDTH * ((2 * i) / (GRID - 1) - 1);
    values[i] = logPost(grid[i]!);
    if (values[i]! > top) top = values[i]!;
  }
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i < GRID; i++) {
    const w = Math.exp(values[i]! - top);
    w0 += w;
    w1 += w * grid[i]!;
    w2 += w * grid[i]! * grid[i]!;
  }
  const m = w1 / w0;
  const sd = Math.sqrt(Math.max(1e-12, w2 / w0 - m * m));
  const { nodes, weights } = quadrature;
  const K = nodes.length;
  const logW = new Float64Array(K);
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) {
    logW[k] = Math.log(weights[k]!) + logPost(m + sd * nodes[k]!) + 0.5 * nodes[k]! * nodes[k]!;
    if (logW[k]! > best) best = logW[k]!;
  }
  const multipliers = new Float64Array(K);
  const posteriorWeights = new Float64Array(K);
  let total = 0;
  for (let k = 0; k < K; k++) {
    posteriorWeights[k] = Math.exp(logW[k]! - best);
    total += posteriorWeights[k]!;
    multipliers[k] = Math.exp(m + sd * nodes[k]!);
  }
  for (let k = 0; k < K; k++) posteriorWeights[k]! /= total;
  return {
    sigma,
    multipliers,
    weights: posteriorWeights,
    personMultipliers: [Math.exp(m + sd * z), Math.exp(m - sd * z)],
    scale: prior.scale,
  };
}

/**
 * Chances of 0, 1 and 2 successes among independent trials with the given
 * chances (`chances[i]` repeated `counts[i]` times): a Poisson-binomial,
 * truncated because no question asks beyond "at least three". Writes out[0..2].
 */
export function countsUpToTwo(
  chances: Float64Array,
  counts: Int32Array,
  length: number,
  out: Float64Array,
  outOffset = 0,
): void {
  let q0 = 1;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < length; i++) {
    const p = chances[i]!;
    if (p === 0) continue;
    const f = 1 - p;
    for (let r = counts[i]!; r > 0; r--) {
      q2 = q2 * f + q1 * p;
      q1 = q1 * f + q0 * p;
      q0 *= f;
    }
  }
  out[outOffset] = q0;
  out[outOffset + 1] = q1;
  out[outOffset + 2] = q2;
}

/**
 * A person's own lab rates in one draw: the product of the Beta beliefs
 * (mature, fertilized, blastocyst, euploid...), matched to a logit-normal
 * with the same mean and spread, then spread over people like a chance
 * (`spreadOverPeople` at the `RATE_NODES`, then the draw's people) into
 * `out`. Returns the product's mean. The retrieval plan and the egg-freezing
 * odds share it.
 */
export function spreadRates(rates: readonly BetaBelief[], out: Float64Array): number {
  let rMean = 1;
  let rGrowth = 1;
  for (const b of rates) {
    rMean *= b.alpha / (b.alpha + b.beta);
    // 1 + the squared coefficient of variation of the rate.
    rGrowth *= 1 + b.beta / (b.alpha * (b.alpha + b.beta + 1));
  }
  const tau = Math.sqrt(rGrowth - 1) / (1 - rMean);
  spreadOverPeople(rMean, personEffect(tau, 0, RATE_NODES), out, 0);
  return rMean;
}
