import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeProblem, type Problem, type Result } from "../core/result.ts";
import { Temporal } from "../core/time.ts";
import {
  type BetaTrend,
  type BetaValue,
  betaTrend,
  MAX_JUDGED_INTERVAL_HOURS,
  MIN_JUDGED_INTERVAL_HOURS,
  minimalRise48hPercent,
} from "./beta.ts";

const trend = (series: readonly BetaValue[]): BetaTrend => {
  const r = betaTrend(series);
  if (!r.ok) throw new Error(describeProblem(r.error));
  return r.value;
};
const refusal = (r: Result<BetaTrend, Problem>): Problem => {
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
};

const toronto = (local: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime("America/Toronto").toString();

describe("betaTrend: the fictional journeys (clinical reference, Appendix A)", () => {
  it("Jordan, 95 -> 130 -> 290 48 h apart: first rise +36.8% is below the 49% minimum, then +123.1% is normal", () => {
    // 130/95 = 1.36842: rise 36.84%; t_d = 48 x ln2 / ln(1.36842) = 48 x 0.693147 / 0.313658 = 106.07 h.
    // 290/130 = 2.23077: rise 123.08%; t_d = 48 x 0.693147 / 0.802346 = 41.47 h.
    // Both first values are below 1,500 mIU/mL, so the minimum is 49% (Barnhart 2016).
    const t = trend([
      { at: "2026-01-20T08:00:00-05:00[America/Toronto]", value: 95 },
      { at: "2026-01-22T08:00:00-05:00[America/Toronto]", value: 130 },
      { at: "2026-01-24T08:00:00-05:00[America/Toronto]", value: 290 },
    ]);
    const [first, second] = t.intervals;
    expect(t.intervals).toHaveLength(2);
    expect(first).toMatchObject({
      from: "2026-01-20T08:00:00-05:00[America/Toronto]",
      to: "2026-01-22T08:00:00-05:00[America/Toronto]",
      hours: 48,
      trend: "rising",
      minimalRise48hPercent: 49,
      meetsMinimalRise: false,
    });
    expect(first!.risePercent).toBeCloseTo(36.8421, 4);
    expect(first!.rise48hPercent).toBeCloseTo(36.8421, 4);
    expect(first!.doublingTimeHours).toBeCloseTo(106.0745, 4);
    expect(second).toMatchObject({ hours: 48, minimalRise48hPercent: 49, meetsMinimalRise: true });
    expect(second!.risePercent).toBeCloseTo(123.0769, 4);
    expect(second!.doublingTimeHours).toBeCloseTo(41.4672, 4);
  });

  it("Maya, 180 -> 410 -> 950 two days apart: +127.8% then +131.7%, doubling about every 40 h", () => {
    // the clinical reference (Appendix A) gives the values only; draws on 9, 11 and 13 days after the 2015-08-10 transfer.
    // 410/180 = 2.27778: rise 127.78%; t_d = 48 x 0.693147 / 0.823200 = 40.42 h.
    // 950/410 = 2.31707: rise 131.71%; t_d = 48 x 0.693147 / 0.840305 = 39.59 h.
    // Close to the median viable rise of +124% over 48 h, doubling about 41 h (Barnhart 2004).
    const t = trend([
      { at: "2015-08-19", value: 180 },
      { at: "2015-08-21", value: 410 },
      { at: "2015-08-23", value: 950 },
    ]);
    expect(t.intervals.map((i) => i.hours)).toEqual([48, 48]);
    expect(t.intervals.map((i) => i.meetsMinimalRise)).toEqual([true, true]);
    expect(t.intervals[0]!.risePercent).toBeCloseTo(127.7778, 4);
    expect(t.intervals[0]!.doublingTimeHours).toBeCloseTo(40.4167, 4);
    expect(t.intervals[1]!.risePercent).toBeCloseTo(131.7073, 4);
    expect(t.intervals[1]!.doublingTimeHours).toBeCloseTo(39.594, 3);
  });

  it("Maya, 12 -> 9 (2015-04-29 to 2015-05-01): falling by 25%, no doubling time, no minimal-rise verdict", () => {
    // 9/12 = 0.75: change -25% over 48 h (April has 30 days). Not rising, so t_d and the verdict are null.
    const t = trend([
      { at: "2015-04-29", value: 12 },
      { at: "2015-05-01", value: 9 },
    ]);
    expect(t.intervals).toHaveLength(1);
    const [fall] = t.intervals;
    expect(fall).toMatchObject({
      hours: 48,
      trend: "falling",
      doublingTimeHours: null,
      minimalRise48hPercent: 49,
      meetsMinimalRise: null,
    });
    expect(fall!.risePercent).toBeCloseTo(-25, 10);
    expect(fall!.rise48hPercent).toBeCloseTo(-25, 10);
  });
});

describe("betaTrend: the arithmetic (clinical reference §4)", () => {
  it("scales an interval that is not 48 h: 100 -> 200 over 72 h is +58.7% per 48 h, doubling in 72 h", () => {
    // (200/100)^(48/72) - 1 = 2^(2/3) - 1 = 0.5874; t_d = 72 x ln2 / ln2 = 72 h.
    const [i] = trend([
      { at: "2026-01-20", value: 100 },
      { at: "2026-01-23", value: 200 },
    ]).intervals;
    expect(i!.hours).toBe(72);
    expect(i!.risePercent).toBeCloseTo(100, 10);
    expect(i!.rise48hPercent).toBeCloseTo(58.7401, 4);
    expect(i!.doublingTimeHours).toBeCloseTo(72, 10);
    expect(i!.meetsMinimalRise).toBe(true);
  });

  it("counts real hours across a clock change: Toronto 08:00 to 08:00 over the end of DST is 49 h", () => {
    // 2025-11-02 the clocks go back, so 48 h of calendar is 49 h of time.
    // 1000 -> 1500: raw +50%, but per 48 h 1.5^(48/49) - 1 = +48.76%, just under the 49% minimum.
    const [i] = trend([
      { at: "2025-11-01T08:00:00-04:00[America/Toronto]", value: 1000 },
      { at: "2025-11-03T08:00:00-05:00[America/Toronto]", value: 1500 },
    ]).intervals;
    expect(i!.hours).toBe(49);
    expect(i!.risePercent).toBeCloseTo(50, 10);
    expect(i!.rise48hPercent).toBeCloseTo(48.7639, 4);
    expect(i!.meetsMinimalRise).toBe(false);
  });

  it("scales a 24 h interval up: 100 -> 130 in a day is +69% per 48 h", () => {
    // 1.3^2 - 1 = 0.69
    const [i] = trend([
      { at: "2026-01-20T08:00:00Z", value: 100 },
      { at: "2026-01-21T08:00:00Z", value: 130 },
    ]).intervals;
    expect(i!.rise48hPercent).toBeCloseTo(69, 10);
  });

  it.each([
    [1, 49],
    [1_499.9, 49],
    [1_500, 40],
    [3_000, 40],
    [3_000.1, 33],
    [50_000, 33],
  ])("the minimal 48-h rise for a first value of %d mIU/mL is %d%% (Barnhart 2016)", (v, m) => {
    expect(minimalRise48hPercent(v)).toBe(m);
  });

  it("uses the interval's first value to choose the minimum", () => {
    const t = trend([
      { at: "2026-02-01", value: 1_000 },
      { at: "2026-02-03", value: 2_000 },
      { at: "2026-02-05", value: 3_500 },
      { at: "2026-02-07", value: 5_000 },
    ]);
    expect(t.intervals.map((i) => i.minimalRise48hPercent)).toEqual([49, 40, 33]);
    // 2000 -> 3500: +75% >= 40; 3500 -> 5000: +42.9% >= 33
    expect(t.intervals.map((i) => i.meetsMinimalRise)).toEqual([true, true, true]);
  });

  it("a rise of exactly the minimum meets it, despite floating error", () => {
    // (2800/2000 - 1) x 100 is 39.99999999999999 in floating point.
    const at = ["2026-02-01", "2026-02-03"];
    const r = (a: number, b: number) =>
      trend([
        { at: at[0]!, value: a },
        { at: at[1]!, value: b },
      ]).intervals[0]!.meetsMinimalRise;
    expect(r(2_000, 2_800)).toBe(true); // 40% at 1,500-3,000
    expect(r(100, 149)).toBe(true); // 49% below 1,500
    expect(r(100, 148.9)).toBe(false);
  });

  it("a flat value is neither rising nor falling", () => {
    const [i] = trend([
      { at: "2026-02-01", value: 500 },
      { at: "2026-02-03", value: 500 },
    ]).intervals;
    expect(i).toMatchObject({ trend: "flat", risePercent: 0, doublingTimeHours: null });
    expect(i!.meetsMinimalRise).toBeNull();
  });
});

describe("betaTrend: intervals under a day get no minimal-rise judgement", () => {
  const at = (hours: number) =>
    Temporal.Instant.from("2026-01-20T08:00:00Z")
      .add({ minutes: Math.round(hours * 60) })
      .toString();
  const interval = (h1: number, h2: number, hours: number) =>
    trend([
      { at: at(0), value: h1 },
      { at: at(hours), value: h2 },
    ]).intervals[0]!;

  it("100 -> 104 in 2 h is a 4% rise with no 48-h rise, no doubling time and no verdict", () => {
    // Scaled to 48 h this would be 1.04^24 - 1 = +156%: "meets the minimal rise" from noise.
    const i = interval(100, 104, 2);
    expect(i).toMatchObject({
      hours: 2,
      trend: "rising",
      judgement: "interval-too-short",
      rise48hPercent: null,
      doublingTimeHours: null,
      meetsMinimalRise: null,
    });
    expect(i.risePercent).toBeCloseTo(4, 10);
  });

  it("the threshold is a day: 23.9 h is too short, 24 h is judged", () => {
    expect(MIN_JUDGED_INTERVAL_HOURS).toBe(24);
    const short = interval(100, 200, 23.9);
    expect(short).toMatchObject({ judgement: "interval-too-short", meetsMinimalRise: null });
    expect(short.hours).toBeCloseTo(23.9, 10);
    const day = interval(100, 200, 24);
    expect(day).toMatchObject({ hours: 24, judgement: "compared", meetsMinimalRise: true });
    // 2^(48/24) - 1 = +300%; doubling in 24 h.
    expect(day.rise48hPercent).toBeCloseTo(300, 9);
    expect(day.doublingTimeHours).toBeCloseTo(24, 9);
  });

  it.each([
    // From 24 h on, Barnhart's thresholds apply by the first value: 49%, 40%, 33%.
    [24, 100, 122, false], // 1.22^2 - 1 = 48.84% per 48 h: under 49%
    [24, 100, 122.1, true], // 1.221^2 - 1 = 49.08%
    [48, 100, 148.9, false],
    [48, 100, 149, true],
    [48, 2_000, 2_790, false],
    [48, 2_000, 2_800, true],
    [72, 4_000, 5_200, false], // 1.3^(48/72) - 1 = 19.1% < 33%
    [96, 4_000, 7_200, true], // 1.8^(1/2) - 1 = 34.2% >= 33%
  ])("over %d h, %d -> %d meets the minimal rise: %s", (hours, h1, h2, meets) => {
    const i = interval(h1, h2, hours);
    expect(i.judgement).toBe("compared");
    expect(i.meetsMinimalRise).toBe(meets);
  });

  it("a falling or flat value over a day or more is not-rising, with no verdict", () => {
    expect(interval(100, 80, 48)).toMatchObject({
      judgement: "not-rising",
      meetsMinimalRise: null,
    });
    expect(interval(100, 100, 24)).toMatchObject({
      judgement: "not-rising",
      meetsMinimalRise: null,
    });
  });

  it("any pair under a day apart gets no judgement, whatever the values (property)", () => {
    const start = Temporal.Instant.from("2026-01-20T08:00:00Z");
    const value = fc.double({ min: 1, max: 100_000, noNaN: true });
    fc.assert(
      fc.property(value, value, fc.integer({ min: 60, max: 24 * 60 - 1 }), (h1, h2, m) => {
        const [i] = trend([
          { at: start.toString(), value: h1 },
          { at: start.add({ minutes: m }).toString(), value: h2 },
        ]).intervals;
        expect(i).toMatchObject({
          judgement: "interval-too-short",
          meetsMinimalRise: null,
          rise48hPercent: null,
          doublingTimeHours: null,
        });
      }),
    );
  });
});

describe("betaTrend: intervals over a week get no minimal-rise judgement either", () => {
  it("the threshold is a week: 168 h is judged, 169 h is too long", () => {
    expect(MAX_JUDGED_INTERVAL_HOURS).toBe(168);
    const week = trend([
      { at: "2026-01-20T08:00:00Z", value: 100 },
      { at: "2026-01-27T08:00:00Z", value: 800 },
    ]).intervals[0]!;
    // 8^(48/168) - 1 = 81.1% per 48 h >= 49%; doubling in 56 h.
    expect(week).toMatchObject({ hours: 168, judgement: "compared", meetsMinimalRise: true });
    expect(week.doublingTimeHours).toBeCloseTo(56, 9);
    const longer = trend([
      { at: "2026-01-20T08:00:00Z", value: 100 },
      { at: "2026-01-27T09:00:00Z", value: 800 },
    ]).intervals[0]!;
    expect(longer).toMatchObject({
      hours: 169,
      judgement: "interval-too-long",
      rise48hPercent: null,
      doublingTimeHours: null,
      meetsMinimalRise: null,
    });
    expect(longer.risePercent).toBeCloseTo(700, 9);
  });

  it("a day-9 and a day-100 beta of a healthy pregnancy are not called slow", () => {
    // 180 on day 9, 90,000 on day 100: scaled to 48 h that would be +15%, "slower than usual",
    // though the rise only slowed as it grew. No verdict is given.
    const [i] = trend([
      { at: "2015-08-19", value: 180 },
      { at: "2015-11-18", value: 90_000 },
    ]).intervals;
    expect(i).toMatchObject({ trend: "rising", judgement: "interval-too-long" });
    expect(i!.meetsMinimalRise).toBeNull();
  });
});

describe("betaTrend: the series", () => {
  it("sorts the values by time, whatever order they came in", () => {
    const t = trend([
      { at: "2015-08-23", value: 950 },
      { at: "2015-08-19", value: 180 },
      { at: "2015-08-21", value: 410 },
    ]);
    expect(t.intervals.map((i) => [i.from, i.to])).toEqual([
      ["2015-08-19", "2015-08-21"],
      ["2015-08-21", "2015-08-23"],
    ]);
  });

  it("sorts exact times by the instant, not the text", () => {
    // 23:00 in Toronto on the 20th is 04:00 UTC on the 21st: after 02:00 UTC on the 21st.
    const t = trend([
      { at: "2026-01-20T23:00:00-05:00[America/Toronto]", value: 200 },
      { at: "2026-01-21T02:00:00Z", value: 180 },
    ]);
    expect(t.intervals[0]).toMatchObject({ from: "2026-01-21T02:00:00Z", hours: 2 });
  });

  it("a single value has no intervals, but still carries the ultrasound note", () => {
    const t = trend([{ at: "2026-01-20", value: 95 }]);
    expect(t.intervals).toEqual([]);
    expect(t.noteKey).toBe("beta.ultrasound-decides");
  });

  it("always carries the note that kinetics never rule out an ectopic pregnancy, and cites its sources", () => {
    const t = trend([
      { at: "2026-01-20", value: 95 },
      { at: "2026-01-22", value: 190 },
    ]);
    expect(t.noteKey).toBe("beta.ultrasound-decides");
    expect(t.source).toMatch(/Barnhart et al\. 2016/);
    expect(t.source).toMatch(/Dillon et al\. 2012/);
  });
});

describe("betaTrend: refusals name the field", () => {
  it("refuses an empty series", () => {
    expect(refusal(betaTrend([]))).toMatchObject({ reason: "empty-series", field: "series" });
    expect(refusal(betaTrend(null as never)).field).toBe("series");
  });

  it.each([
    [0, "invalid-value"],
    [-12, "invalid-value"],
    [Number.NaN, "invalid-value"],
    [Number.POSITIVE_INFINITY, "invalid-value"],
    ["95" as unknown as number, "invalid-value"],
    [5_000_000, "implausible-value"],
  ])("refuses the value %d (%s)", (value, reason) => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20", value: 95 },
        { at: "2026-01-22", value },
      ]),
    );
    expect(p).toMatchObject({ reason, field: "series.1.value" });
  });

  it.each([
    "2026-02-30", // no such day
    "2026-1-20",
    "20/01/2026",
    "2026-01-20T08:00:00", // a local time with no offset: which 08:00?
    "2026-01-20T08:00:00+01:00[America/Toronto]", // offset does not match the zone
    "2026-01-20T08:00:00-05:00[Mars/Olympus]",
    "",
  ])("refuses the time %j", (at) => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20T06:00:00Z", value: 95 },
        { at, value: 130 },
      ]),
    );
    expect(p).toMatchObject({ reason: "invalid-time", field: "series.1.at" });
  });

  it("refuses two values on the same date", () => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20", value: 95 },
        { at: "2026-01-22", value: 130 },
        { at: "2026-01-20", value: 97 },
      ]),
    );
    expect(p).toMatchObject({ reason: "duplicate-time", field: "series.2.at" });
  });

  it("refuses the same instant written in two zones", () => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20T08:00:00-05:00[America/Toronto]", value: 95 },
        { at: "2026-01-20T13:00:00+00:00[Europe/London]", value: 95 },
      ]),
    );
    expect(p).toMatchObject({ reason: "duplicate-time", field: "series.1.at" });
  });

  it("refuses exact times less than an hour apart (one draw, as far as a trend can tell)", () => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20T08:00:00Z", value: 95 },
        { at: "2026-01-20T08:30:00Z", value: 96 },
      ]),
    );
    expect(p).toMatchObject({ reason: "too-close", field: "series.1.at" });
  });

  it("refuses dates mixed with exact times", () => {
    const p = refusal(
      betaTrend([
        { at: "2026-01-20", value: 95 },
        { at: "2026-01-22T08:00:00-05:00[America/Toronto]", value: 130 },
      ]),
    );
    expect(p).toMatchObject({ reason: "mixed-times", field: "series.1.at" });
  });
});

