import { Recorder, Temporal } from "@trellis/domain";
import { maya } from "./helpers.ts";

/**
 * Maya's antagonist cycle as a Trellis export, dated so that today is stim day
 * 10: three scans and three E2 results (one typed in pmol/L), an LH, and a
 * scan booked for tomorrow. Restored through set-up the way a person moving
 * devices would, so these tests do not depend on the cycle screens.
 */
export function mayaMidStimulation() {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const start = today.subtract({ days: 9 });
  const at = (day: number, time: string) =>
    start.add({ days: day - 1 }).toZonedDateTime({ timeZone: zone, plainTime: time });
  const r = new Recorder("fixture01", 42);
  const created = at(-20, "20:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);
  const started = at(-1, "19:00");
  const cycleId = r.newId(started.epochMilliseconds);
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist (short) protocol",
      dayOne: "stim-day",
      startDate: start.toString(),
      zone,
    },
    started.epochMilliseconds,
  );
  const scans: [number, number[], number[]][] = [
    [5, [11, 10, 9, 8], [10, 9, 8]],
    [7, [14, 13, 12, 11, 10], [13, 12, 11, 10]],
    [9, [17.5, 16, 15, 14, 13, 11], [16.5, 15, 14, 12, 10]],
  ];
  for (const [day, leftMm, rightMm] of scans) {
    const when = at(day, "08:10");
    r.record(
      "FollicleScanRecorded",
      {
        scanId: r.newId(when.epochMilliseconds),
        cycleId,
        scannedAt: when.toString(),
        leftMm,
        rightMm,
        liningMm: 6 + day / 2,
        liningPattern: "triple-line",
      },
      when.epochMilliseconds,
    );
  }
  const labs: [number, "E2" | "LH", number, string][] = [
    [5, "E2", 420, "pg/mL"],
    [7, "E2", 3600, "pmol/L"],
    [7, "LH", 3.1, "IU/L"],
    [9, "E2", 1850, "pg/mL"],
  ];
  for (const [day, analyte, value, unit] of labs) {
    const when = at(day, "07:40");
    r.record(
      "LabResultRecorded",
      {
        resultId: r.newId(when.epochMilliseconds),
        cycleId,
        drawnAt: when.toString(),
        analyte,
        value,
        unit,
      },
      when.epochMilliseconds,
    );
  }
  const booked = at(9, "12:00");
  r.record(
    "AppointmentScheduled",
    {
      appointmentId: r.newId(booked.epochMilliseconds),
      cycleId,
      at: at(11, "08:00").toString(),
      kind: "scan-and-bloods",
      place: "City Fertility, 3rd floor",
    },
    booked.epochMilliseconds,
  );
  const file = {
    format: "trellis-export",
    version: 1,
    exportedAt: booked.toString(),
    device: r.device,
    events: r.events,
  };
  return { cycleId, file };
}
