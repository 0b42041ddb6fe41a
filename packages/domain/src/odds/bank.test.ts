import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { bankOdds } from "./bank.ts";
import { alexBank, jordanAgeAtTransfer, mayaBank2015, mayaBank2022 } from "./fixtures.ts";
import { parameters } from "./parameters.ts";

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("bankOdds: what a bank of frozen embryos can give", () => {
  it("a 34-year-old with two euploid day-5 4AA blastocysts: at least one live birth is between 70% and 85%", () => {
    const odds = value(
      bankOdds({
        embryos: [
          { ageAtRetrieval: 34, pgt: "euploid", day: 5, grade: "4AA" },
          { ageAtRetrieval: 34, pgt: "euploid", day: 5, grade: "4AA" },
        ],
      }),
    );
    // Per transfer: ICM A (55.6%, RBMO 2019) nudged up by trophectoderm A (OR 1.6).
    const perTransfer = odds.embryos[0]!.perTransfer;
    expect(perTransfer.central).toBeGreaterThan(0.556);
    expect(perTransfer.central).toBeLessThan(0.66);
    expect(odds.atLeastOne.central).toBeGreaterThan(0.7);
    expect(odds.atLeastOne.central).toBeLessThan(0.85);
    // Two frozen embryos, each surviving the thaw: the plain binomial is an upper bound.
    const perEmbryo = odds.embryos[0]!.perEmbryo.central;
    expect(odds.atLeastOne.central).toBeLessThan(1 - (1 - perEmbryo) ** 2);
    expect(odds.atLeastThree.central).toBe(0);
    expect(odds.transfers).toBe(2);
  });

  it("Maya's 2022 bank: the aneuploid embryo adds nothing and is not counted as a transfer", () => {
    const odds = value(bankOdds({ embryos: mayaBank2022 }));
    expect(odds.transfers).toBe(4);
    expect(odds.embryos[2]).toMatchObject({ transferable: false });
    expect(odds.embryos[2]!.perTransfer.central).toBe(0);
    const without = value(bankOdds({ embryos: mayaBank2022.filter((e) => e.pgt !== "aneuploid") }));
    expect(without.atLeastOne).toEqual(odds.atLeastOne);
    expect(odds.notes.map((n) => n.id)).toContain("aneuploid-not-transferred");
  });

  it("Maya's mosaic embryo counts for less than her euploid ones, and the answer says why", () => {
    const odds = value(bankOdds({ embryos: mayaBank2022 }));
    const euploid = odds.embryos[0]!.perTransfer.central;
    const mosaic = odds.embryos[4]!.perTransfer.central;
    expect(mosaic).toBeLessThan(euploid);
    expect(mosaic / euploid).toBeCloseTo(parameters.mosaicRelative.value.central, 1);
    const note = odds.notes.find((n) => n.id === "mosaic-assumed");
    expect(note?.text).toMatch(/no figure for mosaic/);
    expect(odds.sources.map((s) => s.id)).toContain("trellisModel");
  });

  it("Maya's 2015 untested bank at 29: day-6 blastocysts count for less than day-5 ones, and 4AA for more than 4AB", () => {
    const odds = value(bankOdds({ embryos: mayaBank2015 }));
    const [aa, ab, bb6, bc6] = odds.embryos.map((e) => e.perTransfer.central);
    expect(aa!).toBeGreaterThan(ab!);
    expect(ab!).toBeGreaterThan(bb6!);
    expect(bb6!).toBeGreaterThan(bc6!);
    // Untested at 29: the euploid share (about 0.76) times the euploid chance.
    expect(aa!).toBeGreaterThan(0.4);
    expect(aa!).toBeLessThan(0.52);
    expect(odds.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(["franasiak2014", "icmGrade2019", "boynukalin2020"]),
    );
  });

  it("Alex's eggs carried by Jordan at 34: the cautious age (Alex's 37 at retrieval) sets the small age effect", () => {
    const carried = value(bankOdds({ embryos: alexBank, ageAtTransfer: jordanAgeAtTransfer }));
    const at37 = value(bankOdds({ embryos: alexBank, ageAtTransfer: 37 }));
    expect(carried.atLeastOne).toEqual(at37.atLeastOne);
    const [aa5, bb4] = carried.embryos.map((e) => e.perTransfer.central);
    expect(aa5!).toBeGreaterThan(bb4!);
    expect(carried.notes.find((n) => n.id === "age-at-transfer")?.text).toMatch(/older of the two/);
  });

  it("an older age at transfer lowers a euploid embryo's chance a little (Reig 2020)", () => {
    const chance = (ageAtTransfer: number) =>
      value(bankOdds({ embryos: [{ ageAtRetrieval: 33, pgt: "euploid", day: 5 }], ageAtTransfer }))
        .embryos[0]!.perTransfer.central;
    const young = chance(33);
    expect(chance(36)).toBeLessThan(young);
    expect(chance(39)).toBeLessThan(chance(36));
    expect(chance(42)).toBeLessThan(chance(39));
    // Odds ratio 0.69 at 41+: a 55% chance becomes about 46%, not a collapse.
    expect(chance(42)).toBeGreaterThan(young - 0.12);
  });

  it("without an age at transfer, uses the most recent retrieval age and says so", () => {
    const odds = value(
      bankOdds({
        embryos: [
          { ageAtRetrieval: 33, pgt: "euploid", day: 5 },
          { ageAtRetrieval: 38, pgt: "euploid", day: 5 },
        ],
      }),
    );
    expect(odds.ageAtTransfer).toBe(38);
    expect(odds.notes.find((n) => n.id === "age-at-transfer")?.text).toMatch(/used 38/);
  });

  it("an empty bank has no chance, and still says what it is", () => {
    const odds = value(bankOdds({ embryos: [] }));
    expect(odds.atLeastOne).toMatchObject({ central: 0, low: 0, high: 0 });
    expect(odds.ageAtTransfer).toBeNull();
    expect(odds.notes.at(-1)?.text).toBe(
      "This is not medical advice; your clinic knows things this model does not.",
    );
  });

  it("labels every number with what it is out of", () => {
    const odds = value(bankOdds({ embryos: alexBank }));
    expect(odds.atLeastOne.denominator).toBe("from this bank");
    expect(odds.embryos[0]!.perTransfer.denominator).toBe("per transfer");
    expect(odds.embryos[0]!.perEmbryo.denominator).toBe("per embryo in the bank");
    // The bank's embryos must survive the thaw first.
    expect(odds.embryos[0]!.perEmbryo.central).toBeLessThan(odds.embryos[0]!.perTransfer.central);
    expect(odds.rangeLevel).toBe(0.8);
  });

  it("gives sources as { id, citation, tag } a screen can show one tap away", () => {
    const odds = value(bankOdds({ embryos: mayaBank2015 }));
    for (const s of odds.sources) {
      expect(Object.keys(s).sort()).toEqual(["citation", "id", "tag"]);
      expect(["checked", "secondary", "unverified"]).toContain(s.tag);
      expect(s.citation.length).toBeGreaterThan(20);
    }
  });

  it("keeps the range for a person wider than the range for the average", () => {
    const odds = value(bankOdds({ embryos: alexBank }));
    const e = odds.atLeastOne;
    expect(e.low).toBeLessThanOrEqual(e.average.low);
    expect(e.high).toBeGreaterThanOrEqual(e.average.high);
  });
});

