/**
 * What a circle holds, entry by entry. A circle ("Parents", "Work") is a
 * vault of its own; each entry here is sealed and signed on the device that
 * wrote it, so the server never sees a name, a status, a post or a reply.
 * These schemas check an entry after it is opened: anything that does not
 * match is left out of the fold, never shown.
 *
 * Who may write what is the fold's business (`fold.ts`): the owner (and a
 * partner) write everything; a member (`viewer`) only replies and
 * reactions, and only where the post allows them.
 */
import { z } from "zod";
import { personText } from "../core/text.ts";

/** The first field of every circle entry: this format's version. */
export const CIRCLE_ENTRY_FORMAT = "trellis-circle";
export const CIRCLE_ENTRY_VERSION = 1;

export const CIRCLE_NAME_MAX = 60;
export const CIRCLE_STATUS_MAX = 280;
export const CIRCLE_HELP_NOTE_MAX = 2_000;
export const CIRCLE_POST_MAX = 5_000;
export const CIRCLE_REPLY_MAX = 1_000;
export const CIRCLE_LABEL_MAX = 60;
export const CIRCLE_ALT_MAX = 300;

/** The kind words the person can pick in one tap; `own` is their own words. */
export const statusTemplates = ["in-treatment", "taking-a-break", "distraction", "own"] as const;
export type StatusTemplate = (typeof statusTemplates)[number];

/** Reactions a member may leave where a post allows them. Nothing records who read what. */
export const circleReactions = ["heart", "hug", "thinking-of-you"] as const;
export type CircleReaction = (typeof circleReactions)[number];

const id = z.uuid();
/** An ISO instant as the writing device's clock gave it (shown, never trusted for order). */
const instant = z.iso.datetime({ offset: true });

export const photoRefSchema = z.strictObject({
  attachmentId: id,
  /** The attachment's own key (base64url of 32 bytes); it lives only inside sealed entries. */
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  width: z.number().int().min(1).max(10_000),
  height: z.number().int().min(1).max(10_000),
  alt: personText(CIRCLE_ALT_MAX).optional(),
});
export type PhotoRef = z.output<typeof photoRefSchema>;

/** A remembrance the person chose to share as a post. */
export const sharedRemembranceSchema = z.strictObject({
  name: personText(80).optional(),
  date: z.iso.date().optional(),
  place: personText(200).optional(),
  words: personText(CIRCLE_POST_MAX).optional(),
});
export type SharedRemembrance = z.output<typeof sharedRemembranceSchema>;

const base = {
  format: z.literal(CIRCLE_ENTRY_FORMAT),
  version: z.literal(CIRCLE_ENTRY_VERSION),
  at: instant,
};

export const circleEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...base, kind: z.literal("name"), name: personText(CIRCLE_NAME_MAX) }),
  z.strictObject({
    ...base,
    kind: z.literal("status"),
    template: z.enum(statusTemplates),
    text: personText(CIRCLE_STATUS_MAX),
  }),
  z.strictObject({ ...base, kind: z.literal("status-clear") }),
  z.strictObject({ ...base, kind: z.literal("help-note"), text: personText(CIRCLE_HELP_NOTE_MAX) }),
  /**
   * The owner's own name for a member ("Mum"), sealed a second time under
   * the owner's label key, so members, who hold the circle's key, cannot
   * read what the owner calls them. `sealed` is that envelope, base64.
   */
  z.strictObject({
    ...base,
    kind: z.literal("label"),
    accountId: id,
    labelId: id,
    sealed: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/)
      .max(2_000),
  }),
  /**
   * The owner's label key, sealed to the owner's own box key and signed by
   * them (a vault-key grant to themself): only the owner's devices open it.
   */
  z.strictObject({
    ...base,
    kind: z.literal("label-key"),
    grant: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .max(1_024),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("post"),
    postId: id,
    /** May be empty when the post is a photo or a remembrance. */
    text: z.string().trim().max(CIRCLE_POST_MAX),
    photo: photoRefSchema.optional(),
    remembrance: sharedRemembranceSchema.optional(),
    replies: z.boolean(),
    reactions: z.boolean(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("edit"),
    postId: id,
    text: z.string().trim().max(CIRCLE_POST_MAX).optional(),
    replies: z.boolean().optional(),
    reactions: z.boolean().optional(),
  }),
  z.strictObject({ ...base, kind: z.literal("take-back"), postId: id }),
  z.strictObject({
    ...base,
    kind: z.literal("reply"),
    postId: id,
    replyId: id,
    text: personText(CIRCLE_REPLY_MAX),
  }),
  /** `null` takes this member's reaction back. */
  z.strictObject({
    ...base,
    kind: z.literal("reaction"),
    postId: id,
    reaction: z.enum(circleReactions).nullable(),
  }),
]);
export type CircleEntry = z.output<typeof circleEntrySchema>;
export type CircleEntryKind = CircleEntry["kind"];

/** What the owner may call a member, checked before it is sealed. */
export const circleLabelSchema = personText(CIRCLE_LABEL_MAX);

/** Kinds a member (`viewer`) may write; everything else is the owner's (or partner's). */
export const memberEntryKinds: readonly CircleEntryKind[] = ["reply", "reaction"];

/** An untrusted opened value as a circle entry, or null. */
export function parseCircleEntry(value: unknown): CircleEntry | null {
  const r = circleEntrySchema.safeParse(value);
  return r.success ? r.data : null;
}

/** A new entry's fields (without format, version); for devices writing one. */
export type CircleEntryInput = CircleEntry extends infer E
  ? E extends CircleEntry
    ? Omit<E, "format" | "version">
    : never
  : never;

/** Wraps fields as an entry of this format and version (checked by the caller with `parseCircleEntry`). */
export function circleEntry(input: CircleEntryInput): CircleEntry {
  return { format: CIRCLE_ENTRY_FORMAT, version: CIRCLE_ENTRY_VERSION, ...input } as CircleEntry;
}
