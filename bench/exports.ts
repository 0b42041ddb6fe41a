/**
 * Issue 17's files, made from Maya's long journey (`mayaJourney()`, the
 * fixture the tests share): how long each takes on this machine and how big
 * it is. Made on the person's phone, so a slow one here is slow there.
 */
import { costSummary, fold, mayaJourney } from "@trellis/domain";
import { clinicSummaryPdf, csvZip, toFhirBundle } from "@trellis/exports";
import { count, median, ms, type Row } from "./table.ts";

const kb = (bytes: number) => `${count(bytes / 1024)} KiB`;

export async function benchExports(): Promise<Row[]> {
  const maya = mayaJourney();
  const state = fold(maya.events);
  const now = new Date("2026-12-07T21:00:00Z");
  const foldMs = median(20, () => fold(maya.events));
  const costsMs = median(50, () => costSummary(state, { today: "2026-12-07" }));
  let zip: Uint8Array = new Uint8Array();
  const zipMs = median(10, () => {
    zip = csvZip(state, { now, readme: "Trellis bench" });
  });
  let bundle = toFhirBundle(state, { now });
  const fhirMs = median(10, () => {
    bundle = toFhirBundle(state, { now });
  });
  const fhirBytes = new TextEncoder().encode(JSON.stringify(bundle)).length;
  const pdfOptions = {
    locale: "en-GB",
    details: { name: true, dateOfBirth: true, clinic: true, partner: true },
    now: "2026-12-07T21:00:00+00:00[Europe/London]",
  };
  let pdf = await clinicSummaryPdf(state, pdfOptions);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    pdf = await clinicSummaryPdf(state, pdfOptions);
    times.push(performance.now() - t);
  }
  const pdfMs = times.sort((a, b) => a - b)[2]!;
  const section = "exports";
  return [
    {
      section,
      what: "Maya's journey (2014-2024): events, folded",
      value: `${count(maya.events.length)} in ${ms(foldMs)}`,
    },
    { section, what: "costSummary, 2 currencies", value: ms(costsMs), expected: "< 5 ms" },
    {
      section,
      what: "csvZip (6 tables + cycles, medicines, retrievals)",
      value: `${ms(zipMs)}, ${kb(zip.length)}`,
      expected: "< 100 ms",
    },
    {
      section,
      what: "toFhirBundle",
      value: `${ms(fhirMs)}, ${count(bundle.entry?.length ?? 0)} resources, ${kb(fhirBytes)}`,
      expected: "< 100 ms",
    },
    {
      section,
      what: "clinicSummaryPdf (A4, every part)",
      value: `${ms(pdfMs)}, ${kb(pdf.length)}`,
      expected: "< 1 s",
    },
  ];
}
