import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
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
import { cancellation, centralTheta, DEFAULT_SEED, drawThetas, type Theta } from "./draws.ts";
import { futureEuploidChance } from "./embryo.ts";
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
import { countedTransfers, type PastTransferInput, posteriorFor, preparePast } from "./past.ts";
import {
  checkAgesNotAfter,
  type EmbryoInput,
  parseWith,
  type RecordedRetrievalInput,
  retrievalPlanSchema,
  toBankEmbryo,
} from "./schema.ts";
import { betaQuantile, gammaNodes, gammaQuantile } from "./special.ts";

/** Whose chance a plan answers (see `notes.framePeople` and `notes.frameKeepGoing`). */
export type PlanFrame = "people-like-me" | "if-i-keep-going";

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
  /**
   * "people-like-me" (default): of people in this place who plan these
   * retrievals, some stop after a failed attempt, as people do.
   * "if-i-keep-going": the person goes on to every planned retrieval until a
   * birth. Cycles cancelled before retrieval count in both.
   */
  readonly frame?: PlanFrame;
  /** The person's own finished transfers: the personal estimate learns from them too. */
  readonly pastTransfers?: readonly PastTransferInput[];
  readonly seed?: number;
}

/** The answer after a given number of retrievals (counting the bank too). */
export interface PlanStep {
  readonly retrievals: number;
  readonly atLeastOne: Estimate;
  readonly atLeastTwo: Estimate;
  /**
   * Expected embryos to transfer: euploid blastocysts if tested, blastocysts if
   * not, if every planned retrieval is started (cancelled ones give none).
   */
  readonly expectedEmbryos: Estimate;
}

export interface RetrievalPlan {
  readonly embryoKind: "euploid blastocysts" | "blastocysts";
  /** The frame the `population` and `personal` series answer in. */
  readonly frame: PlanFrame;
  /** With the bank alone, no new retrieval. */
  readonly bankOnly: { readonly atLeastOne: Estimate; readonly atLeastTwo: Estimate };
  /** Typical funnel for this age: one step per number of retrievals, 1..N. */
  readonly population: readonly PlanStep[];
  /**
   * From the person's own funnel (`history`) and own transfers
   * (`pastTransfers`), beside the typical one; null when neither teaches anything.
   */
  readonly personal: readonly PlanStep[] | null;
  readonly funnel: { readonly population: FunnelSummary; readonly personal: FunnelSummary | null };
  /** Share of planned retrievals cancelled before egg collection, at this age (and AMH). */
  readonly cancelled: { readonly population: Estimate; readonly personal: Estimate | null };
  /**
   * Live birth per transfer of one new blastocyst of the plan's kind (euploid
   * if tested), its day not known yet; personal when past transfers teach.
   */
  readonly perTransfer: { readonly population: Estimate; readonly personal: Estimate | null };
  /** Past transfers the personal estimate learned from. */
  readonly transfersCounted: number;
  readonly rangeLevel: number;
  readonly sources: readonly Source[];
  readonly notes: readonly Note[];
}

const betaMean = (b: BetaBelief) => b.alpha / (b.alpha + b.beta);
/** Squared coefficient of variation of a Beta belief. */
const betaCv2 = (b: BetaBelief) => b.beta / (b.alpha * (b.alpha + b.beta + 1));

/** Nodes used to average over a person's egg yield (generalized Gauss-Laguerre). */
const YIELD_NODES = 16;

