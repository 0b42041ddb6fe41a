/**
 * What stays on the device it was written on. A journal note or a
 * remembrance recorded as private is never sent anywhere, and neither is
 * anything done to it later (corrected, deleted, restored, changed, taken
 * away): sync leaves such events out of the outbox, so a partner, a viewer
 * and the person's other devices never receive them.
 */
import type { TrellisEvent } from "../events/envelope.ts";
import type { JourneyState } from "./state.ts";

/**
 * Whether `event` stays on this device. `state` is the record as it was
 * before the event (for an event about an earlier note or remembrance, it
 * says whether that one was private).
 */
export function keptOnDevice(state: JourneyState, event: TrellisEvent): boolean {
  switch (event.type) {
    case "JournalNoteAdded":
    case "RemembranceAdded":
      return event.payload.private === true;
    case "JournalNoteCorrected":
    case "JournalNoteRetracted":
    case "JournalNoteRestored":
      return state.notes.get(event.payload.noteId)?.private === true;
    case "RemembranceChanged":
    case "RemembranceRemoved":
      return state.remembrances.get(event.payload.remembranceId)?.private === true;
    default:
      return false;
  }
}
