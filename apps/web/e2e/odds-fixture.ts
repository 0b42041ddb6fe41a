import { Temporal } from "@trellis/domain";
import { recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's record up to her egg banking (clinical reference A.1) as a Trellis export:
 * the 2015 retrieval with all four blastocysts transferred since, AMH taken
 * twice (once in pmol/L), and two egg-banking retrievals at 36 with PGT-A:
 * three euploid embryos and a low-level mosaic still frozen, one aneuploid
 * discarded. Restored through set-up, so these tests do not depend on the
 * embryo screens.
 *
 * With `outcomes`, what the four transfers led to (clinical reference A.1): a
 * biochemical loss in 2015, two births, and the loss at 20 weeks in 2020;
 * with `quietMode`, quiet mode on as Maya had it after that loss.
 */
export function mayaBanked(options: { outcomes?: boolean; quietMode?: boolean } = {}) {
  const zone = maya.homeZone;
  const {
    r,
    at,
    ms,
    transfer,
    outcome: recordOutcome,
    file,
  } = recordOnDates("fixture05", 55, zone, "19:00");
  const created = at("2014-03-01", "09:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);

  const amh = (date: string, value: number, unit: string) => {
    const drawn = at(date, "08:00");
    r.record(
      "LabResultRecorded",
      {
        resultId: r.newId(drawn.epochMilliseconds),
        drawnAt: drawn.toString(),
        analyte: "AMH",
        value,
        unit,
      },
      drawn.epochMilliseconds,
    );
  };

  type Blast = {
    label: string;
    grade: string;
    day: 5 | 6;
    fate?: "frozen" | "in-culture";
    pgt?: "euploid" | "aneuploid" | "mosaic";
  };
  const retrieval = (
    on: string,
    counts: { eggs: number; mature: number; fertilized: number },
    blasts: Blast[],
  ) => {
    const day = (n: number) => Temporal.PlainDate.from(on).add({ days: n }).toString();
    const id = r.newId(ms(on));
    r.record(
      "RetrievalRecorded",
      {
        retrievalId: id,
        retrievedOn: on,
        clinic: "City Fertility",
        eggsRetrieved: counts.eggs,
        mature: counts.mature,
      },
      ms(on),
    );
    r.record(
      "FertilizationReported",
      { cohortId: id, reportedOn: day(1), method: "icsi", fertilized: counts.fertilized },
      ms(day(1)),
    );
    const embryo: Record<string, string> = {};
    for (const d of [5, 6] as const) {
      r.record(
        "BlastocystsReported",
        {
          cohortId: id,
          day: d,
          reportedOn: day(d),
          blastocysts: blasts
            .filter((b) => b.day === d)
            .map((b) => {
              embryo[b.label] = r.newId(ms(day(d)));
              return {
                embryoId: embryo[b.label]!,
                label: b.label,
                grade: b.grade,
                biopsied: b.pgt !== undefined,
                fate: b.fate ?? ("frozen" as const),
              };
            }),
        },
        ms(day(d)),
      );
    }
    const tested = blasts.filter((b) => b.pgt);
    if (tested.length > 0) {
      r.record(
        "PgtResultRecorded",
        {
          reportedOn: day(21),
          test: "PGT-A",
          results: tested.map((b) => ({ embryoId: embryo[b.label]!, result: b.pgt! })),
        },
        ms(day(21)),
      );
    }
    return embryo;
  };
  const outcome = (...args: Parameters<typeof recordOutcome>) => {
    if (options.outcomes) recordOutcome(...args);
  };

  amh("2014-06-10", 1.4, "ng/mL");
  const first = retrieval("2015-04-15", { eggs: 14, mature: 11, fertilized: 8 }, [
    { label: "4AA", grade: "4AA", day: 5, fate: "in-culture" },
    { label: "4AB", grade: "4AB", day: 5 },
    { label: "3BB", grade: "3BB", day: 6 },
    { label: "4BC", grade: "4BC", day: 6 },
  ]);
  const t1 = transfer("2015-04-20", [first["4AA"]!]);
  outcome(t1, "2015-05-01", { outcome: "biochemical" });
  const t2 = transfer("2015-08-10", [first["4AB"]!]);
  outcome(t2, "2016-04-14", { outcome: "live-birth", babies: 1 });
  const t3 = transfer("2018-01-22", [first["3BB"]!]);
  outcome(t3, "2018-05-16", { outcome: "live-birth", babies: 1 });
  const t4 = transfer("2020-03-09", [first["4BC"]!]);
  outcome(t4, "2020-09-30", { outcome: "stillbirth", gestationalAge: { weeks: 20, days: 1 } });
  if (options.quietMode) r.record("PreferencesUpdated", { quietMode: true }, ms("2020-10-01"));
  amh("2021-12-01", 10, "pmol/L");
  const second = retrieval("2022-02-14", { eggs: 12, mature: 9, fertilized: 7 }, [
    { label: "B1", grade: "4AA", day: 5, pgt: "euploid" },
    { label: "B2", grade: "4AB", day: 5, pgt: "aneuploid" },
    { label: "B3", grade: "4BB", day: 6, pgt: "euploid" },
  ]);
  r.record(
    "EmbryoDisposed",
    { embryoIds: [second.B2!], on: "2022-03-10", fate: "discarded", reason: "test-result" },
    ms("2022-03-10"),
  );
  retrieval("2022-05-16", { eggs: 9, mature: 7, fertilized: 5 }, [
    { label: "C1", grade: "5AA", day: 5, pgt: "euploid" },
    { label: "C2", grade: "4BB", day: 5, pgt: "mosaic" },
  ]);

  return { file: file(at("2022-06-30", "12:00").toString()), events: r.events, zone };
}