describe("betaTrend: properties", () => {
  const start = Temporal.ZonedDateTime.from(toronto("2026-01-20T08:00"));
  const value = fc.double({ min: 1, max: 100_000, noNaN: true });
  const minutes = fc.integer({ min: 24 * 60, max: 7 * 24 * 60 });
  const pair = (h1: number, h2: number, dtMinutes: number) =>
    trend([
      { at: start.toString(), value: h1 },
      { at: start.add({ minutes: dtMinutes }).toString(), value: h2 },
    ]).intervals[0]!;

  it("the doubling time reproduces the second value: h1 x 2^(dt / t_d) = h2", () => {
    fc.assert(
      fc.property(value, value, minutes, (h1, h2, m) => {
        fc.pre(h2 > h1 * (1 + 1e-9));
        const i = pair(h1, h2, m);
        expect(i.doublingTimeHours).not.toBeNull();
        const back = h1 * 2 ** (i.hours / i.doublingTimeHours!);
        expect(Math.abs(back - h2) / h2).toBeLessThan(1e-6);
      }),
    );
  });

  it("over exactly 48 h, the 48-h rise is the raw rise", () => {
    fc.assert(
      fc.property(value, value, (h1, h2) => {
        const i = pair(h1, h2, 48 * 60);
        expect(i.hours).toBe(48);
        expect(i.rise48hPercent).toBeCloseTo(i.risePercent, 9);
      }),
    );
  });

  it("any order of the same values gives the same intervals", () => {
    const series = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(series, fc.array(value, { minLength: 8, maxLength: 8 }), (days, values) => {
        const points = days.map((d, k) => ({
          at: Temporal.PlainDate.from("2026-01-01").add({ days: d }).toString(),
          value: values[k]!,
        }));
        const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
        expect(trend(points)).toEqual(trend(sorted));
        expect(trend(points).intervals).toHaveLength(points.length - 1);
      }),
    );
  });
});
