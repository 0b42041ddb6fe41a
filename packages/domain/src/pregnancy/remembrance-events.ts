import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";

/**
 * A remembrance page: a pregnancy or a baby remembered, as the person wants.
 * Every field is the person's: what the record knew (the day of the loss, the
 * transfer day, the weeks, the due date) is only offered to fill it in, and
 * stays as they leave it, even if the record changes later.
 *
 * Version 2 (issue 16) adds a place, the transfer day, the weeks, the due
 * date, photos and the yearly reminder. Version 1 events fold unchanged:
 * every new field is optional and absent means none.
 */

/** At most this many photos on one page. */
export const REMEMBRANCE_MAX_PHOTOS = 6;

/**
 * A photo on the page: a sealed attachment. The event holds only where the
 * sealed bytes are (`attachmentId`) and the key that opens them (base64url of
 * an `AttachmentKey`, 32 bytes); the bytes stay on the device that added it.
 */
export const remembrancePhotoSchema = z.strictObject({
  attachmentId: uuidV7Schema,
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  width: z.number().int().min(1).max(10_000),
  height: z.number().int().min(1).max(10_000),
  /** The person's words for the photo, read to someone who cannot see it. */
  alt: personText(300).optional(),
});

const photos = z
  .array(remembrancePhotoSchema)
  .max(REMEMBRANCE_MAX_PHOTOS)
  .refine(
    (list) => new Set(list.map((p) => p.attachmentId)).size === list.length,
    refusal("listed-twice"),
  );

/** Which day of the page the yearly reminder remembers. */
export const anniversaryDays = ["date", "due-date"] as const;
export type AnniversaryDay = (typeof anniversaryDays)[number];

/**
 * The yearly reminder, only ever set because the person chose it: which day
 * (the page's date, usually the loss, or the due date) and the words it says.
 */
export const anniversarySchema = z.strictObject({
  on: z.enum(anniversaryDays),
  words: personText(200),
});

/** How far along the pregnancy was, weeks and days (0-44w, like an outcome). */
const weeksSchema = z.strictObject({
  weeks: z.number().int().min(0).max(44),
  days: z.number().int().min(0).max(6),
});

const pageFields = {
  /** A place that holds the memory: a tree, a garden, a beach. */
  place: personText(200),
  transferDate: isoDateSchema,
  weeks: weeksSchema,
  dueDate: isoDateSchema,
  photos,
  anniversary: anniversarySchema,
};

export const remembranceEvents = {
  RemembranceAdded: defineEvent(
    2,
    "A pregnancy or baby remembered: a name, dates, the weeks, a place, a few words and photos, as the person wants.",
    z
      .strictObject({
        remembranceId: uuidV7Schema,
        name: optionalName.optional(),
        /** The day remembered: usually the day of the loss. */
        date: isoDateSchema.optional(),
        note: personText(4000).optional(),
        transferId: uuidV7Schema.optional(),
        /**
         * Kept on the writing device only, never sent to a partner or another
         * device (nor are its changes). The app asks, and keeps it private
         * unless the person chooses to share. Absent: shared (as before).
         */
        private: z.boolean().optional(),
        place: pageFields.place.optional(),
        transferDate: pageFields.transferDate.optional(),
        weeks: pageFields.weeks.optional(),
        dueDate: pageFields.dueDate.optional(),
        photos: pageFields.photos.optional(),
        /** Absent: no reminder. It is never set for the person. */
        anniversary: pageFields.anniversary.optional(),
      })
      .refine(
        (p) =>
          !!p.name?.length ||
          p.date !== undefined ||
          p.note !== undefined ||
          p.place !== undefined ||
          (p.photos?.length ?? 0) > 0,
        refusal("empty-remembrance"),
      ),
  ),
  RemembranceChanged: defineEvent(
    2,
    "Something on a remembrance page changed: a name, dates, weeks, a place, words, photos, or the yearly reminder (null takes it away).",
    changePayload(
      z.strictObject({
        remembranceId: uuidV7Schema,
        name: optionalName.nullable().optional(),
        date: isoDateSchema.nullable().optional(),
        note: personText(4000).nullable().optional(),
        place: pageFields.place.nullable().optional(),
        transferDate: pageFields.transferDate.nullable().optional(),
        weeks: pageFields.weeks.nullable().optional(),
        dueDate: pageFields.dueDate.nullable().optional(),
        /** The whole list as it now is (an empty list: no photos). */
        photos: pageFields.photos.optional(),
        anniversary: pageFields.anniversary.nullable().optional(),
      }),
    ),
  ),
  RemembranceRemoved: defineEvent(
    1,
    "A remembrance was taken away (it stays in the log), and its yearly reminder with it.",
    z.strictObject({ remembranceId: uuidV7Schema }),
  ),
};
