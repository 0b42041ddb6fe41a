import { z } from "zod";
import { LAB_ANALYTES } from "../clinical/units.ts";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema, zonedDateTimeSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { defineEvent } from "../events/define.ts";
import { remembranceEvents } from "./remembrance-events.ts";

/**
 * After the lab: a **transfer** puts one or more embryos into the uterus of
 * the person or of a gestational carrier (someone who carries the pregnancy
 * for them). A **beta** (beta hCG blood test) some 9-14 days later shows
 * whether a pregnancy began; its rise over the next days is compared with the
 * slowest rise seen in viable pregnancies (`clinical/beta.ts`). The
 * **outcome** is what happened, recorded with the same care whether it is a
 * birth or a loss.
 */

/** Who the embryos were transferred to. */
export const recipientSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("self") }),
  z.strictObject({
    kind: z.literal("carrier"),
    /** The gestational carrier's name, as the person wants to see it. */
    name: personText(80),
    /** Their carrier journey in Trellis, if recorded (a path of kind gestational-carrier). */
    pathId: uuidV7Schema.optional(),
  }),
]);

export const transferProtocols = ["fresh", "natural", "modified-natural", "medicated"] as const;
export type TransferProtocol = (typeof transferProtocols)[number];

export const outcomeKinds = [
  "negative",
  "biochemical",
  "ectopic",
  "miscarriage",
  "termination",
  "stillbirth",
  "ongoing",
  "live-birth",
] as const;
/**
 * What a transfer led to. `biochemical`: a positive beta that then fell, with
 * no pregnancy seen on a scan. `ectopic`: a pregnancy outside the uterus.
 * `termination`: a pregnancy ended for medical reasons. `ongoing`: pregnant,
 * for now the latest news. The others say what they are.
 */
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Outcomes that are the loss of a pregnancy: after one, Trellis asks before showing pregnancy details again. */
export const pregnancyLosses: readonly OutcomeKind[] = [
  "biochemical",
  "ectopic",
  "miscarriage",
  "termination",
  "stillbirth",
];

/** Outcomes after which nothing more happens to this transfer. */
export const finalOutcomes: readonly OutcomeKind[] = outcomeKinds.filter((k) => k !== "ongoing");

export const pathKinds = ["gestational-carrier", "adoption"] as const;
export type PathKind = (typeof pathKinds)[number];

export const carrierMilestones = [
  "agency",
  "matched",
  "contract",
  "medical-clearance",
  "transfer",
  "pregnancy-confirmed",
  "birth",
  "parentage",
  "other",
] as const;
export const adoptionMilestones = [
  "agency",
  "home-study",
  "approved",
  "matched",
  "placement",
  "finalisation",
  "other",
] as const;
export type PathMilestoneKind =
  | (typeof carrierMilestones)[number]
  | (typeof adoptionMilestones)[number];
const allMilestones = [...new Set([...carrierMilestones, ...adoptionMilestones])] as [
  PathMilestoneKind,
  ...PathMilestoneKind[],
];

const embryoIds = z
  .array(uuidV7Schema)
  .min(1)
  .max(4)
  .refine((ids) => new Set(ids).size === ids.length, refusal("listed-twice"));

const transferDetails = {
  embryoIds,
  recipient: recipientSchema,
  cycleId: uuidV7Schema.optional(),
  protocol: z.enum(transferProtocols).optional(),
  clinic: optionalName.optional(),
  note: personText(1000).optional(),
};

