import { z } from "zod";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { blastocystAgeRatio, euploidFraction, meanEggs } from "./curves.ts";
import { centralTheta, type Theta } from "./draws.ts";
import { type Note, type Range, sourcesFor } from "./estimate.ts";
import { notes } from "./notes.ts";
import {
  type Denominator,
  parameters,
  RANGE_TAIL,
  type Source,
  type SourceId,
} from "./parameters.ts";
import { funnelInputSchema, ODDS_AGE_RANGE, parseWith, recordedRetrievalSchema } from "./schema.ts";
import { betaQuantile, gammaQuantile } from "./special.ts";

/**
 * The lab funnel of one person, as beliefs that update with their own
 * retrievals: eggs retrieved → mature (MII) → fertilized (2PN) → blastocyst →
 * euploid. A person's average number of eggs per retrieval has a Gamma belief
 * (each retrieval is then Poisson around it: Gamma-Poisson); each rate has a
 * Beta belief (each embryo then succeeds or not: Beta-Binomial). Both are
 * conjugate, so a person's own counts update them by simple addition.
 */

/** Belief about a rate: Beta(alpha, beta), mean alpha / (alpha + beta). */
export interface BetaBelief {
  readonly alpha: number;
  readonly beta: number;
}

/** Belief about a person's average eggs per retrieval: Gamma(shape, rate), mean shape / rate. */
export interface GammaBelief {
  readonly shape: number;
  readonly rate: number;
}

/** The funnel for a person at this age (and AMH), before or after their own retrievals. */
export interface FunnelBelief {
  /** Age at the next retrieval. */
  readonly age: number;
  /** AMH in ng/mL, when known. */
  readonly amh: number | null;
  readonly eggs: GammaBelief;
  /** Mature (MII) out of eggs retrieved. */
  readonly mature: BetaBelief;
  /** Normally fertilized (2PN) out of mature eggs. */
  readonly fertilized: BetaBelief;
  /** Blastocysts out of fertilized eggs. */
  readonly blastocyst: BetaBelief;
  /** Euploid out of biopsied blastocysts. */
  readonly euploid: BetaBelief;
}

/** One retrieval as recorded: counts at each step of the funnel. */
export interface RecordedRetrieval {
  /** Age at that retrieval. */
  readonly age: number;
  readonly eggs: number;
  readonly mature: number;
  readonly fertilized: number;
  readonly blastocysts: number;
  /** Blastocysts sent for PGT-A; defaults to all blastocysts when `euploid` is given. */
  readonly biopsied?: number;
  /** Euploid results; leave out when nothing was tested. */
  readonly euploid?: number;
}

/** The funnel as a screen shows it: each step's average with an 80% range between people. */
export interface FunnelSummary {
  readonly eggsPerRetrieval: Range;
  readonly mature: Range;
  readonly fertilized: Range;
  readonly blastocyst: Range;
  readonly euploid: Range;
  /** Expected blastocysts and euploid blastocysts from one retrieval. */
  readonly blastocystsPerRetrieval: number;
  readonly euploidBlastocystsPerRetrieval: number;
}

export interface PersonalisedFunnel {
  /** The typical funnel for this age: always shown. */
  readonly population: FunnelSummary;
  /** The same after this person's own retrievals: shown beside it, never instead. */
  readonly personal: FunnelSummary;
  readonly posterior: FunnelBelief;
  readonly retrievals: number;
  readonly sources: readonly Source[];
  readonly notes: readonly Note[];
}

const betaFrom = (mean: number, strength: number): BetaBelief => ({
  alpha: strength * mean,
  beta: strength * (1 - mean),
});

const betaMean = (b: BetaBelief) => b.alpha / (b.alpha + b.beta);

/** The typical funnel at this age and AMH in one parameter set. */
export function funnelAt(age: number, amh: number | null, t: Theta): FunnelBelief {
  const shape = parameters.eggsPerRetrieval.shape;
  const strength = parameters.personRateStrength.strength;
  return {
    age,
    amh,
    eggs: { shape, rate: shape / meanEggs(age, amh, t) },
    mature: betaFrom(t.matureRate, strength),
    fertilized: betaFrom(t.fertilizationRate, strength),
    blastocyst: betaFrom(
      t.blastocystRate * blastocystAgeRatio(age, t.blastocystAgeSlope),
      strength,
    ),
    euploid: betaFrom(euploidFraction(age, 5, t.euploidShift, t.day7Euploid), strength),
  };
}

/**
 * Adds a person's own retrievals to a funnel belief. A retrieval at a younger
 * age counts as it would have at the belief's age: its eggs as exposure
 * μ(then)/μ(now) (Poisson with exposure keeps the Gamma conjugate), its
 * blastocyst and euploid successes scaled by the typical change between those
 * ages. Everything else is plain addition of counts.
 */
