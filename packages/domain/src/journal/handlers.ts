import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import type { JourneyState } from "../state/state.ts";

const missing = (s: JourneyState, noteId: string) =>
  s.notes.has(noteId) ? null : problem("unknown-note", "payload.noteId");

/** A note that can be corrected or deleted: written, and not deleted. */
const shownNoteProblem = (s: JourneyState, noteId: string) =>
  missing(s, noteId) ??
  (s.notes.get(noteId)!.deleted ? problem("note-deleted", "payload.noteId") : null);

export const journalHandlers: Handlers<
  "JournalNoteAdded" | "JournalNoteCorrected" | "JournalNoteRetracted" | "JournalNoteRestored"
> = {
  JournalNoteAdded: {
    check: (s, { payload }) =>
      s.notes.has(payload.noteId) ? problem("duplicate-note", "payload.noteId") : null,
    apply: (d, { id, hlc, payload }) => {
      d.notes.set(payload.noteId, {
        id: payload.noteId,
        text: payload.text,
        writtenAt: payload.writtenAt,
        history: [{ text: payload.text, eventId: id, hlc }],
        deleted: false,
        private: payload.private === true,
      });
    },
  },
  JournalNoteCorrected: {
    check: (s, { payload }) => shownNoteProblem(s, payload.noteId),
    apply: (d, { id, hlc, payload }) => {
      const note = d.notes.get(payload.noteId)!;
      d.notes.set(payload.noteId, {
        ...note,
        text: payload.text,
        history: [...note.history, { text: payload.text, eventId: id, hlc }],
      });
    },
  },
  JournalNoteRetracted: {
    check: (s, { payload }) => shownNoteProblem(s, payload.noteId),
    apply: (d, { payload }) => {
      d.notes.set(payload.noteId, { ...d.notes.get(payload.noteId)!, deleted: true });
    },
  },
  JournalNoteRestored: {
    check: (s, { payload }) => {
      const m = missing(s, payload.noteId);
      if (m) return m;
      return s.notes.get(payload.noteId)!.deleted
        ? null
        : problem("note-not-deleted", "payload.noteId");
    },
    apply: (d, { payload }) => {
      d.notes.set(payload.noteId, { ...d.notes.get(payload.noteId)!, deleted: false });
    },
  },
};
