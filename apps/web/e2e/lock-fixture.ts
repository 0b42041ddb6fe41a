import { Temporal } from "@trellis/domain";
import { antagonistCycle, eveningInjection, recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * A marker no screen or code of Trellis says by itself; each free-text field
 * gets it with the field's name after it, so a leak names its field.
 */
export const MARKER = "Quillwort";

/**
 * Maya's record with the marker in every free-text field an entry has: her
 * and her partner's names, her clinic (name, address, notes), a support
 * line, the cycle's protocol, a medicine and its plan's note, a dose's note,
 * an appointment's place and note, a scan's and a lab result's notes, a
 * check-in's note, a supply, a transfer's beta and outcome notes, a path, a
 * milestone, a remembrance and a journal note. Dated around today, so the
 * screens show them.
 */
export function recordWithMarkers() {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const day = (n: number) => today.add({ days: n }).toString();
  const { r, at, id, rec, file } = recordOnDates("fixture13", 1313, zone, "09:00");
  const m = (field: string) => `${MARKER} ${field}`;
  rec(
    "JourneyCreated",
    {
      ...maya,
      displayName: m("name"),
      partnerName: m("partner"),
      createdAt: at(day(-40)).toString(),
    },
    day(-40),
  );
  const clinicId = id(day(-39));
  rec(
    "ClinicSaved",
    {
      clinicId,
      name: m("clinic"),
      address: m("address"),
      notes: m("clinic notes"),
      phone24h: "(212) 555-0123",
      current: true,
    },
    day(-39),
  );
  rec(
    "SupportLineAdded",
    {
      lineId: id(day(-39)),
      name: m("support line"),
      phone: "(212) 555-0199",
      note: m("line note"),
    },
    day(-39),
  );
  const cycleId = id(day(-3));
  rec(
    "CycleStarted",
    antagonistCycle(cycleId, day(-2), zone, { clinicId, protocolName: m("protocol") }),
    day(-3),
  );
  const planItemId = id(day(-3));
  rec(
    "MedicationPlanned",
    eveningInjection({ cycleId, planItemId }, day(-2), m("medicine"), { note: m("plan note") }),
    day(-3),
  );
  rec(
    "DoseLogged",
    {
      doseId: id(day(-2), "20:05"),
      planItemId,
      slot: { date: day(-2), time: "20:00" },
      takenAt: at(day(-2), "20:05").toString(),
      status: "taken",
      amount: { value: 150, unit: "IU" },
      note: m("dose note"),
    },
    day(-2),
    "20:05",
  );
  rec(
    "AppointmentScheduled",
    {
      appointmentId: id(day(-1)),
      cycleId,
      at: at(day(2), "08:30").toString(),
      kind: "scan",
      place: m("place"),
      note: m("appointment note"),
    },
    day(-1),
  );
  rec(
    "LabResultRecorded",
    {
      resultId: id(day(-1), "07:40"),
      cycleId,
      drawnAt: at(day(-1), "07:40").toString(),
      analyte: "E2",
      value: 420,
      unit: "pg/mL",
      note: m("lab note"),
    },
    day(-1),
    "07:40",
  );
  rec(
    "SymptomsChecked",
    {
      checkId: id(day(-1), "10:00"),
      cycleId,
      at: at(day(-1), "10:00").toString(),
      answers: { note: m("check note") },
    },
    day(-1),
    "10:00",
  );
  rec(
    "SupplyAdded",
    {
      supplyId: id(day(-3)),
      medication: { name: m("supply") },
      quantity: 900,
      unit: "IU",
      packages: { count: 1, kind: "pen" },
      addedOn: day(-3),
      note: m("supply note"),
    },
    day(-3),
  );
  const pathId = id(day(-30));
  rec(
    "PathStarted",
    { pathId, kind: "adoption", name: m("path"), startedOn: day(-30), note: m("path note") },
    day(-30),
  );
  rec(
    "PathMilestoneRecorded",
    {
      milestoneId: id(day(-20)),
      pathId,
      milestone: "other",
      on: day(-20),
      title: m("milestone"),
      note: m("milestone note"),
    },
    day(-20),
  );
  rec(
    "RemembranceAdded",
    { remembranceId: id(day(-25)), name: m("remembrance"), note: m("remembrance note") },
    day(-25),
  );
  rec(
    "JournalNoteAdded",
    {
      noteId: id(day(-1), "21:00"),
      text: m("journal"),
      writtenAt: at(day(-1), "21:00").toString(),
    },
    day(-1),
    "21:00",
  );
  return { file: file(at(day(0), "08:00").toString()), events: r.events.length };
}