/** Per-draw results of one plan series (population or personal), filled in place. */
interface Series {
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
interface DrawContext {
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
function fillSeries(out: Series, d: number, belief: FunnelBelief, c: DrawContext): void {
  const { t, chances, weights: w, bankNode, bankPerson, base, tested, going, stop } = c;
  const K = w.length;
  const J = RATE_NODES.nodes.length;
  const N = out.avg1.length;
  const shape = belief.eggs.shape;
  const rate = belief.eggs.rate;
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
 * births (the bank included) and the expected number of embryos to transfer,
 * counting cycles cancelled before retrieval and, in the "people like me"
 * frame (the default), people who stop after a failed attempt. With
 * `history` (past retrievals) or `pastTransfers`, a personal series sits
 * beside the typical one.
 */
export function retrievalPlan(input: RetrievalPlanInput): Result<RetrievalPlan, Problem> {
  const parsed = parseWith(retrievalPlanSchema, input);
  if (!parsed.ok) return parsed;
  const { age, retrievals, tested, seed } = parsed.value;
  const frame: PlanFrame = parsed.value.frame ?? "people-like-me";
  const amh = parsed.value.amh ?? null;
  const bank = parsed.value.bank.map(toBankEmbryo);
  const history: readonly RecordedRetrieval[] | null = parsed.value.history?.length
    ? parsed.value.history
    : null;
  const past = preparePast(parsed.value.pastTransfers);
  const counted = countedTransfers(past);
  const lateEmbryo = checkAgesNotAfter(bank, age, "age", "bank");
  if (lateEmbryo) return err(lateEmbryo);
  if (history) {
    const late = checkHistoryAges(history, age, "history");
    if (late) return err(late);
  }
  const lateTransfer = (parsed.value.pastTransfers ?? []).findIndex((p) => p.ageAtTransfer > age);
  if (lateTransfer >= 0)
    return err(
      problem("age-order", `pastTransfers[${lateTransfer}].ageAtTransfer`, {
        what: "transfer",
        age: parsed.value.pastTransfers![lateTransfer]!.ageAtTransfer,
        now: age,
      }),
    );

  const thetas = drawThetas(seed ?? DEFAULT_SEED);
  const D = thetas.length;
  const K = PERSON_NODES.nodes.length;
  const groups = groupEmbryos(bank, age);
  const ws = bankWorkspace(groups);
  const personalWs = counted > 0 ? bankWorkspace(groups) : ws;
  const base = tested
    ? bank.filter((e) => e.pgt === "euploid").length
    : bank.filter((e) => e.pgt !== "aneuploid").length;
  const population = newSeries(retrievals, D);
  const personal = history || counted > 0 ? newSeries(retrievals, D) : null;
  const bankAvg = [new Float64Array(D), new Float64Array(D)];
  const bankPerson = [new Float64Array(D * PEOPLE_PER_DRAW), new Float64Array(D * PEOPLE_PER_DRAW)];
  const chances = new Float64Array(K + PEOPLE_PER_DRAW);
  const ownChances = new Float64Array(K + PEOPLE_PER_DRAW);
  const scratch = new Float64Array(K + PEOPLE_PER_DRAW);
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
    const { going, stop } = stoppingCurve(retrievals, age, t, frame);
    // A new blastocyst: grade unknown, day 5, 6 or 7, transferred at this age.
    futureEuploidChance(age, age, t, effect, chances, scratch);
    const prior = funnelAt(age, amh, t);
    const context = {
      t,
      chances,
      weights: effect.weights,
      bankNode: ws.nodeCounts,
      bankPerson: ws.personCounts,
      base,
      tested,
      going,
      stop,
      cancel: cancellation(t.cancelLevel, t),
    };
    fillSeries(population, d, prior, context);
    if (personal) {
      const funnel = history ? updateFunnel(prior, history, t) : prior;
      if (counted > 0) {
        const own = posteriorFor(past, t, effect);
        drawBank(groups, t, effect, personalWs, own);
        futureEuploidChance(age, age, t, effect, ownChances, scratch, own);
        fillSeries(personal, d, funnel, {
          ...context,
          chances: ownChances,
          weights: own.weights,
          bankNode: personalWs.nodeCounts,
          bankPerson: personalWs.personCounts,
        });
      } else fillSeries(personal, d, funnel, context);
    }
  }

  const used = bankSources(bank, age);
  for (const id of funnelSources(amh)) used.add(id);
  used.add("euploidRange").add("star2019").add("naturalFet2021").add("roberts2012");
  used.add("boynukalin2020").add("day7Euploidy2019").add("su2016").add("jarg2022");
  used.add("cdc2011").add("cdc2002").add("barritt2012");
  used.add("blastocystAge1999").add("blastocystAge2015");
  if (frame === "people-like-me" && retrievals > 1) used.add("gameiro2013").add("dodge2016");
  if (age >= 35) used.add("reig2020");

  const centralT = centralTheta();
  const central = funnelAt(age, amh, centralT);
  const cancelledNow = summarise(
    population.cancelAvg,
    population.cancelPerson,
    "per started cycle",
  );
  const out: Note[] = [notes.rangeMeaning()];
  out.push(frame === "people-like-me" ? notes.framePeople(retrievals) : notes.frameKeepGoing());
  out.push(notes.cancelled(cancelledNow.central), notes.dayMix(), notes.singleTransfers());
  out.push(notes.sameAge(), notes.frozen(parameters.blastocystThawSurvival.value.central));
  out.push(notes.correlation(), notes.hopeful(), notes.testingSameBirths(), notes.labRates());
  out.push(notes.eggsByAge(), notes.blastocystsByAge());
  if (amh !== null) out.push(notes.amhUsed());
  if (amh !== null && amhOutsideBands(amh)) out.push(notes.amhOutside());
  if (bank.some((e) => e.pgt === "mosaic"))
    out.push(notes.mosaic(parameters.mosaicRelative.value.central));
  if (bank.some((e) => e.pgt === "aneuploid")) out.push(notes.aneuploid());
  if (history) {
    out.push(notes.personalBeside(history.length));
    if (history.some((r) => r.age < age)) out.push(notes.pastAges());
  }
  if (past.length > 0) out.push(notes.personalTransfers(counted, past.length - counted));
  out.push(notes.doesNotKnow(), notes.notAdvice());

  return ok({
    embryoKind: tested ? "euploid blastocysts" : "blastocysts",
    frame,
    bankOnly: {
      atLeastOne: summarise(bankAvg[0]!, bankPerson[0]!, "from this bank"),
      atLeastTwo: summarise(bankAvg[1]!, bankPerson[1]!, "from this bank"),
    },
    population: steps(population),
    personal: personal ? steps(personal) : null,
    funnel: {
      // The funnel shown beside the plan uses the central parameters, like `populationFunnel`.
      population: summariseFunnel(central),
      personal: history ? summariseFunnel(updateFunnel(central, history, centralT)) : null,
    },
    cancelled: {
      population: cancelledNow,
      personal: personal
        ? summarise(personal.cancelAvg, personal.cancelPerson, "per started cycle")
        : null,
    },
    perTransfer: {
      population: summarise(population.chanceAvg, population.chancePerson, "per transfer"),
      personal: personal
        ? summarise(personal.chanceAvg, personal.chancePerson, "per transfer")
        : null,
    },
    transfersCounted: counted,
    rangeLevel: RANGE_LEVEL,
    sources: sourcesFor(used),
    notes: out,
  });
}
