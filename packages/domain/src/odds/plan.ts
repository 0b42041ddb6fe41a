import { err, ok, type Problem, type Result } from "../core/result.ts";
import {
  atLeastAveraged,
  atLeastForPerson,
  bankSources,
  bankWorkspace,
  drawBank,
  groupEmbryos,
} from "./bank.ts";
import {
  PEOPLE_PER_DRAW,
  PERSON_NODES,
  personEffect,
  RATE_NODES,
  spreadOverPeople,
} from "./correlate.ts";
import { amhOutsideBands } from "./curves.ts";
import { centralTheta, DEFAULT_SEED, drawThetas, type Theta } from "./draws.ts";
import { typicalEuploidChance } from "./embryo.ts";
import { type Estimate, type Note, sourcesFor, summarise } from "./estimate.ts";
import {
  type BetaBelief,
  checkHistoryAges,
  type FunnelBelief,
  type FunnelSummary,
  funnelAt,
  funnelSources,
  type RecordedRetrieval,
  summariseFunnel,
  updateFunnel,
} from "./funnel.ts";
import { notes } from "./notes.ts";
import { parameters, RANGE_LEVEL, type Source } from "./parameters.ts";
import {
  checkAgesNotAfter,
  type EmbryoInput,
  parseWith,
  type RecordedRetrievalInput,
  retrievalPlanSchema,
  toBankEmbryo,
} from "./schema.ts";
import { betaQuantile, gammaQuantile } from "./special.ts";

/** The question: how many more retrievals, with what we already have frozen? */
export interface RetrievalPlanInput {
  /** Age now (and at the planned retrievals). */
  readonly age: number;
  /** AMH in ng/mL, when known. */
  readonly amh?: number;
  /** Number of planned retrievals, 1 to 10. */
  readonly retrievals: number;
  /** Whether the new embryos will be tested (PGT-A). */
  readonly tested: boolean;
  /** Embryos already frozen. */
  readonly bank: readonly EmbryoInput[];
  /** Past retrievals, to show a personal estimate beside the typical one. */
  readonly history?: readonly RecordedRetrievalInput[];
  readonly seed?: number;
}

/** The answer after a given number of retrievals (counting the bank too). */
export interface PlanStep {
  readonly retrievals: number;
  readonly atLeastOne: Estimate;
  readonly atLeastTwo: Estimate;
  /** Expected embryos to transfer: euploid blastocysts if tested, blastocysts if not. */
  readonly expectedEmbryos: Estimate;
}

export interface RetrievalPlan {
  readonly embryoKind: "euploid blastocysts" | "blastocysts";
  /** With the bank alone, no new retrieval. */
  readonly bankOnly: { readonly atLeastOne: Estimate; readonly atLeastTwo: Estimate };
  /** Typical funnel for this age: one step per number of retrievals, 1..N. */
  readonly population: readonly PlanStep[];
  /** From the person's own funnel (only when history is given), beside the typical one. */
  readonly personal: readonly PlanStep[] | null;
  readonly funnel: { readonly population: FunnelSummary; readonly personal: FunnelSummary | null };
  readonly rangeLevel: number;
  readonly sources: readonly Source[];
  readonly notes: readonly Note[];
}

const betaMean = (b: BetaBelief) => b.alpha / (b.alpha + b.beta);
/** Squared coefficient of variation of a Beta belief. */
const betaCv2 = (b: BetaBelief) => b.beta / (b.alpha * (b.alpha + b.beta + 1));

/** Per-draw results of one plan series (population or personal), filled in place. */
interface Series {
  readonly avg1: Float64Array[];
  readonly avg2: Float64Array[];
  readonly person1: Float64Array[];
  readonly person2: Float64Array[];
  readonly expectedAvg: Float64Array[];
  readonly expectedPerson: Float64Array[];
}

function newSeries(n: number, draws: number): Series {
  const make = (size: number) => Array.from({ length: n }, () => new Float64Array(size));
  const people = draws * PEOPLE_PER_DRAW;
  return {
    avg1: make(draws),
    avg2: make(draws),
    person1: make(people),
    person2: make(people),
    expectedAvg: make(draws),
    expectedPerson: make(people),
  };
}