describe("bankOdds with the person's own past transfers", () => {
  const euploid = { ageAtRetrieval: 36, pgt: "euploid", day: 5 } as const;
  const bank = { embryos: [euploid, euploid], ageAtTransfer: 37 };
  const past = (outcome: "negative" | "termination" | "live-birth") => ({
    ageAtTransfer: 36,
    embryos: [euploid],
    outcome,
  });

  it("without past transfers there is no personal answer; the typical one is unchanged by them", () => {
    const typical = value(bankOdds(bank));
    expect(typical.personal).toBeNull();
    expect(typical.transfersCounted).toBe(0);
    const withPast = value(bankOdds({ ...bank, pastTransfers: [past("negative")] }));
    expect(withPast.atLeastOne).toEqual(typical.atLeastOne);
    expect(withPast.embryos).toEqual(typical.embryos);
    expect(withPast.personal!.atLeastOne.central).toBeLessThan(typical.atLeastOne.central);
  });

  it("a termination for medical reasons teaches nothing: no personal answer, and a note says why", () => {
    const odds = value(bankOdds({ ...bank, pastTransfers: [past("termination")] }));
    expect(odds.personal).toBeNull();
    expect(odds.transfersCounted).toBe(0);
    expect(odds.notes.find((n) => n.id === "personal-transfers")?.text).toMatch(
      /termination for medical reasons/,
    );
  });

  it("refuses a past transfer dated before its eggs were collected, naming the field", () => {
    const r = bankOdds({
      ...bank,
      pastTransfers: [{ ageAtTransfer: 34, embryos: [euploid], outcome: "negative" }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe("pastTransfers[0].embryos[0].ageAtRetrieval");
      expect(r.error.reason).toBe("age-order");
    }
  });

  it("refuses an outcome that is not an end (a pregnancy still ongoing), saying what it takes", () => {
    const r = bankOdds({
      ...bank,
      pastTransfers: [{ ageAtTransfer: 36, embryos: [euploid], outcome: "ongoing" as "negative" }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe("pastTransfers[0].outcome");
  });
});
