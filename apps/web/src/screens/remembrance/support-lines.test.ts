import { describe, expect, it } from "vitest";
import { countryOfZone, supportLines } from "./support-lines.ts";

describe("support lines", () => {
  it("are chosen by the country of the home time zone, when Trellis has lines for it", () => {
    expect(countryOfZone("America/New_York")).toBe("US");
    expect(countryOfZone("America/Indiana/Indianapolis")).toBe("US");
    expect(countryOfZone("Pacific/Honolulu")).toBe("US");
    expect(countryOfZone("Australia/Sydney")).toBe("AU");
    expect(countryOfZone("Europe/London")).toBe("GB");
    expect(countryOfZone("America/Toronto")).toBeNull();
    expect(countryOfZone("Europe/Paris")).toBeNull();
  });

  it("keep the tags of shared/reference/support.md", () => {
    expect(supportLines.map((l) => [l.organisation, l.contact, l.tag])).toEqual([
      ["Sands Australia", "1300 072 637", "checked"],
      ["The Miscarriage Association", "01924 200799", "checked"],
      ["Sands (stillbirth and neonatal death charity)", "0808 164 3332", "unverified"],
      ["Postpartum Support International", "1-800-944-4773", "unverified"],
      ["988 Suicide & Crisis Lifeline", "988", "unverified"],
    ]);
  });
});
