import {
  addDays,
  cycleList,
  cyclePlan,
  daySchedule,
  expandSchedule,
  fold,
  foldMore,
  inventory,
  latestTriage,
  nextAppointment,
  parseEvent,
  seededBytes,
  Temporal,
  type TrellisEvent,
} from "@trellis/domain";
import { fiveYearJourney } from "./journey.ts";
import { count, median, ms, type Row } from "./table.ts";

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const bytes = seededBytes(seed)(out.length * 3);
  for (let i = out.length - 1; i > 0; i--) {
    const j = ((bytes[i * 3]! << 16) | (bytes[i * 3 + 1]! << 8) | bytes[i * 3 + 2]!) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Fold and parse 100,000 events of a realistic five-year journey (issue 2). */
export function benchFold(): { rows: Row[]; events: TrellisEvent[] } {
  const { recorder } = fiveYearJourney({ notesTo: 100_000 });
  const events = recorder.events;
  const shuffled = shuffle(events, 7);
  const raw = JSON.parse(JSON.stringify(shuffled)) as unknown[];
  const foldMs = median(5, () => fold(shuffled));
  const parseMs = median(3, () => {
    for (const r of raw) parseEvent(r);
  });
  const state = fold(events);
  // One more event after all 100,000, as a device records it: a note (the notes
  // map, 75k entries, is shared with the state before, not copied) and a preference.
  const lastMs = Temporal.Instant.from("2030-01-01T02:00:00Z").epochMilliseconds;
  const note = recorder.record(
    "JournalNoteAdded",
    {
      noteId: recorder.newId(lastMs),
      text: "One more evening.",
      writtenAt: "2030-01-01T21:00:00-05:00[America/New_York]",
    },
    lastMs,
  );
  const pref = recorder.record("PreferencesUpdated", { weightUnit: "lb" }, lastMs + 1000);
  const noteMs = median(20, () => foldMore(state, [note]));
  const prefMs = median(20, () => foldMore(state, [pref]));
  return {
    events,
    rows: [
      { section: "fold", what: `events in the journey`, value: count(events.length) },
      {
        section: "fold",
        what: "fold 100k events (shuffled, median of 5)",
        value: ms(foldMs),
        expected: "<= 150 ms",
      },
      { section: "fold", what: "parse + validate 100k stored events", value: ms(parseMs) },
      {
        section: "fold",
        what: "apply one new note to 100k (foldMore)",
        value: ms(noteMs),
        expected: "<= 5 ms",
      },
      { section: "fold", what: "apply one preference change (foldMore)", value: ms(prefMs) },
      {
        section: "fold",
        what: "notes / doses in the folded state",
        value: `${count(state.notes.size)} / ${count(state.doseLogs.size)}`,
      },
    ],
  };
}

/** Expand five years of plans (20 cycles, ~10,000 doses) and compute Today on it (issue 3). */
export async function benchSchedule(): Promise<Row[]> {
  const { recorder, lastDay } = fiveYearJourney();
  const state = recorder.state;
  const zone = "America/New_York";
  const cycles = cycleList(state);
  let doses = 0;
  const expandMs = median(5, () => {
    doses = 0;
    for (const c of cycles) {
      doses += expandSchedule(cyclePlan(state, c.id), {
        zone,
        from: "2021-01-01",
        to: "2026-01-01",
      }).length;
    }
  });
  const plans = cycles.map((c) => cyclePlan(state, c.id));
  const pureExpandMs = median(5, () => {
    for (const p of plans) expandSchedule(p, { zone, from: "2021-01-01", to: "2026-01-01" });
  });
  const day = addDays(lastDay, -30);
  const nowMs = Temporal.PlainDateTime.from(`${day}T20:00`).toZonedDateTime(zone).epochMilliseconds;
  const todayMs = median(10, () => {
    daySchedule(state, { zone, date: day, nowMs });
    inventory(state, { zone, nowMs, warnDays: 3 });
    latestTriage(state);
    nextAppointment(state, nowMs);
  });
  const renderMs = await renderToday(state, nowMs);
  return [
    {
      section: "schedule",
      what: "cycles / planned doses in five years",
      value: `${cycles.length} / ${count(doses)}`,
    },
    {
      section: "schedule",
      what: "expandSchedule, all 20 plans (median of 5)",
      value: ms(pureExpandMs),
      expected: "< 50 ms",
    },
    { section: "schedule", what: "resolve plans from state + expand", value: ms(expandMs) },
    {
      section: "today",
      what: "Today's data: doses, stock, triage, next visit",
      value: ms(todayMs),
    },
    { section: "today", what: "render Today to HTML (React, server-side)", value: ms(renderMs) },
  ];
}

async function renderToday(state: ReturnType<typeof fold>, nowMs: number): Promise<number> {
  const { renderTodayHtml } = await import("./render-today.tsx");
  renderTodayHtml(state, nowMs);
  return median(5, () => renderTodayHtml(state, nowMs));
}