export function updateFunnel(
  prior: FunnelBelief,
  history: readonly RecordedRetrieval[],
  t: Theta,
): FunnelBelief {
  let { shape, rate } = prior.eggs;
  const mature = { ...prior.mature };
  const fertilized = { ...prior.fertilized };
  const blastocyst = { ...prior.blastocyst };
  const euploid = { ...prior.euploid };
  const nowEggs = meanEggs(prior.age, prior.amh, t);
  const nowBlast = blastocystAgeRatio(prior.age, t.blastocystAgeSlope);
  const nowEuploid = euploidFraction(prior.age, 5, t.euploidShift, t.day7Euploid);
  const add = (b: { alpha: number; beta: number }, successes: number, trials: number) => {
    b.alpha += successes;
    b.beta += trials - successes;
  };
  for (const r of history) {
    shape += r.eggs;
    rate += meanEggs(r.age, prior.amh, t) / nowEggs;
    add(mature, r.mature, r.eggs);
    add(fertilized, r.fertilized, r.mature);
    const blastScale = nowBlast / blastocystAgeRatio(r.age, t.blastocystAgeSlope);
    add(blastocyst, Math.min(r.fertilized, r.blastocysts * blastScale), r.fertilized);
    if (r.euploid !== undefined) {
      const tested = r.biopsied ?? r.blastocysts;
      const euploidScale = nowEuploid / euploidFraction(r.age, 5, t.euploidShift, t.day7Euploid);
      add(euploid, Math.min(tested, r.euploid * euploidScale), tested);
    }
  }
  return {
    age: prior.age,
    amh: prior.amh,
    eggs: { shape, rate },
    mature,
    fertilized,
    blastocyst,
    euploid,
  };
}

function betaRange(b: BetaBelief, denominator: Denominator): Range {
  return {
    central: betaMean(b),
    low: betaQuantile(RANGE_TAIL, b.alpha, b.beta),
    high: betaQuantile(1 - RANGE_TAIL, b.alpha, b.beta),
    denominator,
  };
}

/** Means and 80% ranges of a funnel belief. */
export function summariseFunnel(b: FunnelBelief): FunnelSummary {
  const eggs = b.eggs.shape / b.eggs.rate;
  const blasts = eggs * betaMean(b.mature) * betaMean(b.fertilized) * betaMean(b.blastocyst);
  return {
    eggsPerRetrieval: {
      central: eggs,
      low: gammaQuantile(RANGE_TAIL, b.eggs.shape, b.eggs.rate),
      high: gammaQuantile(1 - RANGE_TAIL, b.eggs.shape, b.eggs.rate),
      denominator: "per retrieval",
    },
    mature: betaRange(b.mature, "per egg retrieved"),
    fertilized: betaRange(b.fertilized, "per mature egg"),
    blastocyst: betaRange(b.blastocyst, "per fertilized egg (2PN)"),
    euploid: betaRange(b.euploid, "per biopsied blastocyst"),
    blastocystsPerRetrieval: blasts,
    euploidBlastocystsPerRetrieval: blasts * betaMean(b.euploid),
  };
}

/** Sources behind a funnel. */
export function funnelSources(amh: number | null): Set<SourceId> {
  const used = new Set<SourceId>(["sunkara2011", "romanski2022", "vienna2017", "franasiak2014"]);
  used.add("trellisModel");
  if (amh !== null) used.add("reichman2014");
  return used;
}

/** The typical funnel for a person of this age (and AMH in ng/mL, when known). */
export function populationFunnel(input: {
  readonly age: number;
  readonly amh?: number;
}): Result<FunnelBelief, Problem> {
  const parsed = parseWith(funnelInputSchema, input);
  if (!parsed.ok) return parsed;
  return ok(funnelAt(parsed.value.age, parsed.value.amh ?? null, centralTheta()));
}

const positive = z.number().gt(0).finite();
const betaSchema = z.strictObject({ alpha: positive, beta: positive });
const beliefSchema = z.strictObject({
  age: z.number().min(ODDS_AGE_RANGE.min).max(ODDS_AGE_RANGE.max),
  amh: z.number().gt(0).nullable(),
  eggs: z.strictObject({ shape: positive, rate: positive }),
  mature: betaSchema,
  fertilized: betaSchema,
  blastocyst: betaSchema,
  euploid: betaSchema,
});

/**
 * A person's own funnel after their recorded retrievals, beside the typical
 * one. Past retrievals must not be after the belief's age.
 */
export function personalise(
  population: FunnelBelief,
  observedRetrievals: readonly RecordedRetrieval[],
): Result<PersonalisedFunnel, Problem> {
  const belief = parseWith(beliefSchema, population, "population");
  if (!belief.ok) return belief;
  const history = parseWith(
    z.array(recordedRetrievalSchema),
    observedRetrievals,
    "observedRetrievals",
  );
  if (!history.ok) return history;
  const late = checkHistoryAges(history.value, population.age, "observedRetrievals");
  if (late) return err(late);
  const posterior = updateFunnel(population, history.value, centralTheta());
  const out: Note[] = [notes.labRates(), notes.eggsByAge()];
  if (history.value.length > 0) out.push(notes.personalBeside(history.value.length));
  if (history.value.some((r) => r.age < population.age)) out.push(notes.pastAges());
  out.push(notes.notAdvice());
  return ok({
    population: summariseFunnel(population),
    personal: summariseFunnel(posterior),
    posterior,
    retrievals: history.value.length,
    sources: sourcesFor(funnelSources(population.amh)),
    notes: out,
  });
}

/** A past retrieval at an older age than "now" is a typing slip; say which. */
export function checkHistoryAges(
  history: readonly { age: number }[],
  now: number,
  listField: string,
): Problem | null {
  for (let i = 0; i < history.length; i++) {
    if (history[i]!.age > now) {
      return problem("age-order", `${listField}[${i}].age`, {
        what: "retrieval",
        age: history[i]!.age,
        now,
      });
    }
  }
  return null;
}
