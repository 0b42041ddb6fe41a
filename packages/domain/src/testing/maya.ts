/**
 * Maya's long journey (the clinical reference's journeys.md, Appendix A.1),
 * 2014-2024, as a device would have recorded it: the story the pregnancy
 * tests walk through (`pregnancy/journeys.test.ts`: three retrievals at two
 * clinics, six transfers, every kind of news, the storage fee), with what a
 * clinic summary, a CSV and a FHIR export need on top:
 *
 * - each stimulation cycle planned from the antagonist template with Maya's
 *   own doses, every dose logged (two evenings late, one evening skipped, one
 *   dose never logged), the trigger, and monitoring: E2 (pg/mL), LH (IU/L)
 *   and progesterone (ng/mL) with a follicle scan, five times a cycle;
 * - a cycle for each frozen transfer (no plan: the clinic's instructions were
 *   kept on paper), so costs and transfers belong to cycles;
 * - costs in USD while in New York and in AUD after the move to Sydney, with
 *   insurer, employer-benefit and refund coverage, one claim still waiting,
 *   a receipt, and one cost still due (the parentage order, due 2024-02-15);
 * - the Hudson storage fee paid five times (its price rose from 800 to 850
 *   USD in 2018) and a Harbor fee in AUD paid twice.
 *
 * Two dates of the reference are shifted, as the pregnancy test explains
 * (the 3BB natural transfer to 2017-09-05, the 4BC transfer to 2020-06-01).
 * The record has no place for allergies yet, so none is recorded.
 *
 * Deterministic: the same seed, the same ids and stamps every time.
 */
import { Temporal } from "../core/time.ts";
import type { EventType, PayloadInput } from "../events/catalog.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { catalogueMedicine } from "../medication/catalogue.ts";
import { draftPlanFromTemplate } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { addDays } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import { cycleSchedule } from "../treatment/selectors.ts";
import type { MedicationRef } from "../treatment/state.ts";
import { Recorder } from "./recorder.ts";

export const MAYA_NY = "America/New_York";
export const MAYA_SYD = "Australia/Sydney";
/** The clinic of the 2015-2020 cycles, in New York. */
export const MAYA_CLINIC_A = "Hudson Fertility";
/** The clinic of the 2022 cycles and the later transfers. */
export const MAYA_CLINIC_B = "Harbor Reproductive";

export type MayaCycle =
  | "stim1"
  | "fet2"
  | "fet3"
  | "fet4"
  | "stim2"
  | "stim3"
  | "fet5"
  | "carrier6";
export type MayaTransfer = "t1" | "t2" | "t3" | "t4" | "t5" | "t6";
export type MayaRetrieval = "r1" | "r2" | "r3";
/** The embryos by name: aa/ab/bb/bc from 2015, r2a-c and r3a-b from 2022. */
export type MayaEmbryo = "aa" | "ab" | "bb" | "bc" | "r2a" | "r2b" | "r2c" | "r3a" | "r3b";

export interface MayaJourney {
  readonly events: readonly TrellisEvent[];
  /** The events folded (a copy: nothing recorded later changes it). */
  readonly state: JourneyState;
  /** The recorder, to go on recording after the journey. */
  readonly recorder: Recorder;
  readonly cycles: Readonly<Record<MayaCycle, string>>;
  readonly retrievals: Readonly<Record<MayaRetrieval, string>>;
  readonly transfers: Readonly<Record<MayaTransfer, string>>;
  readonly embryos: Readonly<Record<MayaEmbryo, string>>;
  readonly fees: { readonly hudson: string; readonly harbor: string };
  /** Cost ids by name (see `costs` in the builder). */
  readonly costs: Readonly<Record<string, string>>;
  /** The last day anything was recorded (Sydney): 2024-01-20. */
  readonly lastDay: string;
}

/** A made-up attachment key (43 base64url characters): the fixture has no sealed bytes. */
const FAKE_KEY = "mayaReceiptKeyForTestsOnly0000000000000000a";

