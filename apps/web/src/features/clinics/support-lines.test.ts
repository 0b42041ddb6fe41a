import { crisisLines } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import { isSupportCountry, linesFor, siteName, supportCountries } from "./support-lines.ts";

const all = supportCountries.flatMap((c) => linesFor(c));

describe("support lines", () => {
  it("keep the tags of the clinical reference (§12 loss lines, §9 mental-health lines from the domain)", () => {
    expect(all.map((l) => [l.country, l.organisation, l.contact, l.tag])).toEqual([
      ["AU", "Sands Australia", "1300 072 637", "checked"],
      ["AU", "Lifeline", "13 11 14", "secondary"],
      ["AU", "Pregnancy, Birth and Baby", "1800 882 436", "checked"],
      ["CA", "9-8-8 Suicide Crisis Helpline", "988", "checked"],
      ["IE", "Samaritans", "116 123", "secondary"],
      ["IE", "Pieta", "1800 247 247", "secondary"],
      ["GB", "The Miscarriage Association", "01924 200799", "checked"],
      ["GB", "Sands (stillbirth and neonatal death charity)", "0808 164 3332", "unverified"],
      ["GB", "Samaritans", "116 123", "checked"],
      ["GB", "NHS 111", "111, then the mental health option", "checked"],
      ["US", "Postpartum Support International", "1-800-944-4773", "unverified"],
      ["US", "988 Suicide & Crisis Lifeline", "988", "checked"],
      [
        "US",
        "National Maternal Mental Health Hotline",
        "1-833-852-6262 (1-833-TLC-MAMA)",
        "secondary",
      ],
    ]);
  });

  it("show every crisis line the symptom check knows, so the two lists never disagree", () => {
    expect(new Set(all.map((l) => l.id))).toEqual(
      new Set([
        ...crisisLines.map((l) => l.id),
        "sands-au",
        "miscarriage-association",
        "sands-uk",
        "psi",
      ]),
    );
    for (const l of crisisLines) expect(isSupportCountry(l.country), l.id).toBe(true);
  });

  it("each link to the organisation's own secure website, dial digits, and have words in the catalogue", () => {
    for (const l of all) {
      expect(l.website, l.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[a-z0-9-/]*)?$/);
      expect(l.tel.replace("+", ""), l.id).toMatch(/^\d+$/);
      expect(en[l.what], l.id).toBeTruthy();
    }
    expect(siteName("https://www.sands.org.au")).toBe("sands.org.au");
    expect(siteName("https://988lifeline.org")).toBe("988lifeline.org");
    expect(siteName("https://www.samaritans.org/ireland")).toBe("samaritans.org/ireland");
  });

  it("put the crisis lines first when thoughts of self-harm are the worry", () => {
    expect(linesFor("US", true).map((l) => l.id)).toEqual([
      "988-us",
      "psi",
      "maternal-mental-health-hotline",
    ]);
    expect(linesFor("US").map((l) => l.id)).toEqual([
      "psi",
      "988-us",
      "maternal-mental-health-hotline",
    ]);
    expect(linesFor("other")).toEqual([]);
    for (const country of supportCountries) expect(linesFor(country).length).toBeGreaterThan(0);
  });
});
