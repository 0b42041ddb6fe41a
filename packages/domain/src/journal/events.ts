import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { zonedDateTimeSchema } from "../core/time.ts";
import { defineEvent } from "../events/define.ts";

export const NOTE_MAX_LENGTH = 20_000;

export const journalEvents = {
  JournalNoteAdded: defineEvent(
    1,
    "A person wrote a journal note.",
    z.strictObject({
      noteId: uuidV7Schema,
      text: personText(NOTE_MAX_LENGTH),
      writtenAt: zonedDateTimeSchema,
      /**
       * Kept on the writing device only: never sent to a partner or another
       * device (its corrections and deletion stay there too). Absent: shared.
       */
      private: z.boolean().optional(),
    }),
  ),
  JournalNoteCorrected: defineEvent(
    1,
    "A person changed what a note says. The earlier words stay in its history.",
    z.strictObject({ noteId: uuidV7Schema, text: personText(NOTE_MAX_LENGTH) }),
  ),
  JournalNoteRetracted: defineEvent(
    1,
    "A person deleted a note. It leaves every screen but stays in the log, so it can be restored.",
    z.strictObject({ noteId: uuidV7Schema }),
  ),
  JournalNoteRestored: defineEvent(
    1,
    "A person undid the deletion of a note.",
    z.strictObject({ noteId: uuidV7Schema }),
  ),
};
