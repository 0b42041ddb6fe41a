import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawThetas } from "./draws.ts";
import { perTransferChance, preparedChance, prepareEmbryo } from "./embryo.ts";
import { toBankEmbryo } from "./schema.ts";

describe("an embryo's chance per transfer", () => {
  it("is the same whether worked out directly or prepared once for the draw loop", () => {
    const thetas = drawThetas(5, 16);
    fc.assert(
      fc.property(
        fc.integer({ min: 72, max: 200 }).map((q) => q / 4),
        fc.integer({ min: 72, max: 200 }).map((q) => q / 4),
        fc.constantFrom("euploid", "untested", "mosaic", "aneuploid" as const),
        fc.constantFrom(5, 6, 7 as const),
        fc.constantFrom(undefined, "1", "2", "4AA", "3BC", "5CB", "6BB", "4AC"),
        (ageAtRetrieval, ageAtTransfer, pgt, day, grade) => {
          const e = toBankEmbryo({ ageAtRetrieval, pgt, day, grade });
          const prepared = prepareEmbryo(e, ageAtTransfer);
          for (const t of thetas) {
            expect(preparedChance(prepared, t)).toBeCloseTo(
              perTransferChance(e, ageAtTransfer, t),
              14,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