export const pregnancyEvents = {
  TransferPlanned: defineEvent(
    1,
    "A transfer was planned: which embryos from the bank, for whom, on which day. The embryos stay where they are until it is done.",
    z.strictObject({ transferId: uuidV7Schema, plannedOn: isoDateSchema, ...transferDetails }),
  ),
  TransferRecorded: defineEvent(
    1,
    "A transfer happened (a planned one, or one recorded afterwards): the embryos leave the bank.",
    z.strictObject({
      transferId: uuidV7Schema,
      transferredOn: isoDateSchema,
      ...transferDetails,
      /** Lining (endometrium) thickness in mm at the last scan before the transfer. */
      liningMm: z.number().positive().max(30).optional(),
      /** Day of development for dating, when the clinic uses another than the embryo's (e.g. day 5 for a day-6 blastocyst). */
      embryoDay: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(7)]).optional(),
    }),
  ),
  TransferCancelled: defineEvent(
    1,
    "A planned transfer will not happen (or was planned by mistake).",
    z.strictObject({ transferId: uuidV7Schema }),
  ),
  TransferRetracted: defineEvent(
    1,
    "A transfer entered by mistake was removed: its embryos go back to where they were.",
    z.strictObject({ transferId: uuidV7Schema }),
  ),
  /**
   * Version 2: the same payload, recorded under the date guards of
   * `pregnancy/dates.ts` (not in the future, not after a negative test or a
   * birth, at most 20 weeks after the transfer). Version 1 events stay valid.
   */
  BetaRecorded: defineEvent(
    2,
    "A beta hCG result after a transfer: the day of the draw, the value in mIU/mL, and what the clinic said if they said.",
    z.strictObject({
      betaId: uuidV7Schema,
      transferId: uuidV7Schema,
      drawnOn: isoDateSchema,
      value: z.number().positive().max(LAB_ANALYTES.hCG.plausibleMax),
      /** What the clinic called it, in their words. */
      clinicReading: z.enum(["positive", "negative", "unclear"]).optional(),
      note: personText(500).optional(),
    }),
  ),
  BetaRetracted: defineEvent(
    1,
    "A beta entered by mistake was removed.",
    z.strictObject({ betaId: uuidV7Schema }),
  ),
  /**
   * Version 2: the same payload, recorded under the guards of
   * `pregnancy/dates.ts` (not in the future, not before a beta when it ends
   * the betas, weeks 0-44 with `GESTATION_MAX_WEEKS`). Version 1 events, which
   * allowed 45 weeks, stay valid.
   */
  OutcomeRecorded: defineEvent(
    2,
    "What a transfer led to: negative, a loss (biochemical, ectopic, miscarriage, termination for medical reasons, stillbirth), an ongoing pregnancy or a birth.",
    z
      .strictObject({
        outcomeId: uuidV7Schema,
        transferId: uuidV7Schema,
        outcome: z.enum(outcomeKinds),
        on: isoDateSchema,
        /**
         * As the clinic dated it, for a loss or a birth; otherwise worked out
         * from the transfer. The schema keeps version 1's 45 weeks so old
         * events still parse; from version 2 the check holds weeks to
         * `GESTATION_MAX_WEEKS` (44).
         */
        gestationalAge: z
          .strictObject({
            weeks: z.number().int().min(0).max(45),
            days: z.number().int().min(0).max(6),
          })
          .optional(),
        /** Live birth only. */
        babies: z.number().int().min(1).max(4).optional(),
        note: personText(2000).optional(),
      })
      .refine((p) => (p.outcome === "live-birth") === (p.babies !== undefined), {
        ...refusal("babies-only-for-birth"),
        path: ["babies"],
      }),
  ),
  OutcomeRetracted: defineEvent(
    1,
    "An outcome entered by mistake was removed.",
    z.strictObject({ outcomeId: uuidV7Schema }),
  ),
  PregnancyDetailsResumed: defineEvent(
    1,
    "After a loss, the person said yes to seeing pregnancy details (due dates, weeks) again.",
    z.strictObject({ at: zonedDateTimeSchema }),
  ),
  OddsResumed: defineEvent(
    1,
    "After a loss, the person said yes to seeing the numbers about chances (the Odds screen) again: the losses they had seen when they said so.",
    z.strictObject({
      at: zonedDateTimeSchema,
      /** The losses (their outcome ids) this yes answers; a loss recorded later asks again. */
      outcomeIds: z
        .array(uuidV7Schema)
        .min(1)
        .max(50)
        .refine((ids) => new Set(ids).size === ids.length, refusal("listed-twice")),
    }),
  ),
  ...remembranceEvents,
  PathStarted: defineEvent(
    1,
    "Another path to a family began: a gestational carrier or adoption, kept beside IVF.",
    z.strictObject({
      pathId: uuidV7Schema,
      kind: z.enum(pathKinds),
      /** The carrier's name, the agency, or what the person calls this path. */
      name: personText(80),
      startedOn: isoDateSchema,
      note: personText(1000).optional(),
    }),
  ),
  PathMilestoneRecorded: defineEvent(
    1,
    "A step on a carrier or adoption path: matched, contract, home study, placement, and so on.",
    z
      .strictObject({
        milestoneId: uuidV7Schema,
        pathId: uuidV7Schema,
        milestone: z.enum(allMilestones),
        on: isoDateSchema,
        /** What it was, for a step of kind `other`. */
        title: personText(120).optional(),
        note: personText(1000).optional(),
      })
      .refine((p) => p.milestone !== "other" || p.title !== undefined, {
        ...refusal("required"),
        path: ["title"],
      }),
  ),
  PathMilestoneRetracted: defineEvent(
    1,
    "A path step entered by mistake was removed.",
    z.strictObject({ milestoneId: uuidV7Schema }),
  ),
};
