import type { EmbryoInput, RecordedRetrievalInput } from "./schema.ts";

/**
 * Records from the fictional journeys in the clinical reference, Appendix A, as the
 * odds engine receives them. Where a journey does not say the day of a
 * blastocyst, we use day 5.
 */

/** Maya: two egg-banking retrievals at 36 (2022): 3 euploid, 1 aneuploid, 1 low-level mosaic. */
export const mayaBank2022: readonly EmbryoInput[] = [
  { ageAtRetrieval: 36, pgt: "euploid", day: 5 },
  { ageAtRetrieval: 36, pgt: "euploid", day: 5 },
  { ageAtRetrieval: 36, pgt: "aneuploid", day: 5 },
  { ageAtRetrieval: 36, pgt: "euploid", day: 5 },
  { ageAtRetrieval: 36, pgt: "mosaic", day: 5 },
];

export const mayaRetrievals: readonly RecordedRetrievalInput[] = [
  { age: 29, eggs: 14, mature: 11, fertilized: 8, blastocysts: 4 },
  { age: 36, eggs: 12, mature: 9, fertilized: 7, blastocysts: 3, euploid: 2 },
  { age: 36, eggs: 9, mature: 7, fertilized: 5, blastocysts: 2, euploid: 1 },
];

/** Maya's first retrieval at 29 (2015): the four blastocysts as graded, before any transfer. */
export const mayaBank2015: readonly EmbryoInput[] = [
  { ageAtRetrieval: 29, pgt: "untested", day: 5, grade: "4AA" },
  { ageAtRetrieval: 29, pgt: "untested", day: 5, grade: "4AB" },
  { ageAtRetrieval: 29, pgt: "untested", day: 6, grade: "3BB" },
  { ageAtRetrieval: 29, pgt: "untested", day: 6, grade: "4BC" },
];

/** Alex and Jordan: Alex's eggs at 37, Jordan (34) carries. */
export const alexBank: readonly EmbryoInput[] = [
  { ageAtRetrieval: 37, pgt: "euploid", day: 5, grade: "5AA" },
  { ageAtRetrieval: 37, pgt: "euploid", day: 5, grade: "4BB" },
];
export const jordanAgeAtTransfer = 34;
export const alexRetrieval: RecordedRetrievalInput = {
  age: 37,
  eggs: 10,
  mature: 8,
  fertilized: 6,
  blastocysts: 3,
  euploid: 2,
};

/** Priya: 12 + 9 mature eggs frozen at 34, used at 39. */
export const priyaEggs = { ageAtFreezing: 34, matureEggs: 21, ageAtTransfer: 39 } as const;
