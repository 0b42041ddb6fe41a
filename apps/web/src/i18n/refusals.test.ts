import { clientRefusals } from "@trellis/client";
import { type Problem, Recorder, refusalReasons } from "@trellis/domain";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { createI18n } from "./i18n.tsx";
import {
  fieldIndex,
  fieldOf,
  importRefusalText,
  notSaved,
  refusalKey,
  refusalText,
} from "./refusals.ts";

const i18n = createI18n(["en-US"]);
const shown = [...refusalReasons, ...clientRefusals];
const refusalKeys = Object.keys(en).filter((k) => k.startsWith("refusal."));

/** A value for every param a message may name, as a refusal would carry it. */
const samples: Record<string, string | number> = {
  date: "2026-03-14",
  at: "2026-03-14",
  min: 1,
  max: 44,
  maxWeeks: 44,
  maxDays: 6,
  weeks: 12,
  value: 13,
  limit: 12,
  frozen: 2,
  kept: 1,
  icsi: 1,
  left: 3,
  count: 2,
  digits: 20,
  remaining: 12,
  quantity: 10,
  age: 38,
  now: 35,
  expansion: 4,
  embryo: "E7",
  day: 5,
  medicine: "Follitropin alfa",
  unit: "IU",
  units: "IU",
  analyte: "E2",
  test: "PGT-A",
  time: "21:00",
  group: 3,
  length: 52,
  expected: 56,
  covered: 1200.5,
  amount: 1000,
  currency: "USD",
};

