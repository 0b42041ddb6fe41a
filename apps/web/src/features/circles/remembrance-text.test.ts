import { emptyState, type Remembrance } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { isCircleInvite } from "./invite-fragment.ts";
import { remembranceFor, remembranceText } from "./remembrance-text.ts";

const i18n = createI18n(["en"]);

describe("a post begun from a remembrance", () => {
  it("says the name, the date, the place and the words, one to a line", () => {
    expect(
      remembranceText(i18n, {
        name: "Robin",
        date: "2026-06-20",
        place: "the birch in Grandma's garden",
        words: "Always with us.",
      }),
    ).toBe(
      "In memory of Robin.\nSat, Jun 20, 2026.\nWe remember at the birch in Grandma's garden.\nAlways with us.",
    );
  });

  it("leaves out what the person did not write", () => {
    expect(remembranceText(i18n, { words: "We think of you." })).toBe("We think of you.");
  });

  it("finds nothing for a remembrance that is not there or was removed", () => {
    const kept: Remembrance = {
      id: "r1",
      name: "Robin",
      date: null,
      note: "Always with us.",
      transferId: null,
      removed: false,
      private: false,
      place: "the birch",
      transferDate: null,
      weeks: { weeks: 8, days: 2 },
      dueDate: "2026-12-01",
      photos: [],
      anniversary: null,
    };
    const state = {
      ...emptyState,
      remembrances: new Map([
        ["r1", kept],
        ["r2", { ...kept, id: "r2", removed: true }],
      ]),
    };
    expect(remembranceFor(state, "nope")).toBeNull();
    expect(remembranceFor(state, "r2")).toBeNull();
    expect(remembranceFor(state, "r1")).toEqual({
      name: "Robin",
      place: "the birch",
      words: "Always with us.",
    });
  });
});

describe("a circle invite's fragment", () => {
  it("has the circle, the invite, the token and the owner's key", () => {
    expect(isCircleInvite("#v=a&i=b&t=c&o=d")).toBe(true);
    expect(isCircleInvite("#v=a&i=b&t=c")).toBe(false);
    expect(isCircleInvite("#v=&i=b&t=c&o=d")).toBe(false);
    expect(isCircleInvite("")).toBe(false);
  });
});
