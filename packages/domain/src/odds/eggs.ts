import { ok, type Problem, type Result } from "../core/result.ts";
import {
  PEOPLE_PER_DRAW,
  PERSON_NODES,
  personEffect,
  RATE_NODES,
  spreadRates,
} from "./correlate.ts";
import { DEFAULT_SEED, drawThetas } from "./draws.ts";
import { futureEuploidChance } from "./embryo.ts";
import { type Estimate, type Note, sourcesFor, summarise } from "./estimate.ts";
import { funnelAt } from "./funnel.ts";
import { notes } from "./notes.ts";
import { parameters, RANGE_LEVEL, type Source, type SourceId } from "./parameters.ts";
import { eggFreezingSchema, parseWith } from "./schema.ts";
import { betaQuantile } from "./special.ts";

/** The question: with these frozen eggs, what are the chances? */
export interface EggFreezingInput {
  readonly ageAtFreezing: number;
  /** Mature (MII) eggs frozen. */
  readonly matureEggs: number;
  /** Age of the person carrying the pregnancy at the transfers; defaults to the age at freezing. */
  readonly ageAtTransfer?: number;
  readonly seed?: number;
}

export interface EggFreezingOdds {
  readonly atLeastOne: Estimate;
  readonly atLeastTwo: Estimate;
  readonly atLeastThree: Estimate;
  /** Live birth per mature egg frozen, through thaw, fertilization, blastocyst and transfer. */
  readonly perEgg: Estimate;
  readonly rangeLevel: number;
  readonly sources: readonly Source[];
  readonly notes: readonly Note[];
}

/** P(0), P(1), P(2) successes of a binomial with n trials. */
function binomialUpToTwo(n: number, p: number, out: Float64Array): void {
  if (n === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
    return;
  }
  const f = 1 - p;
  if (n === 1) {
    out[0] = f;
    out[1] = p;
    out[2] = 0;
    return;
  }
  const fm2 = f ** (n - 2);
  out[0] = fm2 * f * f;
  out[1] = n * p * fm2 * f;
  out[2] = ((n * (n - 1)) / 2) * p * p * fm2;
}

/**
 * The chance of at least one, two and three live births from frozen mature
 * eggs: each egg survives the thaw (about 85%, Cobo 2016), then follows the
 * funnel from fertilization (2PN) at the age it was frozen, and every
 * blastocyst is transferred on its own. Given a person (their own lab rates
 * and transfer effect), births are binomial over the eggs; averaged over
 * people by quadrature, as in `bankOdds`.
 */
export function eggFreezingOdds(input: EggFreezingInput): Result<EggFreezingOdds, Problem> {
  const parsed = parseWith(eggFreezingSchema, input);
  if (!parsed.ok) return parsed;
  const { ageAtFreezing, matureEggs, seed } = parsed.value;
  const ageAtTransfer = parsed.value.ageAtTransfer ?? ageAtFreezing;
  const thetas = drawThetas(seed ?? DEFAULT_SEED);
  const D = thetas.length;
  const P = D * PEOPLE_PER_DRAW;
  const K = PERSON_NODES.nodes.length;
  const J = RATE_NODES.nodes.length;
  const avg = [new Float64Array(D), new Float64Array(D), new Float64Array(D)];
  const person = [new Float64Array(P), new Float64Array(P), new Float64Array(P)];
  const perEggAvg = new Float64Array(D);
  const perEggPerson = new Float64Array(P);
  const chances = new Float64Array(K + PEOPLE_PER_DRAW);
  const scratch = new Float64Array(K + PEOPLE_PER_DRAW);
  const rateNodes = new Float64Array(J + PEOPLE_PER_DRAW);
  const counts = new Float64Array(3);

  for (let d = 0; d < D; d++) {
    const t = thetas[d]!;
    const belief = funnelAt(ageAtFreezing, null, t);
    const rates = [belief.fertilized, belief.blastocyst, belief.euploid] as const;
    const rMean = spreadRates(rates, rateNodes);
    // The age effect after transfer uses the older of the two ages (see notes.ageAtTransferGiven).
    // A future blastocyst from these eggs: day 5, 6 or 7, with the age effect
    // after transfer on the older of the two ages (see notes.ageAtTransferGiven).
    const q = futureEuploidChance(
      ageAtFreezing,
      ageAtTransfer,
      t,
      personEffect(t.sigma, t.personZ),
      chances,
      scratch,
    );
    const labs = t.oocyteSurvival * t.blastocystSurvival;
    let p0 = 0;
    let p01 = 0;
    let p012 = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < J; j++) {
        binomialUpToTwo(matureEggs, labs * rateNodes[j]! * chances[k]!, counts);
        const w = PERSON_NODES.weights[k]! * RATE_NODES.weights[j]!;
        // Sums of "more than" terms, so that a certain 0 stays exactly 0.
        p0 += w * (1 - counts[0]!);
        p01 += w * (1 - counts[0]! - counts[1]!);
        p012 += w * (1 - counts[0]! - counts[1]! - counts[2]!);
      }
    }
    avg[0]![d] = p0;
    avg[1]![d] = p01;
    avg[2]![d] = p012;
    perEggAvg[d] = labs * rMean * q;
    const uniforms = [t.personFertilization, t.personBlastocyst, t.personEuploid];
    for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
      let own = labs * chances[K + j]!;
      for (let r = 0; r < 3; r++) {
        const u = j === 0 ? uniforms[r]! : 1 - uniforms[r]!;
        own *= betaQuantile(u, rates[r]!.alpha, rates[r]!.beta);
      }
      binomialUpToTwo(matureEggs, own, counts);
      const i = d * PEOPLE_PER_DRAW + j;
      person[0]![i] = 1 - counts[0]!;
      person[1]![i] = 1 - counts[0]! - counts[1]!;
      person[2]![i] = 1 - counts[0]! - counts[1]! - counts[2]!;
      perEggPerson[i] = own;
    }
  }

  const used = new Set<SourceId>([
    "oocyteSurvival",
    "romanski2022",
    "vienna2017",
    "franasiak2014",
    "euploidRange",
    "star2019",
    "naturalFet2021",
    "roberts2012",
    "trellisModel",
    "porcu2022",
    "boynukalin2020",
    "day7Euploidy2019",
    "su2016",
    "jarg2022",
    "blastocystAge1999",
    "blastocystAge2015",
  ]);
  if (Math.max(ageAtTransfer, ageAtFreezing) >= 35) used.add("reig2020");
  const survival = parameters.oocyteThawSurvival.value.central;
  const out: Note[] = [
    notes.rangeMeaning(),
    notes.eggFreezing(survival),
    notes.dayMix(),
    notes.hopeful(),
    notes.eggFreezingAge(),
    notes.singleTransfers(),
    notes.correlation(),
    notes.labRates(),
    notes.blastocystsByAge(),
  ];
  out.push(
    parsed.value.ageAtTransfer === undefined
      ? notes.eggTransferAge(ageAtFreezing)
      : notes.ageAtTransferGiven(ageAtTransfer),
  );
  out.push(notes.doesNotKnow(), notes.notAdvice());
  return ok({
    atLeastOne: summarise(avg[0]!, person[0]!, "from these eggs"),
    atLeastTwo: summarise(avg[1]!, person[1]!, "from these eggs"),
    atLeastThree: summarise(avg[2]!, person[2]!, "from these eggs"),
    perEgg: summarise(perEggAvg, perEggPerson, "per mature egg frozen"),
    rangeLevel: RANGE_LEVEL,
    sources: sourcesFor(used),
    notes: out,
  });
}
