import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import { phoneSchema, webLinkSchema } from "./contact.ts";

const clinicName = personText(80);
const address = personText(300);
const clinicNotes = personText(1000);
const lineName = personText(80);
const lineNote = personText(500);

export const clinicsEvents = {
  ClinicSaved: defineEvent(
    1,
    "The person saved their clinic's name and numbers (a new clinic, or a change: only the fields given change; null clears one). `current: true` makes it the clinic new cycles start with.",
    changePayload(
      z.strictObject({
        clinicId: uuidV7Schema,
        /** Needed for a new clinic. */
        name: clinicName.optional(),
        phone24h: phoneSchema.nullable().optional(),
        nurseLine: phoneSchema.nullable().optional(),
        address: address.nullable().optional(),
        portalUrl: webLinkSchema.nullable().optional(),
        notes: clinicNotes.nullable().optional(),
        current: z.literal(true).optional(),
      }),
    ),
  ),
  ClinicRemoved: defineEvent(
    1,
    "A clinic was taken off the person's list (it stays in the log, and cycles that named it keep its name).",
    z.strictObject({ clinicId: uuidV7Schema }),
  ),
  SupportLineAdded: defineEvent(
    1,
    "The person added someone to their support lines: a counsellor, a friend, a group; a phone number, a website, or both.",
    z
      .strictObject({
        lineId: uuidV7Schema,
        name: lineName,
        phone: phoneSchema.optional(),
        website: webLinkSchema.optional(),
        note: lineNote.optional(),
      })
      .refine((p) => p.phone !== undefined || p.website !== undefined, {
        ...refusal("support-line-unreachable"),
        path: ["phone"],
      }),
  ),
  SupportLineChanged: defineEvent(
    1,
    "One of the person's own support lines changed (only the fields given; null clears one).",
    changePayload(
      z.strictObject({
        lineId: uuidV7Schema,
        name: lineName.optional(),
        phone: phoneSchema.nullable().optional(),
        website: webLinkSchema.nullable().optional(),
        note: lineNote.nullable().optional(),
      }),
    ),
  ),
  SupportLineRemoved: defineEvent(
    1,
    "One of the person's own support lines was taken away (it stays in the log).",
    z.strictObject({ lineId: uuidV7Schema }),
  ),
};
