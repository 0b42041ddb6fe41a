import { z } from "zod";
import { optionalName } from "../core/text.ts";

/**
 * The embryology lab's words, as clinics use them:
 *
 * - **Retrieval** (egg collection): eggs are collected from the follicles
 *   about 36 hours after the trigger. The eggs of one retrieval, or the frozen
 *   eggs thawed on one day, go through the lab together: a **cohort**
 *   (`cohortId` is a `retrievalId` or a `thawId`).
 * - **MII** (metaphase II): a mature egg, the only kind that can be fertilized.
 * - **ICSI**: one sperm injected into each mature egg. **Conventional IVF**:
 *   eggs and sperm are left together in a dish (maturity is then often not
 *   known).
 * - **2PN** (two pronuclei): an egg that fertilized normally, seen on day 1.
 * - **Day 3**: embryos still developing (cleavage stage, 6-8 cells).
 * - **Blastocyst**: an embryo of day 5, 6 or 7 with a fluid cavity, graded in
 *   the Gardner system (e.g. `4AA`, see `clinical/gardner.ts`).
 * - **Biopsy**: a few cells taken from the outer layer for testing.
 * - **PGT-A**: a test of the number of chromosomes. **Euploid**: the expected
 *   number of chromosomes on the test; **aneuploid**: too many or too few;
 *   **mosaic**: a mix of cells with and without the expected number (labs
 *   report a low or high level). **PGT-M**: a test for one known genetic
 *   condition.
 * - **Vitrified**: frozen by the fast method used for eggs and embryos.
 *
 * This file holds those words as values (statuses, methods, tests and their
 * results) and the field schemas both kinds of event share. The lab report
 * events are in `lab-events.ts`, the bank and storage events in
 * `bank-events.ts`.
 */

/** Guard, not a clinical fact: more than this many eggs or embryos is a typo. */
export const MAX_COUNT = 100;

export const countSchema = z.number().int().min(0).max(MAX_COUNT);

/** Where frozen eggs or embryos are kept. */
export const storageSchema = z.strictObject({
  clinic: optionalName.optional(),
  /** Tank, canister, straw: whatever the clinic tells the person. */
  location: z.string().trim().max(120).optional(),
});

export const embryoStatuses = [
  "in-culture",
  "frozen",
  "transferred",
  "discarded",
  "donated",
  "shipped",
  "carrier",
] as const;
/**
 * Where an embryo is now. `in-culture`: growing in the lab, or thawed and
 * waiting for a transfer. `carrier`: transferred to a gestational carrier.
 * `shipped`: sent to another clinic and no longer kept in this bank. Every
 * change comes from an event, kept in the embryo's history.
 */
export type EmbryoStatus = (typeof embryoStatuses)[number];

/** Why an embryo was discarded, when the person wants to say. */
export const discardReasons = [
  "did-not-survive-thaw",
  "stopped-developing",
  "test-result",
  "chosen",
  "other",
] as const;
export type DiscardReason = (typeof discardReasons)[number];

export const fertilizationMethods = ["icsi", "conventional"] as const;
export type FertilizationMethod = (typeof fertilizationMethods)[number];

export const pgtTests = ["PGT-A", "PGT-M"] as const;
export type PgtTest = (typeof pgtTests)[number];

export const pgtAResults = ["euploid", "aneuploid", "mosaic", "no-result"] as const;
export const pgtMResults = ["unaffected", "carrier", "affected", "no-result"] as const;
export type PgtAResult = (typeof pgtAResults)[number];
export type PgtMResult = (typeof pgtMResults)[number];

export const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;
