import { Temporal } from "../core/time.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { draftPlanFromTemplate, draftTrigger } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { addDays } from "../schedule/civil.ts";
import { rangeSchedule } from "../treatment/selectors.ts";
import { Recorder } from "./recorder.ts";

const ZONE = "America/New_York";
const ms = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
const at = (date: string, time: string) =>
  Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).toString();

/**
 * A five-year journey for benchmarks: 10 antagonist stimulation cycles and 10
 * medicated frozen transfers with long luteal support, every past dose logged,
 * monitoring, symptom checks and journal notes. Deterministic (seeded ids).
 * `cycles` makes it shorter (tests), `notesTo` fills it with notes up to that
 * many events (benchmarks).
 */
export function fiveYearJourney(options: { notesTo?: number; cycles?: number } = {}): {
  recorder: Recorder;
  lastDay: string;
} {
  const r = new Recorder("bench0001", 2026);
  const start = "2021-01-04";
  r.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: ZONE,
      partnerName: "Sam",
      createdAt: at(start, "08:00"),
    },
    ms(at(start, "08:00")),
  );
  let day = start;
  const cycles = options.cycles ?? 20;
  for (let n = 0; n < cycles; n++) {
    const stim = n % 2 === 0;
    const template = protocolTemplate(stim ? "antagonist" : "fet-medicated")!;
    const plannedAt = ms(at(addDays(day, -2), "12:00"));
    const cycleId = r.newId(plannedAt);
    r.record(
      "CycleStarted",
      {
        cycleId,
        cycleType: template.cycleType,
        protocolId: template.id,
        protocolName: template.name,
        dayOne: template.dayOne,
        startDate: day,
        zone: ZONE,
      },
      plannedAt,
    );
    const drafts = draftPlanFromTemplate(template).map((d) =>
      d.end.kind === "open" ? { ...d, end: { kind: "cycle-day" as const, day: 105 } } : d,
    );
    if (!stim) {
      // Luteal support as many clinics add it: aspirin, folic acid and an evening estradiol patch check.
      for (const [name, time] of [
        ["Low-dose aspirin", "08:00"],
        ["Folic acid", "08:00"],
        ["Prednisolone", "20:00"],
      ] as const) {
        drafts.push({
          medication: { name, route: "oral", purpose: "other" },
          dose: {
            value: name === "Folic acid" ? 0.4 : name === "Prednisolone" ? 5 : 75,
            unit: "mg",
          },
          times: [time],
          start: { cycleDay: 15 },
          end: { kind: "cycle-day", day: 105 },
          everyDays: 1,
          timeCritical: false,
        });
      }
    }
    if (stim) {
      const trigger = draftTrigger(template, addDays(day, 11), "21:30");
      if (trigger) drafts.push(trigger);
    }
    for (const d of drafts) {
      r.record(
        "MedicationPlanned",
        { ...d, times: [...d.times], cycleId, planItemId: r.newId(plannedAt) },
        plannedAt,
      );
    }
    const length = stim ? 14 : 105;
    const last = addDays(day, length);
    const doses = rangeSchedule(r.state, {
      zone: ZONE,
      from: addDays(day, -20),
      to: last,
      nowMs: 0,
    }).filter((d) => d.cycleId === cycleId);
    for (const d of doses) {
      const takenAt = Temporal.ZonedDateTime.from(d.at).add({ minutes: 4 }).toString();
      r.record(
        "DoseLogged",
        {
          doseId: r.newId(ms(takenAt)),
          planItemId: d.planItemId,
          slot: { date: d.date, time: d.time },
          takenAt,
          status: "taken",
          amount: d.dose,
        },
        ms(takenAt),
      );
    }
    for (let k = 3; k < Math.min(length, 14); k += 2) {
      const drawn = at(addDays(day, k), "08:15");
      r.record(
        "LabResultRecorded",
        {
          resultId: r.newId(ms(drawn)),
          cycleId,
          drawnAt: drawn,
          analyte: "E2",
          value: 150 * k,
          unit: "pg/mL",
        },
        ms(drawn) + 3_600_000,
      );
      r.record(
        "FollicleScanRecorded",
        {
          scanId: r.newId(ms(drawn)),
          cycleId,
          scannedAt: drawn,
          leftMm: [k + 4, k + 2, k],
          rightMm: [k + 3, k + 1],
        },
        ms(drawn) + 3_600_000,
      );
    }
    r.record("CycleEnded", { cycleId, status: "completed", endedOn: last }, ms(at(last, "20:00")));
    day = addDays(last, 7);
  }
  // Fill with journal notes and their corrections up to the requested size.
  const target = options.notesTo ?? 0;
  let i = 0;
  let t = ms(at(start, "22:00"));
  while (r.events.length < target) {
    t += 23 * 60_000;
    const written = Temporal.Instant.fromEpochMilliseconds(t)
      .toZonedDateTimeISO(ZONE)
      .round({ smallestUnit: "second" })
      .toString();
    const note = r.record(
      "JournalNoteAdded",
      {
        noteId: r.newId(t),
        text: `Evening ${i}: injections done, tired but okay. Scan on Thursday.`,
        writtenAt: written,
      },
      t,
    );
    if (i % 5 === 0 && r.events.length < target) {
      r.record(
        "JournalNoteCorrected",
        {
          noteId: note.payload.noteId,
          text: `Evening ${i}: injections done. Scan moved to Friday.`,
        },
        t + 60_000,
      );
    }
    i++;
  }
  return { recorder: r, lastDay: addDays(day, -7) };
}

export function eventCounts(events: readonly TrellisEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}
