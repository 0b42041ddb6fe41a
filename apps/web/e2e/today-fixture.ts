import {
  draftPlanFromTemplate,
  draftTrigger,
  type ProtocolTemplate,
  protocolTemplate,
  type TrellisEvent,
} from "@trellis/domain";
import { recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Whole journeys for Today's stages (the clinical reference, Appendix A), as
 * Trellis exports cut at a moment: only what was recorded by then, so the
 * browser's clock can be set to that moment and the record restored through
 * set-up the way a person moving devices would.
 */
export interface Journey {
  /** The export of everything recorded up to `at` (a zoned time in the journey's zone). */
  upTo(date: string, time: string): object;
  readonly ids: Record<string, string>;
}

const hlcMs = (e: TrellisEvent) => Number.parseInt(e.hlc.slice(0, 12), 16);

/**
 * A journey recorded on calendar dates in `zone` (entries at 20:00 unless
 * told, ids stamped at noon), and how to cut it at a moment.
 */
function recorderIn(zone: string, device: string, seed: number) {
  const { r, at, id, rec, file } = recordOnDates(device, seed, zone);
  const journey = (ids: Record<string, string>): Journey => ({
    ids,
    upTo(date, time) {
      const now = at(date, time);
      return file(
        now.toString(),
        r.events.filter((e) => hlcMs(e) <= now.epochMilliseconds),
      );
    },
  });
  const noon = (date: string) => id(date, "12:00");
  const zoned = (date: string, time: string) => at(date, time).toString();
  /**
   * The template's plan, written on `plannedOn`; then its trigger, planned
   * (at noon on `trigger.plannedOn`) for `trigger.date` at `trigger.time`
   * and logged at `trigger.loggedAt`.
   */
  const planWithTrigger = (
    cycleId: string,
    template: ProtocolTemplate,
    plannedOn: string,
    trigger: { plannedOn: string; date: string; time: string; loggedAt: string },
  ) => {
    for (const d of draftPlanFromTemplate(template)) {
      rec(
        "MedicationPlanned",
        { cycleId, planItemId: noon(plannedOn), ...d, times: [...d.times] },
        plannedOn,
      );
    }
    const draft = draftTrigger(template, trigger.date, trigger.time)!;
    const planItemId = noon(trigger.plannedOn);
    rec(
      "MedicationPlanned",
      { cycleId, planItemId, ...draft, times: [...draft.times] },
      trigger.plannedOn,
      "12:00",
    );
    rec(
      "DoseLogged",
      {
        doseId: noon(trigger.date),
        planItemId,
        slot: { date: trigger.date, time: trigger.time },
        takenAt: zoned(trigger.date, trigger.loggedAt),
        status: "taken",
        amount: draft.dose,
      },
      trigger.date,
      trigger.loggedAt,
    );
  };
  return { id: noon, rec, zoned, journey, planWithTrigger };
}

/**
 * Maya's first cycle, New York 2015 (clinical reference A.1): antagonist from 2 April,
 * trigger 13 April at 21:30 (logged 21:31), retrieval booked for 15 April at
 * 09:30, the 4AA transferred fresh on 20 April, the beta booked for 29 April
 * at 08:00, betas 12 then 9, a biochemical loss on 1 May, the cycle closed
 * on 21 May.
 */
export function mayaFirstCycle(): Journey {
  const zone = maya.homeZone;
  const { id, rec, zoned, journey, planWithTrigger } = recorderIn(zone, "fixture07", 1985);
  rec("JourneyCreated", { ...maya, createdAt: zoned("2015-03-20", "20:00") }, "2015-03-20");
  const template = protocolTemplate("antagonist")!;
  const cycleId = id("2015-04-01");
  rec(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: template.id,
      protocolName: template.name,
      dayOne: "stim-day",
      startDate: "2015-04-02",
      zone,
      transferPlan: "fresh",
      clinic: "Hudson Fertility",
    },
    "2015-04-01",
  );
  planWithTrigger(cycleId, template, "2015-04-01", {
    plannedOn: "2015-04-12",
    date: "2015-04-13",
    time: "21:30",
    loggedAt: "21:31",
  });
  rec(
    "AppointmentScheduled",
    {
      appointmentId: id("2015-04-14"),
      cycleId,
      at: zoned("2015-04-15", "09:30"),
      kind: "retrieval",
      place: "Hudson Fertility, 3rd floor",
    },
    "2015-04-14",
    "10:00",
  );
  const retrieval = id("2015-04-15");
  rec(
    "RetrievalRecorded",
    { retrievalId: retrieval, cycleId, retrievedOn: "2015-04-15", eggsRetrieved: 14 },
    "2015-04-15",
    "17:00",
  );
  rec(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
    "2015-04-16",
  );
  rec(
    "Day3Reported",
    { cohortId: retrieval, reportedOn: "2015-04-18", developing: 7 },
    "2015-04-18",
  );
  const aa = id("2015-04-20");
  rec(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2015-04-20",
      blastocysts: [
        { embryoId: aa, grade: "4AA", biopsied: false, fate: "in-culture" },
        { embryoId: id("2015-04-20"), grade: "4AB", biopsied: false, fate: "frozen" },
      ],
    },
    "2015-04-20",
    "08:00",
  );
  const transferId = id("2015-04-20");
  rec(
    "TransferRecorded",
    {
      transferId,
      transferredOn: "2015-04-20",
      embryoIds: [aa],
      recipient: { kind: "self" },
      cycleId,
      protocol: "fresh",
    },
    "2015-04-20",
    "13:00",
  );
  rec(
    "AppointmentScheduled",
    { appointmentId: id("2015-04-21"), cycleId, at: zoned("2015-04-29", "08:00"), kind: "bloods" },
    "2015-04-21",
  );
  rec(
    "BetaRecorded",
    { betaId: id("2015-04-29"), transferId, drawnOn: "2015-04-29", value: 12 },
    "2015-04-29",
    "16:00",
  );
  rec(
    "BetaRecorded",
    { betaId: id("2015-05-01"), transferId, drawnOn: "2015-05-01", value: 9 },
    "2015-05-01",
    "16:00",
  );
  rec(
    "OutcomeRecorded",
    { outcomeId: id("2015-05-01"), transferId, outcome: "biochemical", on: "2015-05-01" },
    "2015-05-01",
    "17:00",
  );
  rec("CycleEnded", { cycleId, status: "completed", endedOn: "2015-05-21" }, "2015-05-21");
  return journey({ cycleId, transferId });
}

