import { Recorder, Temporal } from "@trellis/domain";
import { antagonistCycle, exportFile, recordAt } from "./fixtures.ts";
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
    antagonistCycle(cycleId, start.toString(), zone),
    started.epochMilliseconds,
  );
  const scans: [number, number[], number[]][] = [
    [5, [11, 10, 9, 8], [10, 9, 8]],
    [7, [14, 13, 12, 11, 10], [13, 12, 11, 10]],
    [9, [17.5, 16, 15, 14, 13, 11], [16.5, 15, 14, 12, 10]],
  ];
  for (const [day, leftMm, rightMm] of scans) {
    recordAt(r, at(day, "08:10"), "FollicleScanRecorded", (scanId, scannedAt) => ({
      scanId,
      cycleId,
      scannedAt,
      leftMm,
      rightMm,
      liningMm: 6 + day / 2,
      liningPattern: "triple-line",
    }));
  }
  const labs: [number, "E2" | "LH", number, string][] = [
    [5, "E2", 420, "pg/mL"],
    [7, "E2", 3600, "pmol/L"],
    [7, "LH", 3.1, "IU/L"],
    [9, "E2", 1850, "pg/mL"],
  ];
  for (const [day, analyte, value, unit] of labs) {
    recordAt(r, at(day, "07:40"), "LabResultRecorded", (resultId, drawnAt) => ({
      resultId,
      cycleId,
      drawnAt,
      analyte,
      value,
      unit,
    }));
  }
  const booked = at(9, "12:00");
  recordAt(r, booked, "AppointmentScheduled", (appointmentId) => ({
    appointmentId,
    cycleId,
    at: at(11, "08:00").toString(),
    kind: "scan-and-bloods",
    place: "City Fertility, 3rd floor",
  }));
  return { cycleId, file: exportFile(r, booked.toString()) };
}
