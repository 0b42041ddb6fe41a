import { meanEggs, type YieldParameters } from "./curves.ts";
import { euploidyTable, parameters, type Spread } from "./parameters.ts";
import { inverseNormal, latinHypercube, seededUniform, zForLevel } from "./random.ts";
import { expit, logit } from "./special.ts";

/**
 * One plausible set of parameters, drawn from the 80% ranges in
 * `parameters.ts`, plus one plausible person (the `person*` fields). Ranges in
 * every output are quantiles over a few hundred of these.
 */
export interface Theta extends YieldParameters {
  /** Shift of the euploidy curve on the log-odds scale. */
  readonly euploidShift: number;
  readonly day7Euploid: number;
  /** Log-odds of live birth per euploid transfer: grade not given, day 5, under 35. */
  readonly euploidLogit: number;
  /** Log-odds for inner cell mass A, B, C (they move with `euploidLogit`). */
  readonly icmLogit: { readonly A: number; readonly B: number; readonly C: number };
  readonly trophectodermLogOr: number;
  readonly day6LogOr: number;
  readonly age38LogOr: number;
  readonly age41LogOr: number;
  readonly mosaicRelative: number;
  readonly blastocystSurvival: number;
  readonly oocyteSurvival: number;
  /** Standard deviation of the person-level effect on the log-odds of each transfer. */
  readonly sigma: number;
  /** Population mean lab rates (before the person-level spread). */
  readonly matureRate: number;
  readonly fertilizationRate: number;
  readonly blastocystRate: number;
  /** Extra fall in blastocyst rate per year of age from 35 (log scale, ≤ 0). */
  readonly blastocystAgeSlope: number;
  /** Day-5 share of day-5 and day-6 blastocysts, and the day-7 share of all. */
  readonly day5Share: number;
  readonly day7Share: number;
  /** Share of started cycles cancelled before retrieval, all ages (`cancellation` turns it into a curve). */
  readonly cancelLevel: number;
  /** Chance of stopping after a first failed attempt, and after a second or later (under 40). */
  readonly stopFirst: number;
  readonly stopLater: number;
  /** One person: a standard normal for the transfer effect (the mirror person has -z). */
  readonly personZ: number;
  /** One person: uniforms for their own egg yield and lab rates (the mirror person has 1 - u). */
  readonly personEggs: number;
  readonly personMature: number;
  readonly personFertilization: number;
  readonly personBlastocyst: number;
  readonly personEuploid: number;
}

const Z80 = zForLevel(0.8);

type Scale = Spread["scale"];
const forward = (scale: Scale, x: number) =>
  scale === "logit" ? logit(x) : scale === "log" ? Math.log(x) : x;
const back = (scale: Scale, x: number) =>
  scale === "logit" ? expit(x) : scale === "log" ? Math.exp(x) : x;

/** The value of a parameter at standard-normal position z within its 80% range. */
export function atZ(s: Spread, z: number): number {
  if (z === 0) return s.central;
  return back(s.scale, forward(s.scale, s.central) + spreadSd(s) * z);
}

/** Standard deviation on the parameter's own scale that makes low80-high80 an 80% range. */
function spreadSd(s: Spread): number {
  return (forward(s.scale, s.high80) - forward(s.scale, s.low80)) / (2 * Z80);
}

/** The position of a value on a parameter's scale (used for shared draws). */
function offsetOnScale(s: Spread, z: number): number {
  return z * spreadSd(s);
}

/** Parameter dimensions, then the person's five uniforms. */
const PARAMETERS = 24;
const DIMENSIONS = PARAMETERS + 5;

/** The central parameter set: every parameter at its central value, an average person. */
export function centralTheta(): Theta {
  return thetaFrom(new Float64Array(DIMENSIONS).fill(0), new Float64Array(5).fill(0.5));
}