interface Arg {
  readonly name: string;
  /** For a select: the options it names (besides `other`); null for any other argument. */
  readonly options: readonly string[] | null;
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The arguments a message names, and for a select the options it chooses from. */
function argumentsOf(text: string): Arg[] {
  const found = new Map<string, Set<string> | null>();
  const walk = (elements: readonly Element[]) => {
    for (const e of elements) {
      if (e.value !== undefined && e.type >= 1 && e.type <= 6 && !found.get(e.value)) {
        found.set(e.value, e.type === 5 ? new Set() : null);
      }
      for (const [option, { value }] of Object.entries(e.options ?? {})) {
        if (e.type === 5 && option !== "other") found.get(e.value!)!.add(option);
        walk(value);
      }
    }
  };
  walk(new IntlMessageFormat(text, "en").getAst() as unknown as Element[]);
  return [...found].map(([name, options]) => ({ name, options: options && [...options] }));
}

/** Every way a message can be said: one rendering per option of each select, the rest from samples. */
function paramSets(text: string): Record<string, string | number>[] {
  const args = argumentsOf(text);
  const base: Record<string, string | number> = {};
  for (const a of args) {
    base[a.name] = a.options?.[0]?.replaceAll("_", "-") ?? samples[a.name] ?? "something-else";
  }
  const sets = [base];
  for (const a of args) {
    for (const option of a.options ? [...a.options.slice(1), "something-else"] : []) {
      sets.push({ ...base, [a.name]: option.replaceAll("_", "-") });
    }
  }
  return sets;
}

/** The problem a field override is for: `refusal.too-big@dose.value` → reason `too-big`, field `payload.dose.value`. */
function problemFor(key: string, params: Record<string, string | number>): Problem<string> {
  const [reason, field] = key.slice("refusal.".length).split("@") as [string, string | undefined];
  return { reason, field: field ? `payload.${field}` : "payload.something", params };
}

const fieldPath = /\b[a-z]+(\.[a-z]+)+\b|\b[a-z]+[A-Z][a-z]+\w*\b/;

describe("the refusal catalogue", () => {
  it("has words for every reason the domain and the device give", () => {
    expect(shown.filter((r) => !(`refusal.${r}` in en))).toEqual([]);
  });

  it("has words only for reasons that exist, and overrides only of those", () => {
    const reasons = new Set<string>(shown);
    const stray = refusalKeys.filter((k) => !reasons.has(k.slice(8).split("@")[0]!));
    expect(stray).toEqual([]);
  });

  it.each(refusalKeys)("renders %s every way it can be said, in words about the input", (key) => {
    const sets = paramSets(en[key as keyof typeof en]);
    for (const params of sets) {
      const problem = problemFor(key, params);
      expect(refusalKey(problem.reason as never, fieldOf(problem))).toBe(key);
      const text = refusalText(i18n, problem);
      expect(text, JSON.stringify(params)).not.toBe(en["refusals.unknown"]);
      expect(text).not.toMatch(/payload|expected|undefined|\bNaN\b|\bnull\b/i);
      expect(text).not.toMatch(/[<>]=?|[{}]/);
      expect(text).not.toMatch(fieldPath);
      expect(text).not.toContain(problem.field);
      if (problem.reason.includes("-")) expect(text).not.toContain(problem.reason);
      expect(text).toMatch(/^[A-Z0-9"]/);
      expect(text).toMatch(/[.?]$/);
    }
  });

  it("says the field's own words where one reason needs them, and the general words elsewhere", () => {
    const tooBig = (field: string, max: number) =>
      refusalText(i18n, { reason: "too-big", field, params: { max, bound: "at-most" } });
    expect(tooBig("payload.gestationalAge.weeks", 44)).toBe(
      "Weeks of pregnancy go up to 44. Check the number.",
    );
    expect(tooBig("payload.leftMm.3", 40)).toBe(
      "A follicle is not bigger than 40 mm. Check the number.",
    );
    expect(tooBig("amh", 50)).toMatch(/pmol\/L divided by 7\.14 gives ng\/mL/);
    expect(tooBig("payload.daysSinceTransfer", 400)).toBe(
      "This can't be more than 400. Check the number.",
    );
    expect(
      refusalText(i18n, {
        reason: "too-small",
        field: "payload.dose.value",
        params: { min: 0, bound: "above" },
      }),
    ).toBe("A dose can't be zero or less. Check the number on the box.");
  });

  it("shows dates the person's way and names an embryo without a label by its day", () => {
    expect(
      refusalText(i18n, {
        reason: "beta-before-transfer",
        field: "payload.drawnOn",
        params: { date: "2026-03-20" },
      }),
    ).toBe(
      "This date is before the transfer on Fri, Mar 20, 2026. Check the date on the lab's report.",
    );
    expect(
      refusalText(i18n, {
        reason: "embryo-not-available",
        field: "payload.embryoIds.0",
        params: { embryo: "", day: 5, doing: "transfer", status: "in-culture" },
      }),
    ).toBe("This can't be transferred: the day-5 embryo is still in the lab.");
  });

  it("shows money as money, in the cost's currency and the person's locale", () => {
    const over = {
      reason: "coverage-exceeds-amount",
      field: "payload.coverage",
      params: { currency: "KWD", covered: 10.125, amount: 9.5 },
    };
    expect(refusalText(i18n, over)).toBe(
      "What is covered adds up to KWD\u00a010.125, more than the cost itself (KWD\u00a09.500). Check the amounts.",
    );
    const euros = { ...over, params: { currency: "EUR", covered: 1200.5, amount: 1000 } };
    expect(refusalText(createI18n(["en-GB"]), euros)).toBe(
      "What is covered adds up to €1,200.50, more than the cost itself (€1,000.00). Check the amounts.",
    );
  });

  it("gives calm general words for a reason it does not know, never the code", () => {
    const text = refusalText(i18n, { reason: "stale-epoch", field: "payload.x" });
    expect(text).toBe(en["refusals.unknown"]);
    expect(notSaved(i18n, { reason: "stale-epoch", field: "x" })).toBe(
      `Not saved: ${en["refusals.unknown"]}`,
    );
  });

  it("says which entry of an imported file could not be read, not words meant for a form", () => {
    const entry = { reason: "invalid-id", field: "events[2].id" } as const;
    expect(refusalText(i18n, entry)).toMatch(/this form/);
    expect(importRefusalText(i18n, entry)).toBe(
      "Entry 3 of the file can't be read. The file may be damaged, or made by another app.",
    );
    expect(importRefusalText(i18n, { reason: "newer-export", field: "file.version" })).toBe(
      "This export comes from a newer Trellis. Update the app first.",
    );
  });

  it("never shows a refusal's developer detail", () => {
    const text = refusalText(i18n, {
      reason: "too-big",
      field: "payload.gestationalAge.weeks",
      params: { max: 45, bound: "at-most" },
      detail: "Too big: expected number to be <=45",
    });
    expect(text).toBe("Weeks of pregnancy go up to 45. Check the number.");
  });

  it("renders refusals as the domain really gives them, without falling back", () => {
    const r = new Recorder("phone0001", 7);
    const at = Date.UTC(2026, 2, 3, 9);
    const zone = "Europe/London";
    r.record(
      "JourneyCreated",
      {
        dateOfBirth: "1988-06-02",
        homeZone: zone,
        createdAt: `2026-03-03T09:00:00+00:00[${zone}]`,
      },
      at,
    );
    const refusals = [
      r.tryRecord("JournalNoteAdded", { noteId: r.newId(at), text: " ", writtenAt: "x" }, at),
      r.tryRecord(
        "RetrievalRecorded",
        {
          retrievalId: r.newId(at),
          retrievedOn: "2026-03-03",
          eggsRetrieved: 12,
          mature: 13,
        } as never,
        at,
      ),
      r.tryRecord("ClinicSaved", { clinicId: r.newId(at), name: "Riverside", nurseLine: "12" }, at),
      r.tryRecord(
        "CycleEnded",
        { cycleId: r.newId(at), endedOn: "2026-03-04", status: "completed" } as never,
        at,
      ),
    ];
    const texts = refusals.map((x) => (x.ok ? "saved" : refusalText(i18n, x.error)));
    expect(texts).toEqual([
      "Please write something here.",
      "The lab counts don't add up: 13 mature (MII) eggs is more than the 12 retrieved. Check the report.",
      "This has 2 digits; a phone number has at least 3.",
      "This cycle is not in your record any more. It may have been removed, perhaps on another device.",
    ]);
  });
});

describe("fieldOf and fieldIndex", () => {
  it.each([
    ["payload.dose.value", "dose.value", null],
    ["payload.leftMm.1", "leftMm", 1],
    ["[0].payload.embryos.2.grade", "embryos.grade", null],
    ["events[3].payload.text", "text", null],
    ["embryos[2].grade", "embryos.grade", null],
    ["history[1]", "history", 1],
    ["payload", "", null],
    ["type", "type", null],
  ])("%s is the form field %j (position %j)", (field, name, index) => {
    expect(fieldOf({ field })).toBe(name);
    expect(fieldIndex({ field })).toBe(index);
  });
});
