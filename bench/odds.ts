import { bankOdds, describeProblem, eggFreezingOdds, retrievalPlan } from "@trellis/domain";
import { ms, type Row } from "./table.ts";

const grades = ["4AA", "4AB", "5BB", "3BC", "4BA", "5AB"];
const pgts = ["euploid", "untested", "mosaic", "aneuploid"] as const;

/** A bank of 100 embryos from many retrievals at different ages: the slow case for bankOdds. */
function bigBank() {
  return Array.from({ length: 100 }, (_, i) => ({
    ageAtRetrieval: 30 + (i % 12),
    pgt: pgts[i % 4]!,
    day: (i % 3 === 0 ? 6 : 5) as 5 | 6,
    grade: grades[i % grades.length]!,
  }));
}

function timed(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** bankOdds for 100 embryos and retrievalPlan for 6 retrievals, each with its 80% range (issue 5). */
export function benchOdds(): Row[] {
  const embryos = bigBank();
  const bankMs = timed(30, () => {
    const r = bankOdds({ embryos, ageAtTransfer: 38 });
    if (!r.ok) throw new Error(describeProblem(r.error));
  });
  const planMs = timed(30, () => {
    const r = retrievalPlan({
      age: 37,
      amh: 1.4,
      retrievals: 6,
      tested: true,
      bank: embryos.slice(0, 4),
      history: [{ age: 36, eggs: 12, mature: 9, fertilized: 7, blastocysts: 3, euploid: 2 }],
    });
    if (!r.ok) throw new Error(describeProblem(r.error));
  });
  const eggsMs = timed(30, () => eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 21 }));
  return [
    {
      section: "odds",
      what: "bankOdds, 100 embryos, with 80% ranges",
      value: ms(bankMs),
      expected: "< 5 ms",
    },
    {
      section: "odds",
      what: "retrievalPlan, 6 retrievals, with history",
      value: ms(planMs),
      expected: "< 200 ms",
    },
    { section: "odds", what: "eggFreezingOdds, 21 eggs", value: ms(eggsMs) },
  ];
}
