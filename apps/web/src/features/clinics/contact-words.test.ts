import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { linkError, phoneError, wholeLink } from "./contact-words.ts";

const { t } = createI18n(["en"]);

describe("words for a clinic's numbers and links", () => {
  it("say what is wrong with a phone number, and nothing when it could be one", () => {
    expect(phoneError(t, "03 5550 1234")).toBeUndefined();
    expect(phoneError(t, "")).toBeUndefined();
    expect(phoneError(t, "1-833-TLC-MAMA")).toBe(
      "A phone number holds only digits, spaces and + - ( ) . /. Put an extension or a menu option in the notes.",
    );
    expect(phoneError(t, "12")).toBe("This has 2 digits; a phone number has at least 3.");
    expect(phoneError(t, "1234567890123456")).toMatch(
      /^This has 16 digits; a phone number has at most 15/,
    );
  });

  it("complete a link typed without https://, and refuse any other scheme", () => {
    expect(wholeLink(" portal.riverside.example/login ")).toBe(
      "https://portal.riverside.example/login",
    );
    expect(wholeLink("portal.riverside.example:8443")).toBe(
      "https://portal.riverside.example:8443",
    );
    expect(wholeLink("http://portal.riverside.example")).toBe("http://portal.riverside.example");
    expect(linkError(t, "portal.riverside.example")).toBeUndefined();
    expect(linkError(t, "http://portal.riverside.example")).toMatch(/starts with https:\/\//);
    expect(linkError(t, "javascript:alert(1)")).toMatch(/starts with https:\/\//);
    expect(linkError(t, "my clinic portal")).toMatch(/does not look like a web address/);
  });
});