/**
 * Priya's first egg freezing, London 2024 (clinical reference A.2): trigger planned
 * for 14 March at 21:30 and logged at 22:10, no booked time yet, 15 eggs
 * collected on 16 March and 12 frozen, then nothing more recorded.
 */
export function priyaEggFreezing(): Journey {
  const zone = "Europe/London";
  const { id, rec, zoned, journey, planWithTrigger } = recorderIn(zone, "fixture08", 1990);
  rec(
    "JourneyCreated",
    {
      displayName: "Priya",
      dateOfBirth: "1990-02-14",
      homeZone: zone,
      createdAt: zoned("2024-02-01", "20:00"),
    },
    "2024-02-01",
  );
  const template = protocolTemplate("egg-freezing")!;
  const cycleId = id("2024-03-01");
  rec(
    "CycleStarted",
    {
      cycleId,
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate: "2024-03-04",
      zone,
      clinic: "Thames Fertility",
    },
    "2024-03-01",
  );
  planWithTrigger(cycleId, template, "2024-03-01", {
    plannedOn: "2024-03-13",
    date: "2024-03-14",
    time: "21:30",
    loggedAt: "22:10",
  });
  const retrieval = id("2024-03-16");
  rec(
    "RetrievalRecorded",
    { retrievalId: retrieval, cycleId, retrievedOn: "2024-03-16", eggsRetrieved: 15, mature: 12 },
    "2024-03-16",
    "15:00",
  );
  rec(
    "OocytesVitrified",
    { batchId: id("2024-03-16"), retrievalId: retrieval, frozenOn: "2024-03-16", count: 12 },
    "2024-03-16",
    "15:05",
  );
  return journey({ cycleId });
}
