import type { ZonedDateTimeString } from "../core/time.ts";

/** One version of a note's words, as written or corrected. */
export interface NoteVersion {
  readonly text: string;
  readonly eventId: string;
  readonly hlc: string;
}

export interface JournalNote {
  readonly id: string;
  readonly text: string;
  readonly writtenAt: ZonedDateTimeString;
  /** Every version, oldest first; the last one is `text`. */
  readonly history: readonly NoteVersion[];
  /** Deleted notes leave the screen but stay in the record until restored. */
  readonly deleted: boolean;
  /** Kept on the device it was written on, never synced (see `keptOnDevice`). */
  readonly private: boolean;
}
