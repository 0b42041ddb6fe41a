import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";

describe("the English message catalogue", () => {
  const entries = Object.entries(en);

  it("has messages that all compile as ICU messages", () => {
    for (const [key, text] of entries) {
      expect(() => new IntlMessageFormat(text, "en"), key).not.toThrow();
    }
  });

  it("never raises its voice: no exclamation marks", () => {
    expect(entries.filter(([, text]) => text.includes("!")).map(([k]) => k)).toEqual([]);
  });

  it("has no empty messages", () => {
    expect(entries.filter(([, text]) => text.trim() === "").map(([k]) => k)).toEqual([]);
  });
});
