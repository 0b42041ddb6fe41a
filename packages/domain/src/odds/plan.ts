import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { bankSources } from "./bank.ts";
import { amhOutsideBands } from "./curves.ts";
import { centralTheta, DEFAULT_SEED, drawThetas } from "./draws.ts";
import { type Estimate, type Note, sourcesFor, summarise } from "./estimate.ts";
import {
  checkHistoryAges,
  type FunnelSummary,
  funnelAt,
  funnelSources,
  type RecordedRetrieval,
  summariseFunnel,
  updateFunnel,
} from "./funnel.ts";
import { notes } from "./notes.ts";
import { parameters, RANGE_LEVEL, type Source } from "./parameters.ts";
import { countedTransfers, type PastTransferInput, preparePast } from "./past.ts";
import { drawPlan } from "./plan-draws.ts";
import { steps } from "./plan-series.ts";
import {
  checkAgesNotAfter,
  type EmbryoInput,
  parseWith,
  type RecordedRetrievalInput,
  retrievalPlanSchema,
  toBankEmbryo,
} from "./schema.ts";

/**
 * The retrieval plan: "how many more retrievals, with what we already have
 * frozen?" The question, its checks, and the answer with its sources and
 * notes. The computation over the parameter draws is in `plan-draws.ts`, one
 * series in one draw in `plan-series.ts`.
 */

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
  const { population, personal, bankAvg, bankPerson } = drawPlan(thetas, {
    age,
    amh,
    retrievals,
    tested,
    frame,
    bank,
    history,
    past,
    counted,
  });

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
