import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en.ts";
import {
  countryOfZone,
  linesFor,
  siteName,
  supportCountries,
  supportLines,
} from "./support-lines.ts";

describe("support lines", () => {
  it("are chosen by the country of the home time zone, when Trellis has lines for it", () => {
    expect(countryOfZone("America/New_York")).toBe("US");
    expect(countryOfZone("America/Indiana/Indianapolis")).toBe("US");
    expect(countryOfZone("Pacific/Honolulu")).toBe("US");
    expect(countryOfZone("Australia/Sydney")).toBe("AU");
    expect(countryOfZone("Europe/London")).toBe("GB");
    expect(countryOfZone("Europe/Dublin")).toBe("IE");
    expect(countryOfZone("America/Toronto")).toBe("CA");
    expect(countryOfZone("America/St_Johns")).toBe("CA");
    expect(countryOfZone("America/Mexico_City")).toBeNull();
    expect(countryOfZone("Europe/Paris")).toBeNull();
  });

  it("keep the tags of the clinical reference (§12 support lines, §9 crisis lines)", () => {
    expect(supportLines.map((l) => [l.country, l.organisation, l.contact, l.tag])).toEqual([
      ["AU", "Sands Australia", "1300 072 637", "checked"],
      ["AU", "Pregnancy, Birth and Baby", "1800 882 436", "checked"],
      ["AU", "Lifeline", "13 11 14", "secondary"],
      ["CA", "9-8-8 Suicide Crisis Helpline", "988", "checked"],
      ["IE", "Samaritans", "116 123", "secondary"],
      ["IE", "Pieta", "1800 247 247", "secondary"],
      ["GB", "The Miscarriage Association", "01924 200799", "checked"],
      ["GB", "Sands (stillbirth and neonatal death charity)", "0808 164 3332", "unverified"],
      ["GB", "Samaritans", "116 123", "checked"],
      ["US", "Postpartum Support International", "1-800-944-4773", "unverified"],
      ["US", "National Maternal Mental Health Hotline", "1-833-852-6262", "secondary"],
      ["US", "988 Suicide & Crisis Lifeline", "988", "unverified"],
    ]);
  });

  it("each link to the organisation's own secure website, and dial the digits they show", () => {
    for (const l of supportLines) {
      expect(l.website, l.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[a-z0-9-/]*)?$/);
      expect(l.tel.replace("+", ""), l.id).toMatch(/^\d+$/);
      expect(l.tel.endsWith(l.contact.replace(/\D/g, "").replace(/^0/, "")), l.id).toBe(true);
      expect(en[l.what], l.id).toBeTruthy();
    }
    expect(siteName("https://www.sands.org.au")).toBe("sands.org.au");
    expect(siteName("https://988lifeline.org")).toBe("988lifeline.org");
    expect(siteName("https://www.samaritans.org/ireland")).toBe("samaritans.org/ireland");
  });

  it("put the crisis lines first when thoughts of self-harm are the worry", () => {
    expect(linesFor("US", true).map((l) => l.id)).toEqual([
      "988",
      "psi",
      "maternal-mental-health-hotline",
    ]);
    expect(linesFor("US").map((l) => l.id)).toEqual([
      "psi",
      "maternal-mental-health-hotline",
      "988",
    ]);
    expect(linesFor("other")).toEqual([]);
    for (const country of supportCountries) expect(linesFor(country).length).toBeGreaterThan(0);
  });
});
