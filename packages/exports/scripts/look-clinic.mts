/**
 * Writes a clinic summary of a sample journey to a PDF, to look at with
 * `pdftoppm -png -r 60` before calling a layout done:
 *   npx tsx packages/exports/scripts/look-clinic.mts <a4|letter> <out.pdf> [maya|five]
 */
import { writeFileSync } from "node:fs";
import * as domain from "@trellis/domain";
import { clinicSummaryPdf, type Paper } from "../src/index.ts";

const [paper = "a4", out = "clinic.pdf", which = "maya"] = process.argv.slice(2);
const state =
  which === "maya"
    ? domain.mayaJourney().state
    : domain.fiveYearJourney({ cycles: 4 }).recorder.state;
const bytes = await clinicSummaryPdf(state, {
  locale: "en-GB",
  paper: paper as Paper,
  details: { name: true, dateOfBirth: true, clinic: true, partner: true },
  now: "2026-12-07T21:00:00+00:00[Europe/London]",
});
writeFileSync(out, bytes);
console.log(`${bytes.length} bytes in ${out}`);
