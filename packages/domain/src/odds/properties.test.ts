import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { bankOdds } from "./bank.ts";
import { computeBank, groupEmbryos } from "./bank-draws.ts";
import { EUPLOIDY_PEAK_AGE } from "./curves.ts";
import { drawThetas } from "./draws.ts";
import { eggFreezingOdds } from "./eggs.ts";
import type { Estimate } from "./estimate.ts";
import { retrievalPlan } from "./plan.ts";
import { attempts } from "./plan-series.ts";
import { type EmbryoInput, toBankEmbryo } from "./schema.ts";

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const age = (min = 18, max = 50) => fc.integer({ min: min * 4, max: max * 4 }).map((q) => q / 4);
const grade = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("1", "2"),
  fc
    .tuple(
      fc.integer({ min: 3, max: 6 }),
      fc.constantFrom("A", "B", "C"),
      fc.constantFrom("A", "B", "C"),
    )
    .map(([e, i, t]) => `${e}${i}${t}`),
);
const embryo = (ageArb = age()): fc.Arbitrary<EmbryoInput> =>
  fc.record({
    ageAtRetrieval: ageArb,
    pgt: fc.constantFrom("euploid", "untested", "mosaic", "aneuploid" as const),
    day: fc.constantFrom(5, 6, 7 as const),
    grade,
  });
const bank = (max = 6) => fc.array(embryo(), { maxLength: max });
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

const estimatesIn = (x: unknown): Estimate[] => {
  if (x === null || typeof x !== "object") return [];
  if ("central" in x && "average" in x) return [x as Estimate];
  return Object.values(x).flatMap(estimatesIn);
};

const wellFormed = (e: Estimate, probability: boolean) => {
  expect(e.low).toBeLessThanOrEqual(e.central);
  expect(e.central).toBeLessThanOrEqual(e.high);
  expect(e.average.low).toBeLessThanOrEqual(e.central);
  expect(e.central).toBeLessThanOrEqual(e.average.high);
  expect(e.low).toBeGreaterThanOrEqual(0);
  if (probability) expect(e.high).toBeLessThanOrEqual(1);
};

const noLower = (a: Estimate, b: Estimate) => {
  const eps = 1e-12;
  expect(b.central).toBeGreaterThanOrEqual(a.central - eps);
  expect(b.low).toBeGreaterThanOrEqual(a.low - eps);
  expect(b.high).toBeGreaterThanOrEqual(a.high - eps);
  expect(b.average.low).toBeGreaterThanOrEqual(a.average.low - eps);
  expect(b.average.high).toBeGreaterThanOrEqual(a.average.high - eps);
};