export function mayaJourney(options: { device?: string; seed?: number } = {}): MayaJourney {
  const r = new Recorder(options.device ?? "phone0001", options.seed ?? 1985);
  let zone = MAYA_NY;
  const ms = (date: string, time = "20:00", z = zone) =>
    Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(z).epochMilliseconds;
  const zoned = (date: string, time = "20:00", z = zone) =>
    Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(z).toString();
  const id = (date: string, time = "20:00") => r.newId(ms(date, time));
  const rec = <K extends EventType>(
    type: K,
    payload: PayloadInput<K>,
    date: string,
    time?: string,
  ) => r.record(type, payload, ms(date, time));

  const cycles = {} as Record<MayaCycle, string>;
  const retrievals = {} as Record<MayaRetrieval, string>;
  const transfers = {} as Record<MayaTransfer, string>;
  const embryo = {} as Record<MayaEmbryo, string>;
  const costs: Record<string, string> = {};

  const medicine = (catalogueId: string): MedicationRef => {
    const med = catalogueMedicine(catalogueId)!;
    return {
      catalogueId: med.id,
      name: med.generic,
      route: med.route,
      form: med.form,
      purpose: med.purpose,
    };
  };

  /**
   * A stimulation cycle as the clinic ran it: the antagonist template with
   * Maya's doses, the trigger, monitoring on the days given, every dose
   * logged four minutes after its time except those `exceptions` name
   * (`late`: 95 minutes late; `skipped`: logged as skipped; `unlogged`:
   * nothing logged, a missed dose).
   */
  function stimulationCycle(o: {
    readonly name: MayaCycle;
    readonly startDate: string;
    readonly clinic: string;
    readonly transferPlan: "fresh" | "freeze-all";
    readonly fsh: number;
    readonly hmg: number;
    readonly trigger: {
      readonly date: string;
      readonly time: string;
      readonly medicine: string;
      readonly dose: { value: number; unit: "IU" | "mg" | "mcg" };
    };
    readonly lutealUntil?: string;
    /** Follitropin lowered from this stim day, to this dose (the clinic's call after a scan). */
    readonly fshFrom?: { readonly day: number; readonly value: number };
    readonly monitoring: readonly {
      readonly day: number;
      readonly e2: number;
      readonly lh: number;
      readonly p4: number;
      readonly leftMm: readonly number[];
      readonly rightMm: readonly number[];
      readonly liningMm: number;
    }[];
    readonly exceptions: Readonly<Record<string, "late" | "skipped" | "unlogged">>;
  }): string {
    const template = protocolTemplate("antagonist")!;
    const plannedOn = addDays(o.startDate, -3);
    const cycleId = id(plannedOn, "12:00");
    cycles[o.name] = cycleId;
    rec(
      "CycleStarted",
      {
        cycleId,
        cycleType: "stimulation",
        protocolId: template.id,
        protocolName: template.name,
        dayOne: "stim-day",
        startDate: o.startDate,
        zone,
        transferPlan: o.transferPlan,
        clinic: o.clinic,
      },
      plannedOn,
      "12:00",
    );
    const planIds: Record<string, string> = {};
    for (const draft of draftPlanFromTemplate(template)) {
      const catalogueId = draft.medication.catalogueId!;
      const dose =
        catalogueId === "follitropin-alfa"
          ? { value: o.fsh, unit: "IU" as const }
          : catalogueId === "menotropins"
            ? { value: o.hmg, unit: "IU" as const }
            : draft.dose;
      const planItemId = id(plannedOn, "12:05");
      planIds[catalogueId] = planItemId;
      rec(
        "MedicationPlanned",
        { ...draft, times: [...draft.times], dose, cycleId, planItemId },
        plannedOn,
        "12:05",
      );
    }
    const triggerId = id(plannedOn, "12:06");
    rec(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: triggerId,
        medication: medicine(o.trigger.medicine),
        dose: o.trigger.dose,
        times: [o.trigger.time],
        start: { date: o.trigger.date },
        end: { kind: "date", date: o.trigger.date },
        timeCritical: true,
      },
      plannedOn,
      "12:06",
    );
    if (o.lutealUntil) {
      const retrievalDay = addDays(o.trigger.date, 2);
      rec(
        "MedicationPlanned",
        {
          cycleId,
          planItemId: id(plannedOn, "12:07"),
          medication: medicine("progesterone-vaginal"),
          dose: { value: 200, unit: "mg" },
          times: ["08:00", "14:00", "22:00"],
          start: { date: addDays(retrievalDay, 1) },
          end: { kind: "date", date: o.lutealUntil },
          timeCritical: false,
        },
        plannedOn,
        "12:07",
      );
    }
    const stimDate = (day: number) => addDays(o.startDate, day - 1);
    if (o.fshFrom) {
      rec(
        "MedicationPlanAdjusted",
        {
          planItemId: planIds["follitropin-alfa"]!,
          from: stimDate(o.fshFrom.day),
          dose: { value: o.fshFrom.value, unit: "IU" },
          note: "Lowered after the scan: many follicles growing evenly.",
        },
        stimDate(o.fshFrom.day - 1),
        "15:00",
      );
    }
    // Everything of the cycle in time order: doses as taken, results as they came.
    const last = o.lutealUntil ?? addDays(o.trigger.date, 1);
    const slots = cycleSchedule(r.state, cycleId, {
      zone,
      from: o.startDate,
      to: last,
      nowMs: 0,
    });
    type Step = { at: number; run: () => void };
    const steps: Step[] = [];
    for (const d of slots) {
      const key = `${d.date} ${d.time}`;
      const exception = o.exceptions[key];
      if (exception === "unlogged") continue;
      const planned = Temporal.ZonedDateTime.from(d.at);
      const taken = planned.add({ minutes: exception === "late" ? 95 : 4 }).toString();
      const when = Temporal.ZonedDateTime.from(taken).epochMilliseconds;
      steps.push({
        at: when,
        run: () =>
          r.record(
            "DoseLogged",
            {
              doseId: r.newId(when),
              planItemId: d.planItemId,
              slot: { date: d.date, time: d.time },
              takenAt: taken,
              ...(exception === "skipped"
                ? {
                    status: "skipped" as const,
                    note: "Stuck away overnight without the pens; the clinic said to skip tonight.",
                  }
                : { status: "taken" as const, amount: d.dose }),
            },
            when,
          ),
      });
    }
    for (const m of o.monitoring) {
      const drawnAt = zoned(stimDate(m.day), "07:40");
      const resultsAt = ms(stimDate(m.day), "14:00");
      steps.push({
        at: resultsAt,
        run: () => {
          for (const [analyte, value, unit] of [
            ["E2", m.e2, "pg/mL"],
            ["LH", m.lh, "IU/L"],
            ["P4", m.p4, "ng/mL"],
          ] as const) {
            r.record(
              "LabResultRecorded",
              { resultId: r.newId(resultsAt), cycleId, drawnAt, analyte, value, unit },
              resultsAt,
            );
          }
          r.record(
            "FollicleScanRecorded",
            {
              scanId: r.newId(resultsAt),
              cycleId,
              scannedAt: zoned(stimDate(m.day), "08:10"),
              leftMm: [...m.leftMm],
              rightMm: [...m.rightMm],
              liningMm: m.liningMm,
              ...(m.day > 1 && { liningPattern: "triple-line" as const }),
            },
            resultsAt,
          );
        },
      });
    }
    steps.sort((a, b) => a.at - b.at);
    for (const s of steps) s.run();
    return cycleId;
  }

  /** A frozen-transfer cycle: the container of a transfer and its costs. */
  function transferCycle(
    name: MayaCycle,
    protocolId: "fet-medicated" | "fet-natural" | "carrier-transfer",
    startDate: string,
    clinic: string,
  ): string {
    const template = protocolTemplate(protocolId)!;
    const cycleId = id(startDate, "09:00");
    cycles[name] = cycleId;
    rec(
      "CycleStarted",
      {
        cycleId,
        cycleType: template.cycleType,
        protocolId: template.id,
        protocolName: template.name,
        dayOne: template.dayOne,
        startDate,
        zone,
        clinic,
      },
      startDate,
      "09:00",
    );
    return cycleId;
  }
  const endCycle = (name: MayaCycle, endedOn: string) =>
    rec("CycleEnded", { cycleId: cycles[name], status: "completed", endedOn }, endedOn, "21:00");

  type Cost = Omit<PayloadInput<"CostRecorded">, "costId" | "coverage"> & {
    coverage?: PayloadInput<"CostRecorded">["coverage"];
  };
  const cost = (name: string, c: Cost, recordedOn = c.incurredOn) => {
    const costId = id(recordedOn, "21:30");
    costs[name] = costId;
    rec("CostRecorded", { costId, coverage: [], ...c }, recordedOn, "21:30");
    return costId;
  };
  const usd = (value: number) => ({ value, currency: "USD" });
  const aud = (value: number) => ({ value, currency: "AUD" });

  // 2014: the record starts; a first consultation.
  rec(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: MAYA_NY,
      partnerName: "Sam",
      createdAt: zoned("2014-03-01"),
    },
    "2014-03-01",
  );
  cost("consultation", {
    description: "First fertility consultation, AMH and ultrasound",
    category: "monitoring",
    amount: usd(450),
    incurredOn: "2015-01-20",
    status: "paid",
    paidOn: "2015-01-20",
    paidBy: "Maya",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 300, received: true }],
  });

  // 2015: cycle 1 at Hudson, antagonist, 14 eggs; the fresh 4AA, a biochemical loss.
  cost("stim1-medicines", {
    description: "Stimulation medicines (specialty pharmacy)",
    category: "medication",
    amount: usd(4285.4),
    incurredOn: "2015-03-28",
    status: "paid",
    paidOn: "2015-03-28",
    paidBy: "Maya",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 2000, received: true }],
  });
  stimulationCycle({
    name: "stim1",
    startDate: "2015-04-02",
    clinic: MAYA_CLINIC_A,
    transferPlan: "fresh",
    fsh: 225,
    hmg: 75,
    trigger: {
      date: "2015-04-13",
      time: "21:30",
      medicine: "hcg-urinary",
      dose: { value: 10_000, unit: "IU" },
    },
    lutealUntil: "2015-05-01",
    monitoring: [
      {
        day: 1,
        e2: 38,
        lh: 5.6,
        p4: 0.4,
        leftMm: [5, 5, 4, 4, 3, 3, 3],
        rightMm: [6, 5, 4, 4, 3, 3],
        liningMm: 4.2,
      },
      {
        day: 5,
        e2: 420,
        lh: 3.1,
        p4: 0.5,
        leftMm: [12, 11, 10, 10, 9, 8, 8],
        rightMm: [12, 11, 10, 9, 9, 8, 7, 7],
        liningMm: 7.1,
      },
      {
        day: 7,
        e2: 960,
        lh: 1.8,
        p4: 0.6,
        leftMm: [15, 14, 13, 13, 12, 11, 10, 9],
        rightMm: [15, 14, 13, 12, 12, 11, 10, 9],
        liningMm: 8.6,
      },
      {
        day: 9,
        e2: 1880,
        lh: 1.3,
        p4: 0.8,
        leftMm: [17, 16, 16, 15, 14, 13, 12, 11],
        rightMm: [17, 16, 15, 15, 14, 13, 12, 10],
        liningMm: 9.8,
      },
      {
        day: 11,
        e2: 3050,
        lh: 1.1,
        p4: 1,
        leftMm: [19, 18, 18, 17, 16, 15, 14, 12],
        rightMm: [19, 18, 17, 16, 15, 15, 13, 12],
        liningMm: 10.4,
      },
    ],
    exceptions: {
      "2015-04-05 21:00": "late",
      "2015-04-09 21:00": "late",
      "2015-04-18 14:00": "unlogged",
    },
  });
  r.record(
    "CostChanged",
    { costId: costs["stim1-medicines"]!, cycleId: cycles.stim1 },
    ms("2015-05-01", "21:40"),
  );
  retrievals.r1 = id("2015-04-15");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: retrievals.r1,
      cycleId: cycles.stim1,
      retrievedOn: "2015-04-15",
      folliclesAtTrigger: 16,
      eggsRetrieved: 14,
    },
    "2015-04-15",
  );
  cost("stim1-retrieval", {
    description: "Cycle fee: monitoring, retrieval and anaesthesia",
    category: "retrieval",
    amount: usd(12_500),
    incurredOn: "2015-04-15",
    cycleId: cycles.stim1,
    status: "paid",
    paidOn: "2015-04-15",
    paidBy: "Maya and Sam",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 7500, received: true }],
  });
  rec(
    "FertilizationReported",
    {
      cohortId: retrievals.r1,
      reportedOn: "2015-04-16",
      method: "icsi",
      mature: 11,
      fertilized: 8,
    },
    "2015-04-16",
  );
  cost("stim1-lab", {
    description: "ICSI and embryo culture",
    category: "lab-embryology",
    amount: usd(3200),
    incurredOn: "2015-04-16",
    cycleId: cycles.stim1,
    status: "paid",
    paidOn: "2015-04-20",
    coverage: [
      { kind: "employer", source: "Sam's employer fertility benefit", value: 1600, received: true },
    ],
  });
  rec(
    "Day3Reported",
    { cohortId: retrievals.r1, reportedOn: "2015-04-18", developing: 7 },
    "2015-04-18",
  );
  embryo.aa = id("2015-04-20");
  embryo.ab = id("2015-04-20");
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r1,
      day: 5,
      reportedOn: "2015-04-20",
      blastocysts: [
        { embryoId: embryo.aa, grade: "4AA", biopsied: false, fate: "in-culture" },
        { embryoId: embryo.ab, grade: "4AB", biopsied: false, fate: "frozen" },
      ],
      storage: { location: "Tank 3" },
    },
    "2015-04-20",
  );
  transfers.t1 = id("2015-04-20");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t1,
      transferredOn: "2015-04-20",
      embryoIds: [embryo.aa],
      recipient: { kind: "self" },
      cycleId: cycles.stim1,
      protocol: "fresh",
    },
    "2015-04-20",
  );
  embryo.bb = id("2015-04-21");
  embryo.bc = id("2015-04-21");
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r1,
      day: 6,
      reportedOn: "2015-04-21",
      blastocysts: [
        { embryoId: embryo.bb, grade: "3BB", biopsied: false, fate: "frozen" },
        { embryoId: embryo.bc, grade: "4BC", biopsied: false, fate: "frozen" },
      ],
      storage: { location: "Tank 3" },
    },
    "2015-04-21",
  );
  cost("stim1-freezing", {
    description: "Freezing three blastocysts (first year of storage included)",
    category: "freezing-storage",
    amount: usd(1000),
    incurredOn: "2015-04-21",
    cycleId: cycles.stim1,
    status: "paid",
    paidOn: "2015-04-21",
  });
  for (const [date, value] of [
    ["2015-04-29", 12],
    ["2015-05-01", 9],
  ] as const) {
    rec("BetaRecorded", { betaId: id(date), transferId: transfers.t1, drawnOn: date, value }, date);
  }
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2015-05-01"),
      transferId: transfers.t1,
      outcome: "biochemical",
      on: "2015-05-01",
    },
    "2015-05-01",
  );
  endCycle("stim1", "2015-05-01");

  const hudson = r.newId(ms("2015-05-10"));
  rec(
    "StorageFeeScheduled",
    {
      feeId: hudson,
      clinic: MAYA_CLINIC_A,
      covers: "embryos",
      amount: usd(800),
      dueOn: "2016-01-15",
      renewsYearly: true,
    },
    "2015-05-10",
  );

  // 2015-2016: the 4AB in a medicated frozen transfer; a girl.
  rec("PregnancyDetailsResumed", { at: zoned("2015-08-01") }, "2015-08-01");
  transferCycle("fet2", "fet-medicated", "2015-07-24", MAYA_CLINIC_A);
  cost("fet2-medicines", {
    description: "Estradiol and progesterone in oil",
    category: "medication",
    amount: usd(612.35),
    incurredOn: "2015-07-25",
    cycleId: cycles.fet2,
    status: "paid",
    paidOn: "2015-07-25",
    paidBy: "Maya",
  });
  transfers.t2 = id("2015-08-10");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t2,
      transferredOn: "2015-08-10",
      embryoIds: [embryo.ab],
      recipient: { kind: "self" },
      cycleId: cycles.fet2,
      protocol: "medicated",
      liningMm: 9.5,
    },
    "2015-08-10",
  );
  cost("fet2-transfer", {
    description: "Frozen embryo transfer",
    category: "transfer",
    amount: usd(3800),
    incurredOn: "2015-08-10",
    cycleId: cycles.fet2,
    status: "paid",
    paidOn: "2015-08-10",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 2500, received: true }],
  });
  for (const [date, value] of [
    ["2015-08-19", 180],
    ["2015-08-21", 410],
    ["2015-08-23", 950],
  ] as const) {
    rec("BetaRecorded", { betaId: id(date), transferId: transfers.t2, drawnOn: date, value }, date);
  }
  rec(
    "OutcomeRecorded",
    { outcomeId: id("2015-09-10"), transferId: transfers.t2, outcome: "ongoing", on: "2015-09-10" },
    "2015-09-10",
  );
  endCycle("fet2", "2015-09-10");
  rec("StorageFeePaid", { feeId: hudson, dueOn: "2016-01-15", paidOn: "2016-01-10" }, "2016-01-10");
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2016-04-14"),
      transferId: transfers.t2,
      outcome: "live-birth",
      on: "2016-04-14",
      babies: 1,
    },
    "2016-04-14",
  );
  rec("StorageFeePaid", { feeId: hudson, dueOn: "2017-01-15", paidOn: "2017-01-12" }, "2017-01-12");

  // 2017-2018: the day-6 3BB in a natural cycle; a boy.
  transferCycle("fet3", "fet-natural", "2017-08-18", MAYA_CLINIC_A);
  transfers.t3 = id("2017-09-05");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t3,
      transferredOn: "2017-09-05",
      embryoIds: [embryo.bb],
      recipient: { kind: "self" },
      cycleId: cycles.fet3,
      protocol: "natural",
    },
    "2017-09-05",
  );
  cost("fet3-transfer", {
    description: "Natural-cycle frozen embryo transfer",
    category: "transfer",
    amount: usd(3500),
    incurredOn: "2017-09-05",
    cycleId: cycles.fet3,
    status: "paid",
    paidOn: "2017-09-05",
    paidBy: "Sam",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 1750, received: true }],
    receipt: {
      attachmentId: id("2017-09-05", "21:29"),
      key: FAKE_KEY,
      mediaType: "image/jpeg",
      bytes: 184_320,
    },
  });
  rec(
    "BetaRecorded",
    {
      betaId: id("2017-09-14"),
      transferId: transfers.t3,
      drawnOn: "2017-09-14",
      value: 240,
      clinicReading: "positive",
    },
    "2017-09-14",
  );
  endCycle("fet3", "2017-09-14");
  rec("StorageFeeChanged", { feeId: hudson, amount: usd(850) }, "2017-11-01");
  rec("StorageFeePaid", { feeId: hudson, dueOn: "2018-01-15", paidOn: "2018-01-09" }, "2018-01-09");
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2018-05-16"),
      transferId: transfers.t3,
      outcome: "live-birth",
      on: "2018-05-16",
      babies: 1,
    },
    "2018-05-16",
  );
  rec("StorageFeePaid", { feeId: hudson, dueOn: "2019-01-15", paidOn: "2019-01-14" }, "2019-01-14");
  rec("StorageFeePaid", { feeId: hudson, dueOn: "2020-01-15", paidOn: "2020-01-13" }, "2020-01-13");

  // 2020: the 4BC; Rose, lost at 20w1d. Quiet mode.
  transferCycle("fet4", "fet-medicated", "2020-05-15", MAYA_CLINIC_A);
  cost("fet4-medicines", {
    description: "Estradiol and progesterone",
    category: "medication",
    amount: usd(540.8),
    incurredOn: "2020-05-16",
    cycleId: cycles.fet4,
    status: "paid",
    paidOn: "2020-05-16",
    paidBy: "Maya",
  });
  transfers.t4 = id("2020-06-01");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t4,
      transferredOn: "2020-06-01",
      embryoIds: [embryo.bc],
      recipient: { kind: "self" },
      cycleId: cycles.fet4,
      protocol: "medicated",
    },
    "2020-06-01",
  );
  cost("fet4-transfer", {
    description: "Frozen embryo transfer",
    category: "transfer",
    amount: usd(4100),
    incurredOn: "2020-06-01",
    cycleId: cycles.fet4,
    status: "paid",
    paidOn: "2020-06-01",
    coverage: [{ kind: "insurer", source: "Empire Plan", value: 3000, received: true }],
  });
  rec("StorageFeeEnded", { feeId: hudson, endedOn: "2020-06-01" }, "2020-06-01");
  for (const [date, value] of [
    ["2020-06-10", 310],
    ["2020-06-12", 720],
  ] as const) {
    rec("BetaRecorded", { betaId: id(date), transferId: transfers.t4, drawnOn: date, value }, date);
  }
  endCycle("fet4", "2020-06-12");
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2020-09-30"),
      transferId: transfers.t4,
      outcome: "stillbirth",
      on: "2020-09-30",
      gestationalAge: { weeks: 20, days: 1 },
      note: "Placental abruption.",
    },
    "2020-09-30",
  );
  rec(
    "RemembranceAdded",
    {
      remembranceId: id("2020-10-20"),
      name: "Rose",
      date: "2020-09-30",
      note: "Our daughter.",
      transferId: transfers.t4,
    },
    "2020-10-20",
  );
  rec("PreferencesUpdated", { quietMode: true }, "2020-10-20");

  // 2022: two egg-banking cycles at Harbor, with PGT-A.
  cost("stim2-medicines", {
    description: "Stimulation medicines (specialty pharmacy)",
    category: "medication",
    amount: usd(6120.75),
    incurredOn: "2022-01-29",
    status: "paid",
    paidOn: "2022-01-29",
    paidBy: "Maya",
  });
  stimulationCycle({
    name: "stim2",
    startDate: "2022-02-03",
    clinic: MAYA_CLINIC_B,
    transferPlan: "freeze-all",
    fsh: 300,
    hmg: 150,
    fshFrom: { day: 6, value: 225 },
    trigger: {
      date: "2022-02-12",
      time: "21:30",
      medicine: "triptorelin-trigger",
      dose: { value: 0.2, unit: "mg" },
    },
    monitoring: [
      {
        day: 1,
        e2: 45,
        lh: 6.2,
        p4: 0.3,
        leftMm: [5, 4, 4, 3, 3],
        rightMm: [6, 5, 4, 4, 3, 3],
        liningMm: 4,
      },
      {
        day: 5,
        e2: 510,
        lh: 2.8,
        p4: 0.4,
        leftMm: [12, 11, 10, 9, 8, 8],
        rightMm: [13, 11, 10, 10, 9, 8],
        liningMm: 6.9,
      },
      {
        day: 7,
        e2: 1140,
        lh: 1.5,
        p4: 0.6,
        leftMm: [15, 14, 13, 12, 11, 10],
        rightMm: [16, 14, 13, 12, 12, 10],
        liningMm: 8.4,
      },
      {
        day: 9,
        e2: 2260,
        lh: 1.2,
        p4: 0.9,
        leftMm: [18, 17, 16, 15, 14, 12],
        rightMm: [19, 17, 16, 15, 14, 13],
        liningMm: 9.6,
      },
      {
        day: 10,
        e2: 2710,
        lh: 1,
        p4: 1.1,
        leftMm: [19, 18, 17, 16, 15, 13],
        rightMm: [20, 18, 17, 16, 15, 14],
        liningMm: 10.1,
      },
    ],
    exceptions: { "2022-02-07 21:00": "skipped" },
  });
  // Recorded on the cycle after the day: it is the cycle's medicines.
  r.record(
    "CostChanged",
    { costId: costs["stim2-medicines"]!, cycleId: cycles.stim2 },
    ms("2022-02-13"),
  );
  retrievals.r2 = id("2022-02-14");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: retrievals.r2,
      cycleId: cycles.stim2,
      retrievedOn: "2022-02-14",
      clinic: MAYA_CLINIC_B,
      eggsRetrieved: 12,
      mature: 9,
    },
    "2022-02-14",
  );
  cost("stim2-retrieval", {
    description: "Egg-banking cycle: monitoring, retrieval, ICSI and culture",
    category: "retrieval",
    amount: usd(14_800),
    incurredOn: "2022-02-14",
    cycleId: cycles.stim2,
    status: "paid",
    paidOn: "2022-02-14",
    paidBy: "Maya and Sam",
    coverage: [
      { kind: "employer", source: "Progyny (Maya's employer)", value: 10_000, received: true },
    ],
  });
  rec(
    "FertilizationReported",
    { cohortId: retrievals.r2, reportedOn: "2022-02-15", method: "icsi", fertilized: 7 },
    "2022-02-15",
  );
  embryo.r2a = id("2022-02-19");
  embryo.r2b = id("2022-02-19");
  embryo.r2c = id("2022-02-20");
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r2,
      day: 5,
      reportedOn: "2022-02-19",
      blastocysts: [
        { embryoId: embryo.r2a, label: "E1", grade: "4AA", biopsied: true, fate: "frozen" },
        { embryoId: embryo.r2b, label: "E2", grade: "5AB", biopsied: true, fate: "frozen" },
      ],
    },
    "2022-02-19",
  );
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r2,
      day: 6,
      reportedOn: "2022-02-20",
      blastocysts: [
        { embryoId: embryo.r2c, label: "E3", grade: "4BB", biopsied: true, fate: "frozen" },
      ],
    },
    "2022-02-20",
  );
  endCycle("stim2", "2022-02-20");
  rec(
    "PgtResultRecorded",
    {
      reportedOn: "2022-03-10",
      test: "PGT-A",
      results: [
        { embryoId: embryo.r2a, result: "euploid" },
        { embryoId: embryo.r2b, result: "aneuploid" },
        { embryoId: embryo.r2c, result: "euploid" },
      ],
    },
    "2022-03-10",
  );
  cost("stim2-pgt", {
    description: "PGT-A for three blastocysts",
    category: "pgt",
    amount: usd(3600),
    incurredOn: "2022-03-10",
    cycleId: cycles.stim2,
    status: "paid",
    paidOn: "2022-03-10",
  });
  rec(
    "EmbryoDisposed",
    { embryoIds: [embryo.r2b], on: "2022-03-20", fate: "discarded", reason: "test-result" },
    "2022-03-20",
  );

  cost("stim3-medicines", {
    description: "Stimulation medicines (specialty pharmacy)",
    category: "medication",
    amount: usd(5480.2),
    incurredOn: "2022-05-01",
    status: "paid",
    paidOn: "2022-05-01",
    paidBy: "Maya",
  });
  stimulationCycle({
    name: "stim3",
    startDate: "2022-05-05",
    clinic: MAYA_CLINIC_B,
    transferPlan: "freeze-all",
    fsh: 300,
    hmg: 150,
    trigger: {
      date: "2022-05-14",
      time: "21:30",
      medicine: "triptorelin-trigger",
      dose: { value: 0.2, unit: "mg" },
    },
    monitoring: [
      {
        day: 1,
        e2: 41,
        lh: 5.9,
        p4: 0.3,
        leftMm: [5, 4, 3, 3],
        rightMm: [5, 4, 4, 3],
        liningMm: 4.1,
      },
      {
        day: 5,
        e2: 390,
        lh: 3,
        p4: 0.4,
        leftMm: [11, 10, 9, 8],
        rightMm: [12, 10, 9, 8, 7],
        liningMm: 6.8,
      },
      {
        day: 7,
        e2: 880,
        lh: 1.7,
        p4: 0.5,
        leftMm: [14, 13, 12, 11],
        rightMm: [15, 13, 12, 11, 9],
        liningMm: 8.2,
      },
      {
        day: 9,
        e2: 1720,
        lh: 1.3,
        p4: 0.8,
        leftMm: [18, 17, 15, 14],
        rightMm: [18, 17, 15, 14, 12],
        liningMm: 9.4,
      },
      {
        day: 10,
        e2: 2050,
        lh: 1.1,
        p4: 1,
        leftMm: [19, 18, 16, 15],
        rightMm: [19, 18, 16, 15, 13],
        liningMm: 9.9,
      },
    ],
    exceptions: { "2022-05-11 08:00": "late" },
  });
  r.record(
    "CostChanged",
    { costId: costs["stim3-medicines"]!, cycleId: cycles.stim3 },
    ms("2022-05-15"),
  );
  retrievals.r3 = id("2022-05-16");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: retrievals.r3,
      cycleId: cycles.stim3,
      retrievedOn: "2022-05-16",
      clinic: MAYA_CLINIC_B,
      eggsRetrieved: 9,
      mature: 7,
    },
    "2022-05-16",
  );
  cost("stim3-retrieval", {
    description: "Egg-banking cycle: monitoring, retrieval, ICSI and culture",
    category: "retrieval",
    amount: usd(13_900),
    incurredOn: "2022-05-16",
    cycleId: cycles.stim3,
    status: "paid",
    paidOn: "2022-05-16",
    paidBy: "Maya and Sam",
    coverage: [
      { kind: "employer", source: "Progyny (Maya's employer)", value: 5000, received: true },
    ],
  });
  rec(
    "FertilizationReported",
    { cohortId: retrievals.r3, reportedOn: "2022-05-17", method: "icsi", fertilized: 5 },
    "2022-05-17",
  );
  embryo.r3a = id("2022-05-21");
  embryo.r3b = id("2022-05-22");
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r3,
      day: 5,
      reportedOn: "2022-05-21",
      blastocysts: [{ embryoId: embryo.r3a, grade: "4AB", biopsied: true, fate: "frozen" }],
    },
    "2022-05-21",
  );
  rec(
    "BlastocystsReported",
    {
      cohortId: retrievals.r3,
      day: 6,
      reportedOn: "2022-05-22",
      blastocysts: [{ embryoId: embryo.r3b, grade: "3BB", biopsied: true, fate: "frozen" }],
    },
    "2022-05-22",
  );
  endCycle("stim3", "2022-05-22");
  rec(
    "PgtResultRecorded",
    {
      reportedOn: "2022-06-08",
      test: "PGT-A",
      results: [
        { embryoId: embryo.r3a, result: "euploid" },
        { embryoId: embryo.r3b, result: "mosaic", mosaicLevel: "low" },
      ],
    },
    "2022-06-08",
  );
  cost("stim3-pgt", {
    description: "PGT-A for two blastocysts",
    category: "pgt",
    amount: usd(2400),
    incurredOn: "2022-06-08",
    cycleId: cycles.stim3,
    status: "paid",
    paidOn: "2022-06-08",
    coverage: [
      { kind: "employer", source: "Progyny (Maya's employer)", value: 2400, received: false },
    ],
  });
  cost("flights", {
    description: "Flights from New York to Sydney",
    category: "travel",
    amount: usd(2860),
    incurredOn: "2022-06-28",
    status: "paid",
    paidOn: "2022-06-28",
    paidBy: "Sam",
  });

  // 2022: the move to Sydney; the euploid 4AB, negative.
  rec("JourneyUpdated", { homeZone: MAYA_SYD }, "2022-07-01");
  zone = MAYA_SYD;
  const harbor = r.newId(ms("2022-07-05"));
  rec(
    "StorageFeeScheduled",
    {
      feeId: harbor,
      clinic: MAYA_CLINIC_B,
      covers: "embryos",
      amount: aud(550),
      dueOn: "2023-01-15",
      renewsYearly: true,
      remindDaysBefore: 21,
    },
    "2022-07-05",
  );
  transferCycle("fet5", "fet-medicated", "2022-08-29", MAYA_CLINIC_B);
  cost("fet5-medicines", {
    description: "Estradiol and progesterone",
    category: "medication",
    amount: aud(385.9),
    incurredOn: "2022-08-30",
    cycleId: cycles.fet5,
    status: "paid",
    paidOn: "2022-08-30",
    paidBy: "Maya",
  });
  transfers.t5 = id("2022-09-14");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t5,
      transferredOn: "2022-09-14",
      embryoIds: [embryo.r3a],
      recipient: { kind: "self" },
      cycleId: cycles.fet5,
      protocol: "medicated",
      clinic: MAYA_CLINIC_B,
    },
    "2022-09-14",
  );
  cost("fet5-transfer", {
    description: "Frozen embryo transfer",
    category: "transfer",
    amount: aud(4250),
    incurredOn: "2022-09-14",
    cycleId: cycles.fet5,
    status: "paid",
    paidOn: "2022-09-14",
    coverage: [{ kind: "insurer", source: "Medicare rebate", value: 1450.65, received: true }],
  });
  rec(
    "BetaRecorded",
    {
      betaId: id("2022-09-23"),
      transferId: transfers.t5,
      drawnOn: "2022-09-23",
      value: 2,
      clinicReading: "negative",
    },
    "2022-09-23",
  );
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2022-09-23"),
      transferId: transfers.t5,
      outcome: "negative",
      on: "2022-09-23",
    },
    "2022-09-23",
  );
  endCycle("fet5", "2022-09-23");

  // 2022-2024: Jess, the gestational carrier; a birth; the parentage order.
  const path = id("2022-11-01");
  rec(
    "PathStarted",
    { pathId: path, kind: "gestational-carrier", name: "Jess", startedOn: "2022-11-01" },
    "2022-11-01",
  );
  rec(
    "PathMilestoneRecorded",
    { milestoneId: id("2022-11-20"), pathId: path, milestone: "matched", on: "2022-11-20" },
    "2022-11-20",
  );
  rec(
    "PathMilestoneRecorded",
    { milestoneId: id("2023-01-10"), pathId: path, milestone: "contract", on: "2023-01-10" },
    "2023-01-10",
  );
  cost("carrier-legal", {
    description: "Legal advice and the surrogacy agreement",
    category: "legal",
    amount: aud(6500),
    incurredOn: "2023-01-10",
    status: "paid",
    paidOn: "2023-01-10",
    paidBy: "Maya and Sam",
  });
  rec("StorageFeePaid", { feeId: harbor, dueOn: "2023-01-15", paidOn: "2023-01-11" }, "2023-01-11");
  transferCycle("carrier6", "carrier-transfer", "2023-02-20", MAYA_CLINIC_B);
  transfers.t6 = id("2023-03-08");
  rec(
    "TransferRecorded",
    {
      transferId: transfers.t6,
      transferredOn: "2023-03-08",
      embryoIds: [embryo.r2a],
      recipient: { kind: "carrier", name: "Jess", pathId: path },
      cycleId: cycles.carrier6,
      protocol: "medicated",
    },
    "2023-03-08",
  );
  cost("carrier6-transfer", {
    description: "Frozen embryo transfer to Jess",
    category: "transfer",
    amount: aud(4250),
    incurredOn: "2023-03-08",
    cycleId: cycles.carrier6,
    status: "paid",
    paidOn: "2023-03-08",
    coverage: [
      { kind: "refund", source: "Harbor: mock cycle cancelled", value: 500, received: true },
    ],
  });
  cost("carrier6-care", {
    description: "Jess's medicines, counselling and screening",
    category: "donor-carrier",
    amount: aud(9800.5),
    incurredOn: "2023-03-08",
    cycleId: cycles.carrier6,
    status: "paid",
    paidOn: "2023-03-10",
    paidBy: "Maya and Sam",
  });
  for (const [date, value] of [
    ["2023-03-17", 150],
    ["2023-03-19", 360],
  ] as const) {
    rec("BetaRecorded", { betaId: id(date), transferId: transfers.t6, drawnOn: date, value }, date);
  }
  rec("PregnancyDetailsResumed", { at: zoned("2023-03-20") }, "2023-03-20");
  rec("PreferencesUpdated", { quietMode: false }, "2023-03-20");
  rec(
    "OutcomeRecorded",
    { outcomeId: id("2023-04-20"), transferId: transfers.t6, outcome: "ongoing", on: "2023-04-20" },
    "2023-04-20",
  );
  endCycle("carrier6", "2023-04-20");
  rec(
    "OutcomeRecorded",
    {
      outcomeId: id("2023-11-20"),
      transferId: transfers.t6,
      outcome: "live-birth",
      on: "2023-11-20",
      babies: 1,
    },
    "2023-11-20",
  );
  rec(
    "PathMilestoneRecorded",
    { milestoneId: id("2023-11-21"), pathId: path, milestone: "birth", on: "2023-11-20" },
    "2023-11-21",
  );
  rec("StorageFeePaid", { feeId: harbor, dueOn: "2024-01-15", paidOn: "2024-01-12" }, "2024-01-12");
  rec(
    "PathMilestoneRecorded",
    {
      milestoneId: id("2024-01-15"),
      pathId: path,
      milestone: "parentage",
      on: "2024-01-15",
      note: "Parentage order granted.",
    },
    "2024-01-15",
  );
  cost(
    "parentage",
    {
      description: "Parentage order: court and lawyer's fees",
      category: "legal",
      amount: aud(3200),
      incurredOn: "2024-01-15",
      status: "due",
      dueOn: "2024-02-15",
      remindDaysBefore: 14,
      note: "Invoice from the lawyer; pay by bank transfer.",
    },
    "2024-01-20",
  );

  return {
    events: r.events,
    state: r.snapshot(),
    recorder: r,
    cycles,
    retrievals,
    transfers,
    embryos: embryo,
    fees: { hudson, harbor },
    costs,
    lastDay: "2024-01-20",
  };
}
