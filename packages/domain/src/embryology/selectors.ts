import { Temporal } from "../core/time.ts";
import { personalise, populationFunnel, type Range, type Source } from "../odds/index.ts";
import { parameters, sources } from "../odds/parameters.ts";
import type { JourneyState } from "../state/state.ts";
import { type EmbryoStatus, embryoStatuses } from "./events.ts";
import { DEFAULT_FEE_REMINDER_DAYS, nextDueOn } from "./fees.ts";
import type { EggCohort, Embryo, OocyteBatch, StorageFee } from "./state.ts";
import { isInBank } from "./status.ts";

/** Code-point order: the same on every device, whatever its language. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whole years between a date of birth and a date. */
export function ageOn(dateOfBirth: string, date: string): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(date), {
    largestUnit: "years",
  }).years;
}

/** Retrievals and egg thaws that were not removed, newest first. */
export function cohortList(state: JourneyState): EggCohort[] {
  return [...state.cohorts.values()]
    .filter((c) => !c.retracted)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1));
}

/** Age at egg collection: the age that counts for egg and embryo quality. */
export function cohortAge(state: JourneyState, cohort: EggCohort): number | null {
  const dob = state.journey?.dateOfBirth;
  return dob ? ageOn(dob, cohort.eggsCollectedOn) : null;
}

/** The counts of a cohort at each step, as recorded so far (`null`: not reported yet). */
export interface FunnelCounts {
  readonly kind: "retrieval" | "thaw";
  /** Eggs retrieved, or eggs thawed. */
  readonly eggs: number;
  readonly survived: number | null;
  readonly mature: number | null;
  readonly fertilized: number | null;
  readonly day3: number | null;
  /** Blastocysts on any day; `null` until the lab reported a blastocyst day. */
  readonly blastocysts: number | null;
  readonly blastocystsByDay: { readonly 5: number; readonly 6: number; readonly 7: number };
  /** Blastocysts with a PGT-A result, and how many of them euploid; `null` when none was tested. */
  readonly tested: number | null;
  readonly euploid: number | null;
  readonly mosaic: number | null;
  readonly aneuploid: number | null;
  /** Eggs of this retrieval frozen instead of fertilized. */
  readonly eggsFrozen: number;
}

function embryosOf(state: JourneyState, cohortId: string): Embryo[] {
  return [...state.embryos.values()].filter((e) => e.cohortId === cohortId && !e.retracted);
}

export function cohortFunnel(state: JourneyState, cohortId: string): FunnelCounts | null {
  const c = state.cohorts.get(cohortId);
  if (!c || c.retracted) return null;
  const embryos = embryosOf(state, cohortId);
  const blasts = embryos.filter((e) => e.day !== 3);
  const byDay = { 5: 0, 6: 0, 7: 0 };
  for (const b of blasts) byDay[b.day as 5 | 6 | 7] += 1;
  const tested = blasts.filter((e) => e.pgtA && e.pgtA.result !== "no-result");
  const count = (r: string) => tested.filter((e) => e.pgtA!.result === r).length;
  let eggsFrozen = 0;
  for (const b of state.oocyteBatches.values())
    if (b.retrievalId === cohortId) eggsFrozen += b.count;
  return {
    kind: c.kind,
    eggs: c.eggs,
    survived: c.survived,
    mature: c.mature,
    fertilized: c.fertilized,
    day3: c.day3,
    blastocysts: c.blastocystDays.length > 0 || blasts.length > 0 ? blasts.length : null,
    blastocystsByDay: byDay,
    tested: tested.length > 0 ? tested.length : null,
    euploid: tested.length > 0 ? count("euploid") : null,
    mosaic: tested.length > 0 ? count("mosaic") : null,
    aneuploid: tested.length > 0 ? count("aneuploid") : null,
    eggsFrozen,
  };
}

export type FunnelStep = "eggs" | "survived" | "mature" | "fertilized" | "blastocysts" | "euploid";

export interface TypicalStep {
  readonly step: FunnelStep;
  /** Expected count at this step for a typical person of this age, from the typical start. */
  readonly typical: number;
  /** The rate from the step before, with its 80% range between people and its denominator. */
  readonly rate: Range | null;
}