/**
 * One draw of one series. Given a person (their transfer effect u, their own
 * lab rates R and egg yield λ), live births from n retrievals are Poisson with
 * mean n·λ·R·survival·s(u). Averaged over people: λ is Gamma, so the count is
 * negative binomial in closed form; R (a product of Beta rates) is matched to a
 * logit-normal and averaged by quadrature, as is u. The draw's two people get
 * their own λ, rates and u from the draw's uniforms.
 */
function fillSeries(
  out: Series,
  d: number,
  belief: FunnelBelief,
  t: Theta,
  chancesAtNodes: Float64Array,
  bankNode: Float64Array,
  bankPerson: Float64Array,
  base: number,
  tested: boolean,
): void {
  const K = PERSON_NODES.nodes.length;
  const J = RATE_NODES.nodes.length;
  const N = out.avg1.length;
  const shape = belief.eggs.shape;
  const meanEggs = shape / belief.eggs.rate;
  const rates = [belief.mature, belief.fertilized, belief.blastocyst, belief.euploid] as const;
  let rMean = 1;
  let rGrowth = 1;
  for (const b of rates) {
    rMean *= betaMean(b);
    rGrowth *= 1 + betaCv2(b);
  }
  const blastMean = rMean / betaMean(belief.euploid);
  // A person's own rates, matched to a logit-normal with the same mean and spread.
  const tau = Math.sqrt(rGrowth - 1) / (1 - rMean);
  const rateNodes = new Float64Array(J + PEOPLE_PER_DRAW);
  spreadOverPeople(rMean, personEffect(tau, 0, RATE_NODES), rateNodes, 0);
  const survival = t.blastocystSurvival;
  const w = PERSON_NODES.weights;
  const v = RATE_NODES.weights;
  for (let n = 1; n <= N; n++) {
    let s1 = 0;
    let s2 = 0;
    for (let k = 0; k < K; k++) {
      const c0 = bankNode[4 * k]!;
      const c1 = bankNode[4 * k + 1]!;
      let inner1 = 0;
      let inner2 = 0;
      for (let j = 0; j < J; j++) {
        const x = (n * meanEggs * survival * rateNodes[j]! * chancesAtNodes[k]!) / shape;
        const f0 = (1 + x) ** -shape;
        const f1 = (f0 * shape * x) / (1 + x);
        inner1 += v[j]! * (1 - f0 * c0);
        inner2 += v[j]! * (1 - f0 * c0 - f0 * c1 - f1 * c0);
      }
      s1 += w[k]! * inner1;
      s2 += w[k]! * inner2;
    }
    out.avg1[n - 1]![d] = s1;
    out.avg2[n - 1]![d] = s2;
    out.expectedAvg[n - 1]![d] = base + n * meanEggs * (tested ? rMean : blastMean);
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
    const lambda = gammaQuantile(u(uniforms[0]!), shape, belief.eggs.rate);
    let blasts = lambda;
    for (let r = 0; r < 3; r++)
      blasts *= betaQuantile(u(uniforms[r + 1]!), rates[r]!.alpha, rates[r]!.beta);
    const euploid = blasts * betaQuantile(u(uniforms[4]!), rates[3].alpha, rates[3].beta);
    const mu = euploid * survival * chancesAtNodes[K + j]!;
    const c0 = bankPerson[4 * j]!;
    const c1 = bankPerson[4 * j + 1]!;
    for (let n = 1; n <= N; n++) {
      const f0 = Math.exp(-n * mu);
      const f1 = n * mu * f0;
      const i = d * PEOPLE_PER_DRAW + j;
      out.person1[n - 1]![i] = 1 - f0 * c0;
      out.person2[n - 1]![i] = 1 - f0 * c0 - f0 * c1 - f1 * c0;
      out.expectedPerson[n - 1]![i] = base + n * (tested ? euploid : blasts);
    }
  }
}

