import { Recorder, Temporal } from "@trellis/domain";
import { antagonistCycle, eveningInjection, exportFile, recordAt } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's record a year into treatment, as a Trellis export, so that a viewer
 * has something on every screen to read: a first retrieval last spring (two
 * blastocysts frozen), a frozen transfer in the summer with a negative beta,
 * and now a second stimulation cycle on stim day 10 with an evening
 * injection planned for tonight, two scans, two estradiol results, a scan
 * booked for tomorrow, a pen at home, a storage fee due soon, a note, her
 * clinic's numbers and a counsellor among her own support lines.
 */
export function mayaSecondCycle() {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const on = (days: number) => today.add({ days });
  const at = (days: number, time: string) =>
    on(days).toZonedDateTime({ timeZone: zone, plainTime: time });
  const r = new Recorder("fixture09", 91);

  const created = at(-400, "20:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);

  // Last spring: the first retrieval, two blastocysts frozen.
  const retrievedOn = on(-300);
  const retrievalMs = at(-300, "15:00").epochMilliseconds;
  const cohortId = r.newId(retrievalMs);
  r.record(
    "RetrievalRecorded",
    {
      retrievalId: cohortId,
      retrievedOn: retrievedOn.toString(),
      clinic: "City Fertility",
      eggsRetrieved: 11,
      mature: 9,
    },
    retrievalMs,
  );
  r.record(
    "FertilizationReported",
    {
      cohortId,
      reportedOn: retrievedOn.add({ days: 1 }).toString(),
      method: "icsi",
      fertilized: 7,
    },
    at(-299, "11:00").epochMilliseconds,
  );
  const blastMs = at(-295, "11:00").epochMilliseconds;
  const first = r.newId(blastMs);
  const second = r.newId(blastMs);
  r.record(
    "BlastocystsReported",
    {
      cohortId,
      day: 5,
      reportedOn: retrievedOn.add({ days: 5 }).toString(),
      blastocysts: [
        { embryoId: first, label: "4AA", grade: "4AA", biopsied: false, fate: "frozen" },
        { embryoId: second, label: "4BB", grade: "4BB", biopsied: false, fate: "frozen" },
      ],
    },
    blastMs,
  );

  // The summer: one frozen transfer, a negative beta.
  const transferMs = at(-240, "10:00").epochMilliseconds;
  const transferId = r.newId(transferMs);
  r.record(
    "TransferRecorded",
    {
      transferId,
      transferredOn: on(-240).toString(),
      embryoIds: [first],
      recipient: { kind: "self" },
      clinic: "City Fertility",
    },
    transferMs,
  );
  const betaMs = at(-230, "14:00").epochMilliseconds;
  r.record(
    "BetaRecorded",
    {
      betaId: r.newId(betaMs),
      transferId,
      drawnOn: on(-230).toString(),
      value: 2,
      clinicReading: "negative",
    },
    betaMs,
  );
  r.record(
    "OutcomeRecorded",
    { outcomeId: r.newId(betaMs + 1000), transferId, outcome: "negative", on: on(-230).toString() },
    betaMs + 1000,
  );
  const feeMs = at(-230, "18:00").epochMilliseconds;
  r.record(
    "StorageFeeScheduled",
    {
      feeId: r.newId(feeMs),
      clinic: "City Fertility",
      covers: "embryos",
      amount: { value: 600, currency: "USD" },
      dueOn: on(10).toString(),
      renewsYearly: true,
      remindDaysBefore: 30,
    },
    feeMs,
  );

  // Her clinic's numbers, saved once, and a counsellor among her own support lines.
  const clinicMs = at(-12, "19:00").epochMilliseconds;
  const clinicId = r.newId(clinicMs);
  r.record(
    "ClinicSaved",
    { clinicId, name: "City Fertility", phone24h: "(212) 555-0123", nurseLine: "212-555-0150" },
    clinicMs,
  );
  r.record(
    "SupportLineAdded",
    { lineId: r.newId(clinicMs + 60_000), name: "Dr Lee, counsellor", phone: "212-555-0142" },
    clinicMs + 60_000,
  );

  // Now: the second stimulation cycle, stim day 10 today.
  const start = on(-9);
  const startedMs = at(-10, "19:00").epochMilliseconds;
  const cycleId = r.newId(startedMs);
  r.record(
    "CycleStarted",
    antagonistCycle(cycleId, start.toString(), zone, { clinicId }),
    startedMs,
  );
  const medicine = "Evening injection";
  const planItemId = r.newId(startedMs + 60_000);
  r.record(
    "MedicationPlanned",
    eveningInjection({ cycleId, planItemId }, start.toString(), medicine),
    startedMs + 60_000,
  );
  r.record(
    "SupplyAdded",
    {
      supplyId: r.newId(startedMs + 120_000),
      medication: { name: medicine },
      quantity: 900,
      unit: "IU",
      packages: { count: 1, kind: "pen" },
      addedOn: on(-10).toString(),
    },
    startedMs + 120_000,
  );
  for (const [day, leftMm, rightMm] of [
    [-4, [11, 10, 9], [10, 9]],
    [-2, [14, 13, 12], [13, 12]],
  ] as const) {
    recordAt(r, at(day, "08:10"), "FollicleScanRecorded", (scanId, scannedAt) => ({
      scanId,
      cycleId,
      scannedAt,
      leftMm: [...leftMm],
      rightMm: [...rightMm],
      liningMm: 8,
      liningPattern: "triple-line",
    }));
  }
  for (const [day, value] of [
    [-4, 410],
    [-2, 980],
  ] as const) {
    recordAt(r, at(day, "07:40"), "LabResultRecorded", (resultId, drawnAt) => ({
      resultId,
      cycleId,
      drawnAt,
      analyte: "E2",
      value,
      unit: "pg/mL",
    }));
  }
  recordAt(r, at(-2, "12:00"), "AppointmentScheduled", (appointmentId) => ({
    appointmentId,
    cycleId,
    at: at(1, "08:00").toString(),
    kind: "scan-and-bloods",
    place: "City Fertility, 3rd floor",
  }));
  const note = "Scan moved to tomorrow at eight. Sam will drive.";
  const written = at(-1, "21:00");
  recordAt(r, written, "JournalNoteAdded", (noteId, writtenAt) => ({
    noteId,
    text: note,
    writtenAt,
  }));

  return {
    file: exportFile(r, written.toString()),
    cycleId,
    cohortId,
    transferId,
    medicine,
    note,
  };
}
