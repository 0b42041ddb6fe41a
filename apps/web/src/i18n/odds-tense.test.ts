import { describe, expect, it } from "vitest";
import { type Catalogue, en } from "./en.ts";

/**
 * Odds are projections: "of 100 people like you, about 41 would have a baby",
 * never "had". The past tense is for what really happened, in the person's
 * own record. Every odds string is held to that, except the few below that
 * speak of the real past, each with its reason.
 */

/** Words that would say a projected outcome already happened. */
const PAST_TENSE = [
  "had",
  "got",
  "were",
  "was",
  "was able",
  "became",
  "led",
  "gave",
  "resulted",
  "achieved",
  "succeeded",
  "ended up",
  "went on",
  "took home",
  "did",
] as const;

/** Odds strings about what really happened, where the past tense is right. */
const ABOUT_THE_REAL_PAST: Readonly<Record<string, string>> = {
  "odds.sources.tags": "how we read each source",
  "odds.bank.leftOut.age-outside": "when the person's eggs were collected",
  "odds.eggs.age": "when the person's eggs were frozen",
};

/** The past-tense words in a message, lower case, in order. */
export function pastTenseIn(text: string): string[] {
  const found: string[] = [];
  for (const word of PAST_TENSE) {
    const pattern = new RegExp(`\\b${word.replace(" ", "\\s+")}\\b`, "gi");
    for (const _ of text.matchAll(pattern)) found.push(word);
  }
  return found;
}

/** Odds keys whose message speaks of a projection in the past tense. */
function pastProjections(catalogue: Readonly<Partial<Catalogue>>): string[] {
  return Object.entries(catalogue)
    .filter(([key]) => key.startsWith("odds.") && !(key in ABOUT_THE_REAL_PAST))
    .filter(([, text]) => pastTenseIn(text ?? "").length > 0)
    .map(([key]) => key);
}

describe("odds speak of projections in the conditional", () => {
  it("no odds string says a projection already happened", () => {
    expect(pastProjections(en)).toEqual([]);
  });

  it("catches 'had' (and its kin) the moment someone writes it", () => {
    expect(pastTenseIn("Of 100 people like you, about 41 had a baby.")).toEqual(["had"]);
    expect(pastTenseIn("about 3 in 100 became a baby; most GOT none")).toEqual(["got", "became"]);
    expect(pastTenseIn("Of 100 transfers, led to a baby")).toEqual(["led"]);
    expect(pastTenseIn("was\nable to")).toEqual(["was", "was able"]);
    expect(pastTenseIn("would have a baby; would not; leads to; has; shadow")).toEqual([]);

    const slipped = {
      ...en,
      "odds.freq.plan": en["odds.freq.plan"].replace("would have", "had"),
    };
    expect(pastProjections(slipped)).toEqual(["odds.freq.plan"]);
    const added = { ...en, "odds.freq.new": "Of 100 people, about {n} got pregnant." } as never;
    expect(pastProjections(added)).toEqual(["odds.freq.new"]);
  });

  it("the strings allowed the past tense exist and really speak of the past", () => {
    for (const key of Object.keys(ABOUT_THE_REAL_PAST)) {
      expect(en[key as keyof typeof en], key).toBeDefined();
      expect(pastTenseIn(en[key as keyof typeof en]), key).not.toEqual([]);
    }
  });

  it("every count of people says both sides: who would, and who would not", () => {
    const counts = ["odds.freq.bank", "odds.freq.eggs", "odds.freq.plan", "odds.freq.planOwn"];
    for (const key of counts) {
      const text = en[key as keyof typeof en];
      expect(text, key).toMatch(/would have \{goal\}/);
      expect(text, key).toMatch(/would not\.$/);
      // The range is said in a sentence of its own, never inside the count.
      expect(text, key).not.toMatch(/\{low\}|\{high\}/);
    }
  });
});