function steps(series: Series): PlanStep[] {
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

/**
 * For 1..N more retrievals: the chance of at least one and at least two live
 * births (the bank included) and the expected number of embryos to transfer.
 * With `history`, a personal series from the person's own funnel sits beside
 * the typical one.
 */
export function retrievalPlan(input: RetrievalPlanInput): Result<RetrievalPlan, Problem> {
  const parsed = parseWith(retrievalPlanSchema, input);
  if (!parsed.ok) return parsed;
  const { age, retrievals, tested, seed } = parsed.value;
  const amh = parsed.value.amh ?? null;
  const bank = parsed.value.bank.map(toBankEmbryo);
  const history: readonly RecordedRetrieval[] | null = parsed.value.history?.length
    ? parsed.value.history
    : null;
  const lateEmbryo = checkAgesNotAfter(bank, age, "age", "bank");
  if (lateEmbryo) return err(lateEmbryo);
  if (history) {
    const late = checkHistoryAges(history, age, "history");
    if (late) return err(late);
  }

  const thetas = drawThetas(seed ?? DEFAULT_SEED);
  const D = thetas.length;
  const K = PERSON_NODES.nodes.length;
  const groups = groupEmbryos(bank, age);
  const ws = bankWorkspace(groups);
  const base = tested
    ? bank.filter((e) => e.pgt === "euploid").length
    : bank.filter((e) => e.pgt !== "aneuploid").length;
  const population = newSeries(retrievals, D);
  const personal = history ? newSeries(retrievals, D) : null;
  const bankAvg = [new Float64Array(D), new Float64Array(D)];
  const bankPerson = [new Float64Array(D * PEOPLE_PER_DRAW), new Float64Array(D * PEOPLE_PER_DRAW)];
  const chances = new Float64Array(K + PEOPLE_PER_DRAW);
  const tails = new Float64Array(3);

  for (let d = 0; d < D; d++) {
    const t = thetas[d]!;
    const effect = personEffect(t.sigma, t.personZ);
    drawBank(groups, t, effect, ws);
    atLeastAveraged(ws, tails);
    bankAvg[0]![d] = tails[0]!;
    bankAvg[1]![d] = tails[1]!;
    for (let j = 0; j < PEOPLE_PER_DRAW; j++) {
      atLeastForPerson(ws, j, tails);
      bankPerson[0]![d * PEOPLE_PER_DRAW + j] = tails[0]!;
      bankPerson[1]![d * PEOPLE_PER_DRAW + j] = tails[1]!;
    }
    // A new blastocyst: grade and day unknown, transferred at this age.
    spreadOverPeople(typicalEuploidChance(age, t), effect, chances, 0);
    const prior = funnelAt(age, amh, t);
    fillSeries(population, d, prior, t, chances, ws.nodeCounts, ws.personCounts, base, tested);
    if (personal && history) {
      const posterior = updateFunnel(prior, history, t);
      fillSeries(personal, d, posterior, t, chances, ws.nodeCounts, ws.personCounts, base, tested);
    }
  }

  const used = bankSources(bank, age);
  for (const id of funnelSources(amh)) used.add(id);
  used.add("euploidRange").add("star2019").add("naturalFet2021").add("roberts2012");
  if (age >= 35) used.add("reig2020");

  const out: Note[] = [notes.rangeMeaning(), notes.singleTransfers(), notes.sameAge()];
  out.push(notes.frozen(parameters.blastocystThawSurvival.value.central), notes.correlation());
  out.push(notes.hopeful(), notes.testingSameBirths(), notes.labRates(), notes.eggsByAge());
  if (amh !== null) out.push(notes.amhUsed());
  if (amh !== null && amhOutsideBands(amh)) out.push(notes.amhOutside());
  if (bank.some((e) => e.pgt === "mosaic"))
    out.push(notes.mosaic(parameters.mosaicRelative.value.central));
  if (bank.some((e) => e.pgt === "aneuploid")) out.push(notes.aneuploid());
  if (history) {
    out.push(notes.personalBeside(history.length));
    if (history.some((r) => r.age < age)) out.push(notes.pastAges());
  }
  out.push(notes.doesNotKnow(), notes.notAdvice());

  // The funnel shown beside the plan uses the central parameters, like `populationFunnel`.
  const centralT = centralTheta();
  const central = funnelAt(age, amh, centralT);
  return ok({
    embryoKind: tested ? "euploid blastocysts" : "blastocysts",
    bankOnly: {
      atLeastOne: summarise(bankAvg[0]!, bankPerson[0]!, "from this bank"),
      atLeastTwo: summarise(bankAvg[1]!, bankPerson[1]!, "from this bank"),
    },
    population: steps(population),
    personal: personal ? steps(personal) : null,
    funnel: {
      population: summariseFunnel(central),
      personal: history ? summariseFunnel(updateFunnel(central, history, centralT)) : null,
    },
    rangeLevel: RANGE_LEVEL,
    sources: sourcesFor(used),
    notes: out,
  });
}
