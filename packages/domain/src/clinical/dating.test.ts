import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeProblem, type Problem, type Result } from "../core/result.ts";
import { Temporal } from "../core/time.ts";
import {
  type DueDate,
  type DueDateInput,
  dueDate,
  type EmbryoDay,
  GESTATION_MAX_DAYS,
  GESTATION_MAX_WEEKS,
  gestationalAgeAtTransfer,
  isGestationalAge,
} from "./dating.ts";

const dated = (input: DueDateInput): DueDate => {
  const r = dueDate(input);
  if (!r.ok) throw new Error(describeProblem(r.error));
  return r.value;
};
const refusal = (r: Result<DueDate, Problem>): Problem => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
};
const plus = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

describe("dueDate after a transfer (clinical reference §4: day-N embryo is 2w0d + N days)", () => {
  it("Maya's day-5 blastocyst transferred 2015-08-10: 2w5d that day, due 2016-04-27", () => {
    // GA at transfer = 14 + 5 = 19 days (2w5d). Due at 280 days: transfer + 261 days.
    // 2015-08-10 + 261: Aug +21, Sep +30 (51), Oct +31 (82), Nov +30 (112), Dec +31 (143),
    // Jan +31 (174), Feb 2016 +29 (203, leap year), Mar +31 (234), Apr 27 (261).
    const d = dated({ transferDate: "2015-08-10", embryoDay: 5, on: "2015-08-10" });
    expect(d.dueDate).toBe("2016-04-27");
    expect(d.conceptionEquivalent).toBe("2015-08-05"); // transfer - 5 days = GA 2w0d
    expect(d.gestationalAge).toEqual({ weeks: 2, days: 5, totalDays: 19 });
  });

  it("Maya's daughter, born 2016-04-14, arrived at 38w1d (13 days before the due date)", () => {
    const d = dated({ transferDate: "2015-08-10", embryoDay: 5, on: "2016-04-14" });
    expect(d.gestationalAge).toEqual({ weeks: 38, days: 1, totalDays: 267 });
  });

  it("a day-3 embryo transferred 2024-03-01 (leap year): 2w3d, due 2024-11-19", () => {
    // GA at transfer 17 days; due = transfer + 263 days.
    const d = dated({ transferDate: "2024-03-01", embryoDay: 3, on: "2024-03-01" });
    expect(d).toMatchObject({ dueDate: "2024-11-19", conceptionEquivalent: "2024-02-27" });
    expect(d.gestationalAge).toEqual({ weeks: 2, days: 3, totalDays: 17 });
  });

  it("a day-6 blastocyst transferred on leap day 2020-02-29: due 2020-11-15, conception 2020-02-23", () => {
    // GA at transfer 20 days; due = transfer + 260 days.
    expect(dated({ transferDate: "2020-02-29", embryoDay: 6 })).toMatchObject({
      dueDate: "2020-11-15",
      conceptionEquivalent: "2020-02-23",
    });
  });

  it("a day-7 blastocyst transferred on New Year's Eve 2019: due 2020-09-15", () => {
    // GA at transfer 21 days (3w0d); due = transfer + 259 days, across the 2020 leap day.
    const d = dated({ transferDate: "2019-12-31", embryoDay: 7, on: "2019-12-31" });
    expect(d.dueDate).toBe("2020-09-15");
    expect(d.gestationalAge).toEqual({ weeks: 3, days: 0, totalDays: 21 });
  });

  it("a day-5 transfer on a month end (2023-01-31): due 2023-10-19", () => {
    expect(dated({ transferDate: "2023-01-31", embryoDay: 5 }).dueDate).toBe("2023-10-19");
  });

  it("leaves out the gestational age when no day is asked about", () => {
    const d = dated({ transferDate: "2015-08-10", embryoDay: 5 });
    expect(d).not.toHaveProperty("gestationalAge");
    expect(d.source).toMatch(/clinical reference §4/);
  });
});