function thetaFrom(z: Float64Array, person: Float64Array): Theta {
  const p = parameters;
  const euploidOffset = offsetOnScale(p.euploidLiveBirth.value, z[2]!);
  const icmA = logit(p.icmLiveBirth.icmA) + euploidOffset;
  const icmC = logit(p.icmLiveBirth.icmC) + euploidOffset;
  const ageZ = z[5]!;
  return {
    euploidShift: (euploidyTable.shift80 / Z80) * z[0]!,
    day7Euploid: atZ(p.day7Euploidy.value, z[1]!),
    euploidLogit: logit(p.euploidLiveBirth.value.central) + euploidOffset,
    icmLogit: { A: icmA, B: (icmA + icmC) / 2, C: icmC },
    trophectodermLogOr: Math.max(0, Math.log(atZ(p.trophectodermOddsRatio.value, z[3]!))),
    day6LogOr: Math.min(0, Math.log(atZ(p.day6OddsRatio.value, z[4]!))),
    // One draw moves both age bands, so the older band is always the lower one.
    age38LogOr: Math.min(0, Math.log(atZ(p.ageAtTransferOddsRatio.value, ageZ))),
    age41LogOr: Math.min(0, Math.log(atZ(p.ageAtTransferOddsRatio.over41, ageZ))),
    mosaicRelative: Math.min(1, Math.max(0.2, atZ(p.mosaicRelative.value, z[6]!))),
    blastocystSurvival: atZ(p.blastocystThawSurvival.value, z[7]!),
    oocyteSurvival: atZ(p.oocyteThawSurvival.value, z[8]!),
    sigma: Math.max(0.05, atZ(p.personEffect.value, z[9]!)),
    personZ: z[10]!,
    ...yieldOf(p, z),
    matureRate: atZ(p.matureRate.value, z[15]!),
    fertilizationRate: atZ(p.fertilizationRate.value, z[16]!),
    blastocystRate: atZ(p.blastocystRate.value, z[17]!),
    blastocystAgeSlope: Math.min(0, atZ(p.blastocystAgeDecline.value, z[18]!)),
    day5Share: atZ(p.blastocystDays.value, z[19]!),
    day7Share: atZ(p.blastocystDays.day7, z[20]!),
    cancelLevel: atZ(p.cancellation.value, z[21]!),
    stopFirst: atZ(p.stopping.value, z[22]!),
    stopLater: atZ(p.stopping.afterSecond, z[23]!),
    personEggs: person[0]!,
    personMature: person[1]!,
    personFertilization: person[2]!,
    personBlastocyst: person[3]!,
    personEuploid: person[4]!,
  };
}

function yieldOf(p: typeof parameters, z: Float64Array): YieldParameters {
  return {
    meanAtReference: atZ(p.eggsPerRetrieval.value, z[11]!),
    slopeAfter: Math.min(0, atZ(p.eggsAgeSlope.value, z[12]!)),
    slopeBefore: Math.min(0, atZ(p.eggsAgeSlope.beforeReference, z[13]!)),
    amhScale: atZ(p.eggsByAmh.value, z[14]!),
  };
}

/**
 * The cancellation curve in one parameter draw: a person whose egg yield is
 * λ has a cycle cancelled before retrieval with chance
 * `other + (1 - other) · exp(-theta · λ)`. The share for reasons other than
 * poor response is fixed, and θ is found (by bisection) so that the
 * cancellation averaged over the CDC 2011 age mix, each age with its typical
 * egg yield (Gamma between people), equals the drawn all-ages level. Worked
 * out only where it is needed (the plan), not for every draw.
 */
export function cancellation(level: number, y: YieldParameters): { other: number; theta: number } {
  const { otherCauses, ageMix } = parameters.cancellation;
  const other = otherCauses * level;
  const shape = parameters.eggsPerRetrieval.shape;
  const total = ageMix.reduce((n, [, count]) => n + count, 0);
  const average = (theta: number) => {
    let s = 0;
    for (const [age, count] of ageMix) {
      const rate = shape / meanEggs(age, null, y);
      s += count * (other + (1 - other) * (1 + theta / rate) ** -shape);
    }
    return s / total;
  };
  let lo = 0;
  let hi = 20;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    // More θ, fewer cancellations.
    if (average(mid) > level) lo = mid;
    else hi = mid;
  }
  return { other, theta: (lo + hi) / 2 };
}

/** Seed used when the caller gives none, so the same input always gives the same answer. */
export const DEFAULT_SEED = 20_140_656;

/**
 * Parameter sets per answer. Each carries two mirror-image people, so ranges
 * rest on 192 people: ends of the 80% ranges move by about 1-2 points between
 * seeds, central values by less than 0.1; few enough to stay fast.
 */
export const DRAWS = 96;

/**
 * `count` parameter sets from a seed, by Latin hypercube sampling. The draws
 * depend only on the seed and the count, never on the question asked, so
 * answers to two questions with the same seed are comparable draw by draw
 * (adding an embryo can only add to every draw's chance).
 */
export function drawThetas(seed: number, count = DRAWS): Theta[] {
  const columns = latinHypercube(seededUniform(seed, 0), count, DIMENSIONS);
  const out: Theta[] = [];
  const z = new Float64Array(DIMENSIONS);
  const person = new Float64Array(5);
  for (let d = 0; d < count; d++) {
    for (let k = 0; k < DIMENSIONS; k++) z[k] = inverseNormal(columns[k]![d]!);
    for (let k = 0; k < 5; k++) person[k] = columns[PARAMETERS + k]![d]!;
    out.push(thetaFrom(z, person));
  }
  return out;
}