/** What is typical for a cohort like this one, at the age the eggs were collected. */
export interface TypicalFunnel {
  readonly age: number;
  readonly steps: readonly TypicalStep[];
  readonly sources: readonly Source[];
}

/**
 * The typical funnel beside a cohort: for a retrieval, a typical retrieval at
 * that age (eggs, mature, 2PN, blastocysts, and euploid when this cohort was
 * tested); for a thaw, the same number of eggs thawed, then typical rates.
 * Every number comes from the odds engine's parameters (`odds/parameters.ts`,
 * from the clinical reference with tags), never copied here. `null` without a date of
 * birth, or at an age outside 18-50 where those figures do not reach.
 */
export function typicalFunnel(state: JourneyState, cohortId: string): TypicalFunnel | null {
  const cohort = state.cohorts.get(cohortId);
  if (!cohort || cohort.retracted) return null;
  const age = cohortAge(state, cohort);
  if (age === null) return null;
  const belief = populationFunnel({ age });
  if (!belief.ok) return null;
  const summary = personalise(belief.value, []);
  if (!summary.ok) return null;
  const p = summary.value.population;
  const funnel = cohortFunnel(state, cohortId)!;
  const steps: TypicalStep[] = [];
  let used: Source[] = [...summary.value.sources];
  let mature: number;
  if (cohort.kind === "retrieval") {
    steps.push({ step: "eggs", typical: p.eggsPerRetrieval.central, rate: null });
    mature = p.eggsPerRetrieval.central * p.mature.central;
    steps.push({ step: "mature", typical: mature, rate: p.mature });
  } else {
    const survival = parameters.oocyteThawSurvival.value;
    steps.push({ step: "eggs", typical: cohort.eggs, rate: null });
    // Vitrified eggs are mature: the eggs that survive the thaw are the mature eggs.
    mature = cohort.eggs * survival.central;
    steps.push({
      step: "survived",
      typical: mature,
      rate: {
        central: survival.central,
        low: survival.low80,
        high: survival.high80,
        denominator: parameters.oocyteThawSurvival.denominator,
      },
    });
    used = [...used.filter((s) => s.id !== "sunkara2011"), sources.oocyteSurvival];
  }
  const fertilized = mature * p.fertilized.central;
  steps.push({ step: "fertilized", typical: fertilized, rate: p.fertilized });
  const blastocysts = fertilized * p.blastocyst.central;
  steps.push({ step: "blastocysts", typical: blastocysts, rate: p.blastocyst });
  if (funnel.tested !== null) {
    steps.push({ step: "euploid", typical: blastocysts * p.euploid.central, rate: p.euploid });
  } else {
    used = used.filter((s) => s.id !== "franasiak2014");
  }
  return { age, steps, sources: used };
}

/** One embryo in the bank with what a card shows beside it. */
export interface BankEntry {
  readonly embryo: Embryo;
  readonly cohort: EggCohort;
  /** Age at egg collection. */
  readonly age: number | null;
}

/**
 * Every embryo ever recorded (removed ones left out), across retrievals,
 * thaws and clinics: newest cohort first, then in the order the lab reported
 * them (day, then the lab's label, then grade).
 */
export function embryoBank(state: JourneyState): BankEntry[] {
  const order = new Map(cohortList(state).map((c, i) => [c.id, i]));
  return [...state.embryos.values()]
    .filter((e) => !e.retracted && order.has(e.cohortId))
    .map((embryo) => {
      const cohort = state.cohorts.get(embryo.cohortId)!;
      return { embryo, cohort, age: cohortAge(state, cohort) };
    })
    .sort(
      (a, b) =>
        order.get(a.embryo.cohortId)! - order.get(b.embryo.cohortId)! ||
        cmp(a.embryo.history[0]!.on, b.embryo.history[0]!.on) ||
        a.embryo.day - b.embryo.day ||
        (a.embryo.label ?? "").localeCompare(b.embryo.label ?? "", "en", { numeric: true }) ||
        cmp(a.embryo.grade ?? "", b.embryo.grade ?? "") ||
        cmp(a.embryo.id, b.embryo.id),
    );
}

