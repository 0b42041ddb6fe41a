import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PHONE_MAX_DIGITS,
  PHONE_MIN_DIGITS,
  phoneProblem,
  telHref,
  webLinkProblem,
} from "./contact.ts";

// Numbers below are the ones set aside for drama and examples (Ofcom 020 7946 0xxx,
// ACMA 03 5550 xxxx, NANP 555-01xx), and the published short codes.
describe("a phone number as a person types it", () => {
  it.each([
    ["03 5550 1234", "tel:0355501234"],
    ["+61 3 5550 1234", "tel:+61355501234"],
    ["+44 (0)20 7946 0018", "tel:+442079460018"],
    ["020 7946 0018", "tel:02079460018"],
    ["(212) 555-0123", "tel:2125550123"],
    ["1-800-555-0199", "tel:18005550199"],
    ["212.555.0123", "tel:2125550123"],
    ["988", "tel:988"],
    ["  116 123  ", "tel:116123"],
  ])("%s is a number, dialled as %s", (typed, href) => {
    expect(phoneProblem(typed)).toBeNull();
    expect(telHref(typed)).toBe(href);
  });

  it("has no link when there is nothing to dial", () => {
    expect(telHref("")).toBeNull();
    expect(telHref("call the ward")).toBeNull();
  });

  it("refuses letters, an extension written after the number too (its words say: in the notes)", () => {
    expect(phoneProblem("1-833-TLC-MAMA")).toMatchObject({ reason: "phone-characters" });
    expect(phoneProblem("020 7946 0018 ext 4")).toEqual({ reason: "phone-characters", digits: 12 });
  });

  it("refuses a + anywhere but the start", () => {
    expect(phoneProblem("0044 +20 7946 0018")).toMatchObject({ reason: "phone-plus" });
  });

  it("refuses a number cut short or pasted twice, saying how many digits it has", () => {
    expect(phoneProblem("55")).toEqual({
      reason: "phone-too-few-digits",
      digits: 2,
    });
    expect(phoneProblem("020 7946 0018 020 7946 0018")).toMatchObject({
      reason: "phone-too-many-digits",
      digits: 22,
    });
    expect(phoneProblem("+")).toMatchObject({ reason: "phone-too-few-digits", digits: 0 });
  });

  it("dials exactly the digits typed, + first, whenever the number is accepted", () => {
    const typed = fc
      .array(fc.constantFrom(..."0123456789  -().+/"), { maxLength: 30 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(typed, (text) => {
        if (phoneProblem(text)) return;
        const href = telHref(text)!;
        expect(href).toMatch(/^tel:\+?\d+$/);
        const digits = href.replace(/\D/g, "").length;
        expect(digits).toBeGreaterThanOrEqual(PHONE_MIN_DIGITS);
        expect(digits).toBeLessThanOrEqual(PHONE_MAX_DIGITS);
        expect(href.startsWith("tel:+")).toBe(text.trim().startsWith("+"));
      }),
    );
  });
});

describe("a web link", () => {
  it.each([
    "https://www.sands.org.au",
    "https://portal.riverside-fertility.example/login?next=%2Fresults#top",
    "HTTPS://Portal.Example.com",
    "https://xn--bcher-kva.example:8443/",
  ])("keeps %s", (link) => {
    expect(webLinkProblem(link)).toBeNull();
  });

  it.each([
    "http://portal.riverside-fertility.example",
    "portal.riverside-fertility.example",
    "javascript:alert(1)",
    "ftp://files.example.com",
  ])("refuses %s: only https://", (link) => {
    expect(webLinkProblem(link)).toMatchObject({ reason: "link-not-https" });
  });

  it.each([
    "https://",
    "https://localhost",
    "https://portal example.com",
    "https://riverside.example@elsewhere.example",
    "https://.example.com",
  ])("refuses %s: not a web address", (link) => {
    expect(webLinkProblem(link)).toEqual({ reason: "link-invalid" });
  });
});