describe("invariants of the odds engine", () => {
  it("at least one ≥ at least two ≥ at least three, for the central value and both ends of each range", () => {
    fc.assert(
      fc.property(bank(), (embryos) => {
        const o = value(bankOdds({ embryos }));
        noLower(o.atLeastTwo, o.atLeastOne);
        noLower(o.atLeastThree, o.atLeastTwo);
      }),
      { numRuns: 60 },
    );
  });

  it("adding an embryo never lowers the chance of at least one, two or three", () => {
    fc.assert(
      fc.property(bank(5), embryo(), age(), (embryos, extra, ageAtTransfer) => {
        const before = value(bankOdds({ embryos, ageAtTransfer }));
        const after = value(bankOdds({ embryos: [...embryos, extra], ageAtTransfer }));
        noLower(before.atLeastOne, after.atLeastOne);
        noLower(before.atLeastTwo, after.atLeastTwo);
        noLower(before.atLeastThree, after.atLeastThree);
      }),
      { numRuns: 60 },
    );
  });

  it("an older age at retrieval never raises the same embryo's chance (from the euploidy peak on; at any age if euploid)", () => {
    fc.assert(
      fc.property(embryo(age(EUPLOIDY_PEAK_AGE, 50)), age(EUPLOIDY_PEAK_AGE, 50), (e, other) => {
        const [younger, older] = [e.ageAtRetrieval, other].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const chance = (ageAtRetrieval: number) =>
          value(bankOdds({ embryos: [{ ...e, ageAtRetrieval }] })).embryos[0]!.perTransfer;
        noLower(chance(older), chance(younger));
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(embryo(), age(), (e, other) => {
        const euploid = { ...e, pgt: "euploid" as const };
        const [younger, older] = [e.ageAtRetrieval, other].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const chance = (ageAtRetrieval: number) =>
          value(bankOdds({ embryos: [{ ...euploid, ageAtRetrieval }] })).embryos[0]!.perTransfer;
        noLower(chance(older), chance(younger));
      }),
      { numRuns: 40 },
    );
  });

  it("below the euploidy peak an untested embryo's chance rises with age, as Franasiak's data do (documented exception)", () => {
    const chance = (ageAtRetrieval: number) =>
      value(bankOdds({ embryos: [{ ageAtRetrieval, pgt: "untested", day: 5 }], ageAtTransfer: 30 }))
        .embryos[0]!.perTransfer.central;
    expect(chance(22)).toBeLessThan(chance(EUPLOIDY_PEAK_AGE));
  });

  it("correlated outcomes never give a higher 'at least one' than independent transfers with the same chances", () => {
    fc.assert(
      fc.property(bank(8), age(), seed, (embryos, ageAtTransfer, s) => {
        const groups = groupEmbryos(
          embryos.map((e) => toBankEmbryo(e)),
          ageAtTransfer,
        );
        const thetas = drawThetas(s, 32);
        const correlated = computeBank(groups, thetas);
        const independent = computeBank(groups, thetas, { personEffect: false });
        const eps = 1e-12;
        expect(correlated.atLeast[0].central).toBeLessThanOrEqual(
          independent.atLeast[0].central + eps,
        );
        expect(correlated.atLeast[0].average.high).toBeLessThanOrEqual(
          independent.atLeast[0].average.high + eps,
        );
        // The per-embryo averages are the same in both: only the correlation differs.
        correlated.perTransfer.forEach((e, g) => {
          expect(e.central).toBeCloseTo(independent.perTransfer[g]!.central, 12);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("more retrievals never lower the chance of at least one or two, typical or personal", () => {
    const history = fc.array(
      fc
        .record({
          eggs: fc.integer({ min: 0, max: 30 }),
          f: fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
        })
        .map(({ eggs, f }) => {
          const mature = Math.round(eggs * f[0]);
          const fertilized = Math.round(mature * f[1]);
          const blastocysts = Math.round(fertilized * f[0]);
          return {
            age: 30,
            eggs,
            mature,
            fertilized,
            blastocysts,
            euploid: Math.round(blastocysts * f[1]),
          };
        }),
      { maxLength: 2 },
    );
    fc.assert(
      fc.property(
        age(30, 46),
        fc.option(fc.double({ min: 0.05, max: 10, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        fc.array(embryo(age(18, 30)), { maxLength: 3 }),
        history,
        (a, amh, tested, embryos, past) => {
          const plan = value(
            retrievalPlan({ age: a, amh, retrievals: 4, tested, bank: embryos, history: past }),
          );
          for (const series of [plan.population, plan.personal ?? []]) {
            for (let i = 1; i < series.length; i++) {
              noLower(series[i - 1]!.atLeastOne, series[i]!.atLeastOne);
              noLower(series[i - 1]!.atLeastTwo, series[i]!.atLeastTwo);
            }
            if (series[0]) noLower(plan.bankOnly.atLeastOne, series[0].atLeastOne);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("'if I keep going' is never below 'people like me', for one or two births", () => {
    fc.assert(
      fc.property(
        age(25, 46),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.array(embryo(age(18, 25)), { maxLength: 2 }),
        (a, n, tested, embryos) => {
          const input = { age: a, retrievals: n, tested, bank: embryos };
          const people = value(retrievalPlan({ ...input, frame: "people-like-me" }));
          const going = value(retrievalPlan({ ...input, frame: "if-i-keep-going" }));
          expect(people.frame).toBe("people-like-me");
          expect(going.frame).toBe("if-i-keep-going");
          people.population.forEach((step, i) => {
            noLower(step.atLeastOne, going.population[i]!.atLeastOne);
            noLower(step.atLeastTwo, going.population[i]!.atLeastTwo);
          });
          // One retrieval: nobody has yet had a failed attempt to stop after.
          expect(people.population[0]).toEqual(going.population[0]);
        },
      ),
      { numRuns: 15 },
    );
  });

  /** Outcomes of 1..N attempts for one person: [P(at least one), P(at least two)] per n. */
  const run = (mu: number, cancel: number, b0: number, b1: number, stops: number[]) => {
    const N = stops.length + 1;
    const going = new Float64Array(N + 1);
    const stop = new Float64Array(N + 1);
    going[1] = 1;
    for (let i = 1; i < N; i++) {
      stop[i] = stops[i - 1]!;
      going[i + 1] = going[i]! * (1 - stop[i]!);
    }
    const sum = new Float64Array(N + 1);
    for (let i = 1; i <= N; i++) sum[i] = sum[i - 1]! + going[i]!;
    const out: [number, number][] = [];
    attempts(mu, cancel, b0, b1, going, stop, sum, (_, p0, p1) => out.push([1 - p0, 1 - p0 - p1]));
    return out;
  };
  const chance = fc.double({ min: 0, max: 1, noNaN: true });
  const bankOf = fc.tuple(chance, chance).map(([a, b]) => [a, (1 - a) * b] as const);

  it("cancelling more cycles never raises a chance, for one birth or two, after any number of attempts", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 8, noNaN: true }),
        chance,
        chance,
        bankOf,
        fc.array(chance, { maxLength: 6 }),
        (mu, c1, c2, [b0, b1], stops) => {
          const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const fewer = run(mu, low, b0, b1, stops);
          const more = run(mu, high, b0, b1, stops);
          more.forEach(([one, two], i) => {
            expect(one).toBeLessThanOrEqual(fewer[i]![0] + 1e-12);
            expect(two).toBeLessThanOrEqual(fewer[i]![1] + 1e-12);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("more people stopping after a failed attempt never raises a chance; more attempts never lower one", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 8, noNaN: true }),
        chance,
        bankOf,
        fc.array(fc.tuple(chance, chance), { minLength: 1, maxLength: 6 }),
        (mu, cancel, [b0, b1], pairs) => {
          const fewer = run(
            mu,
            cancel,
            b0,
            b1,
            pairs.map(([a, b]) => Math.min(a, b)),
          );
          const more = run(
            mu,
            cancel,
            b0,
            b1,
            pairs.map(([a, b]) => Math.max(a, b)),
          );
          more.forEach(([one, two], i) => {
            expect(one).toBeLessThanOrEqual(fewer[i]![0] + 1e-12);
            expect(two).toBeLessThanOrEqual(fewer[i]![1] + 1e-12);
            if (i > 0) {
              expect(one).toBeGreaterThanOrEqual(more[i - 1]![0] - 1e-12);
              expect(two).toBeGreaterThanOrEqual(more[i - 1]![1] - 1e-12);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a failed past transfer never raises the personal chance, a birth never lowers it", () => {
    const past = (outcome: "negative" | "miscarriage" | "live-birth") => ({
      ageAtTransfer: 36,
      embryos: [{ ageAtRetrieval: 36, pgt: "euploid" as const, day: 5 as const }],
      outcome,
    });
    fc.assert(
      fc.property(
        bank(3),
        fc.constantFrom("negative", "miscarriage", "live-birth" as const),
        (embryos, o) => {
          if (!embryos.some((e) => e.pgt !== "aneuploid")) return;
          const input = {
            embryos: embryos.map((e) => ({ ...e, ageAtRetrieval: Math.min(e.ageAtRetrieval, 36) })),
            ageAtTransfer: 37,
          };
          const typical = value(bankOdds(input));
          const own = value(bankOdds({ ...input, pastTransfers: [past(o)] })).personal!;
          const [lower, higher] = o === "live-birth" ? [typical, own] : [own, typical];
          expect(lower.atLeastOne.central).toBeLessThanOrEqual(higher.atLeastOne.central + 1e-12);
          lower.embryos.forEach((e, i) => {
            expect(e.perTransfer.central).toBeLessThanOrEqual(
              higher.embryos[i]!.perTransfer.central + 1e-12,
            );
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("the same seed gives the same answer, to the last digit", () => {
    fc.assert(
      fc.property(bank(), seed, (embryos, s) => {
        expect(bankOdds({ embryos, seed: s })).toEqual(bankOdds({ embryos, seed: s }));
      }),
      { numRuns: 20 },
    );
    const plan = { age: 38, retrievals: 3, tested: true, bank: [], seed: 7 } as const;
    expect(retrievalPlan(plan)).toEqual(retrievalPlan(plan));
    expect(eggFreezingOdds({ ageAtFreezing: 35, matureEggs: 12, seed: 7 })).toEqual(
      eggFreezingOdds({ ageAtFreezing: 35, matureEggs: 12, seed: 7 }),
    );
  });

  it("a different seed moves the answer only a little", () => {
    const a = value(
      bankOdds({ embryos: [{ ageAtRetrieval: 35, pgt: "euploid", day: 5 }], seed: 1 }),
    );
    const b = value(
      bankOdds({ embryos: [{ ageAtRetrieval: 35, pgt: "euploid", day: 5 }], seed: 2 }),
    );
    expect(Math.abs(a.atLeastOne.central - b.atLeastOne.central)).toBeLessThan(0.01);
    expect(Math.abs(a.atLeastOne.low - b.atLeastOne.low)).toBeLessThan(0.04);
    expect(Math.abs(a.atLeastOne.high - b.atLeastOne.high)).toBeLessThan(0.04);
  });

  it("every chance is a probability and every range holds its central value", () => {
    fc.assert(
      fc.property(bank(), (embryos) => {
        for (const e of estimatesIn(value(bankOdds({ embryos })))) wellFormed(e, true);
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(age(), fc.integer({ min: 0, max: 60 }), age(), (a, n, t) => {
        for (const e of estimatesIn(
          value(eggFreezingOdds({ ageAtFreezing: a, matureEggs: n, ageAtTransfer: t })),
        ))
          wellFormed(e, true);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(age(25, 48), fc.boolean(), bank(3), (a, tested, embryos) => {
        const plan = value(
          retrievalPlan({
            age: 50,
            retrievals: 2,
            tested,
            bank: embryos.map((e) => ({ ...e, ageAtRetrieval: Math.min(e.ageAtRetrieval, a) })),
          }),
        );
        for (const step of [...plan.population, plan.bankOnly]) {
          wellFormed(step.atLeastOne, true);
          wellFormed(step.atLeastTwo, true);
        }
        for (const step of plan.population) wellFormed(step.expectedEmbryos, false);
      }),
      { numRuns: 15 },
    );
  });
});
