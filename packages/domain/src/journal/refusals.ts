/** Why the journal refuses an event (words: the web app's refusal catalogue). */
export const journalRefusals = [
  "unknown-note",
  "duplicate-note",
  "note-deleted",
  "note-not-deleted",
] as const;

export type JournalRefusal = (typeof journalRefusals)[number];