describe("dueDate after a retrieval or ovulation (clinical reference §4: GA 2w0d)", () => {
  it("Maya's retrieval on 2015-04-15: due 2016-01-06 (retrieval + 266 days)", () => {
    const d = dated({ retrievalDate: "2015-04-15", on: "2015-04-15" });
    expect(d).toMatchObject({ dueDate: "2016-01-06", conceptionEquivalent: "2015-04-15" });
    expect(d.gestationalAge).toEqual({ weeks: 2, days: 0, totalDays: 14 });
  });

  it("gives the same due date as that cycle's fresh day-5 transfer on 2015-04-20", () => {
    expect(dated({ transferDate: "2015-04-20", embryoDay: 5 }).dueDate).toBe("2016-01-06");
  });

  it("a retrieval on a month end (2019-05-31): due 2020-02-21", () => {
    expect(dated({ retrievalDate: "2019-05-31" }).dueDate).toBe("2020-02-21");
  });
});

describe("dueDate from the last menstrual period (Naegele: LMP + 280 days)", () => {
  it("LMP 2023-05-01: due 2024-02-05, conception-equivalent 2023-05-15", () => {
    expect(dated({ lmp: "2023-05-01" })).toMatchObject({
      dueDate: "2024-02-05",
      conceptionEquivalent: "2023-05-15",
    });
  });

  it("LMP 2023-05-25: due on leap day 2024-02-29; a year later, 2025-03-01", () => {
    expect(dated({ lmp: "2023-05-25" }).dueDate).toBe("2024-02-29");
    expect(dated({ lmp: "2024-05-25" }).dueDate).toBe("2025-03-01");
  });

  it("gives 2w0d on the conception-equivalent date and 40w0d on the due date", () => {
    expect(dated({ lmp: "2023-05-01", on: "2023-05-15" }).gestationalAge).toEqual({
      weeks: 2,
      days: 0,
      totalDays: 14,
    });
    expect(dated({ lmp: "2023-05-01", on: "2024-02-05" }).gestationalAge).toEqual({
      weeks: 40,
      days: 0,
      totalDays: 280,
    });
  });
});

describe("dueDate: refusals name the field", () => {
  it.each([
    [{ transferDate: "2015-02-29", embryoDay: 5 }, "transferDate"], // 2015 is not a leap year
    [{ transferDate: "2015-8-10", embryoDay: 5 }, "transferDate"],
    [{ lmp: "10/08/2015" }, "lmp"],
    [{ retrievalDate: "2015-04-31" }, "retrievalDate"],
    [{ retrievalDate: 20150415 }, "retrievalDate"],
    [{ lmp: "1815-05-01" }, "lmp"], // outside the years Trellis dates (a typo)
    [{ lmp: "2023-05-01", on: "2023-13-01" }, "on"],
  ])("refuses an invalid date %o", (input, field) => {
    expect(refusal(dueDate(input as never))).toMatchObject({ reason: "invalid-date", field });
  });

  it.each([4, 2, 8, 5.5, 0, "5"])("refuses embryo day %j: only 3, 5, 6 and 7", (embryoDay) => {
    const p = refusal(dueDate({ transferDate: "2015-08-10", embryoDay } as never));
    expect(p).toEqual({
      reason: "invalid-embryo-day",
      field: "embryoDay",
      params: { allowed: "3, 5, 6, 7" },
    });
  });

  it("asks for the embryo's day when a transfer date comes without one", () => {
    const p = refusal(dueDate({ transferDate: "2015-08-10" } as never));
    expect(p).toEqual({ reason: "required", field: "embryoDay" });
  });

  it("refuses an embryo day without a transfer", () => {
    expect(refusal(dueDate({ lmp: "2023-05-01", embryoDay: 5 } as never))).toEqual({
      reason: "embryo-day-needs-transfer",
      field: "embryoDay",
    });
  });

  it("refuses more than one way of dating, or none", () => {
    const both = refusal(dueDate({ lmp: "2023-05-01", retrievalDate: "2023-05-15" } as never));
    expect(both).toMatchObject({ reason: "ambiguous-date", field: "retrievalDate" });
    expect(refusal(dueDate({} as never))).toMatchObject({ reason: "missing-date", field: "input" });
    expect(refusal(dueDate(null as never)).field).toBe("input");
  });

  it("refuses a day before the conception-equivalent date, saying why", () => {
    const p = refusal(dueDate({ transferDate: "2015-08-10", embryoDay: 5, on: "2015-08-04" }));
    expect(p).toEqual({
      reason: "before-conception",
      field: "on",
      params: { date: "2015-08-05" },
    });
    // From an LMP too: the LMP itself is before conception.
    expect(refusal(dueDate({ lmp: "2023-05-01", on: "2023-05-01" })).reason).toBe(
      "before-conception",
    );
  });
});