export interface BankCounts {
  /** Every embryo recorded (not removed). */
  readonly total: number;
  readonly byStatus: Readonly<Record<EmbryoStatus, number>>;
  /** Frozen or in culture: the embryos that could still be transferred. */
  readonly inBank: number;
  readonly frozenEuploid: number;
  readonly frozenMosaic: number;
  readonly frozenUntested: number;
}

/** How many embryos are where: each embryo counts once, under its one current status. */
export function bankCounts(state: JourneyState): BankCounts {
  const byStatus = Object.fromEntries(embryoStatuses.map((s) => [s, 0])) as Record<
    EmbryoStatus,
    number
  >;
  let total = 0;
  let frozenEuploid = 0;
  let frozenMosaic = 0;
  let frozenUntested = 0;
  for (const { embryo: e } of embryoBank(state)) {
    total += 1;
    byStatus[e.status] += 1;
    if (e.status === "frozen") {
      if (e.pgtA?.result === "euploid") frozenEuploid += 1;
      else if (e.pgtA?.result === "mosaic") frozenMosaic += 1;
      else if (!e.pgtA || e.pgtA.result === "no-result") frozenUntested += 1;
    }
  }
  return {
    total,
    byStatus,
    inBank: byStatus["in-culture"] + byStatus.frozen,
    frozenEuploid,
    frozenMosaic,
    frozenUntested,
  };
}

/** Embryos that could go into a transfer now: frozen, or in culture (fresh, or thawed). */
export function transferableEmbryos(state: JourneyState): BankEntry[] {
  return embryoBank(state).filter((b) => isInBank(b.embryo));
}

export interface EggBatchView {
  readonly batch: OocyteBatch;
  /** Eggs still frozen. */
  readonly remaining: number;
  /** Age when the eggs were collected. */
  readonly age: number | null;
}

/** Frozen eggs, newest first, with how many are still frozen. */
export function oocyteBatchList(state: JourneyState): EggBatchView[] {
  const dob = state.journey?.dateOfBirth;
  return [...state.oocyteBatches.values()]
    .map((batch) => {
      const from = batch.retrievalId ? state.cohorts.get(batch.retrievalId) : undefined;
      return {
        batch,
        remaining: batch.count - batch.thaws.reduce((n, t) => n + t.count, 0),
        age: dob ? ageOn(dob, from?.date ?? batch.frozenOn) : null,
      };
    })
    .sort((a, b) => (a.batch.frozenOn < b.batch.frozenOn ? 1 : -1));
}

export type FeeState = "overdue" | "due-soon" | "later" | "paid" | "ended";

export interface FeeView {
  readonly fee: StorageFee;
  readonly nextDueOn: string | null;
  readonly state: FeeState;
  /** Days from `today` to the next due date (negative when overdue). */
  readonly daysUntilDue: number | null;
}

/** Every storage fee with its next due date and whether it needs attention, soonest first. */
export function storageFeeList(state: JourneyState, options: { today: string }): FeeView[] {
  const today = Temporal.PlainDate.from(options.today);
  return [...state.storageFees.values()]
    .map((fee): FeeView => {
      const next = nextDueOn(fee);
      if (fee.endedOn) return { fee, nextDueOn: null, state: "ended", daysUntilDue: null };
      if (next === null) return { fee, nextDueOn: null, state: "paid", daysUntilDue: null };
      const days = today.until(Temporal.PlainDate.from(next), { largestUnit: "days" }).days;
      const feeState: FeeState =
        days < 0 ? "overdue" : days <= fee.remindDaysBefore ? "due-soon" : "later";
      return { fee, nextDueOn: next, state: feeState, daysUntilDue: days };
    })
    .sort((a, b) => cmp(a.nextDueOn ?? "9999", b.nextDueOn ?? "9999") || cmp(a.fee.id, b.fee.id));
}

/**
 * Storage fees to show on Today: overdue, or due within each fee's reminder
 * window (`withinDays` overrides it; 30 days unless the person chose).
 */
export function storageFeesDue(
  state: JourneyState,
  options: { today: string; withinDays?: number },
): FeeView[] {
  return storageFeeList(state, options).filter(
    (f) =>
      f.state === "overdue" ||
      (f.daysUntilDue !== null &&
        f.daysUntilDue <=
          (options.withinDays ?? f.fee.remindDaysBefore ?? DEFAULT_FEE_REMINDER_DAYS)),
  );
}
