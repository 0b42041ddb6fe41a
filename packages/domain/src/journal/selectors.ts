import { Temporal } from "../core/time.ts";
import type { JourneyState } from "../state/state.ts";
import type { JournalNote } from "./state.ts";

/** Notes to show, newest first by when they were written. Deleted notes are left out. */
export function visibleNotes(state: JourneyState): JournalNote[] {
  const notes = [...state.notes.values()].filter((n) => !n.deleted);
  const at = new Map(notes.map((n) => [n.id, epochMs(n.writtenAt)]));
  return notes.sort((a, b) => at.get(b.id)! - at.get(a.id)! || (a.id < b.id ? 1 : -1));
}

function epochMs(zoned: string): number {
  return Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
}