describe("weeks of pregnancy run 0w0d to 44w6d (a guard)", () => {
  it("is one constant: 44 weeks, days 0-6", () => {
    expect([GESTATION_MAX_WEEKS, GESTATION_MAX_DAYS]).toEqual([44, 6]);
  });

  it("gives 44w6d on the last day and refuses the day after, saying why", () => {
    // Day-5 transfer on 2015-08-10 is 2w5d (19 days); 44w6d is day 314, 295 days later.
    expect(
      dated({ transferDate: "2015-08-10", embryoDay: 5, on: plus("2015-08-10", 295) })
        .gestationalAge,
    ).toEqual({ weeks: 44, days: 6, totalDays: 314 });
    const p = refusal(
      dueDate({ transferDate: "2015-08-10", embryoDay: 5, on: plus("2015-08-10", 296) }),
    );
    expect(p).toEqual({
      reason: "after-pregnancy",
      field: "on",
      params: { maxWeeks: 44, maxDays: 6 },
    });
  });

  it.each([
    [0, 0, true],
    [44, 6, true],
    [20, 1, true],
    [45, 0, false],
    [44, 7, false],
    [-1, 0, false],
    [10, -1, false],
    [10.5, 0, false],
    [10, 2.5, false],
  ])("%d weeks %d days is a gestational age: %s", (weeks, days, yes) => {
    expect(isGestationalAge(weeks, days)).toBe(yes);
  });
});

describe("dueDate: properties", () => {
  const dayArb = fc.integer({ min: 0, max: 200 * 365 });
  const date = dayArb.map((n) => plus("1901-01-01", n));
  const embryoDay = fc.constantFrom<EmbryoDay>(3, 5, 6, 7);

  it("a transfer of a day-N embryo dates the same as a retrieval N days earlier", () => {
    fc.assert(
      fc.property(date, embryoDay, (retrieval, n) => {
        expect(dated({ transferDate: plus(retrieval, n), embryoDay: n })).toEqual(
          dated({ retrievalDate: retrieval }),
        );
      }),
    );
  });

  it("an LMP dates the same as an ovulation 14 days later", () => {
    fc.assert(
      fc.property(date, (lmp) => {
        expect(dated({ lmp })).toEqual(dated({ retrievalDate: plus(lmp, 14) }));
      }),
    );
  });

  it("on the due date the pregnancy is 40w0d; weeks and days always add up", () => {
    fc.assert(
      fc.property(date, embryoDay, fc.integer({ min: 0, max: 400 }), (transfer, n, later) => {
        const { dueDate: due } = dated({ transferDate: transfer, embryoDay: n });
        expect(dated({ transferDate: transfer, embryoDay: n, on: due }).gestationalAge).toEqual({
          weeks: 40,
          days: 0,
          totalDays: 280,
        });
        const on = plus(transfer, later);
        if (14 + n + later > 44 * 7 + 6) {
          expect(refusal(dueDate({ transferDate: transfer, embryoDay: n, on })).reason).toBe(
            "after-pregnancy",
          );
          return;
        }
        const ga = dated({ transferDate: transfer, embryoDay: n, on }).gestationalAge!;
        expect(ga.totalDays).toBe(14 + n + later);
        expect(ga.weeks).toBeLessThanOrEqual(GESTATION_MAX_WEEKS);
        expect(ga.weeks * 7 + ga.days).toBe(ga.totalDays);
        expect(ga.days).toBeGreaterThanOrEqual(0);
        expect(ga.days).toBeLessThan(7);
      }),
    );
  });
});

describe("gestational age on transfer day (clinical reference §4)", () => {
  it("is 2w0d plus the embryo's days: day 5 is 2w5d, day 3 is 2w3d", () => {
    expect(gestationalAgeAtTransfer(5)).toEqual({ weeks: 2, days: 5, totalDays: 19 });
    expect(gestationalAgeAtTransfer(3)).toEqual({ weeks: 2, days: 3, totalDays: 17 });
    expect(gestationalAgeAtTransfer(7)).toEqual({ weeks: 3, days: 0, totalDays: 21 });
  });

  it("agrees with dueDate on the day of the transfer, for every embryo day", () => {
    for (const day of [3, 5, 6, 7] as const) {
      const d = dated({ transferDate: "2015-08-10", embryoDay: day, on: "2015-08-10" });
      expect(gestationalAgeAtTransfer(day)).toEqual(d.gestationalAge);
    }
  });
});
