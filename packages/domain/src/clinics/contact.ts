import { personText } from "../core/text.ts";
import { refusal } from "../core/zod-problem.ts";
import type { ClinicsRefusal } from "./refusals.ts";

/**
 * Phone numbers and web links as people type them into a clinic card or a
 * support line. These are plausibility guards, not a numbering plan: they
 * catch a letter typed for a digit, a `+` in the middle, a number cut short or
 * pasted twice. They are not clinical facts.
 */

/** Why a phone number cannot be right; the web catalogue turns each into words. */
export type PhoneReason = Extract<ClinicsRefusal, `phone-${string}`>;

export interface PhoneProblem {
  readonly reason: PhoneReason;
  /** How many digits the number has (after a `(0)` written after a country code). */
  readonly digits: number;
}

/** The shortest number worth keeping: short codes such as 988 or 111. */
export const PHONE_MIN_DIGITS = 3;
/** ITU-T E.164: at most 15 digits, country code included. */
export const PHONE_MAX_DIGITS = 15;

// Digits and what people put between them: spaces, dashes, dots, brackets, slashes.
const PHONE_CHARACTERS = /^[\d\s+\-()./]*$/;

/** The digits to dial, `+` first for an international number; `(0)` after a country code is not dialled. */
function dialled(number: string): { plus: boolean; digits: string } {
  const text = number.trim();
  const plus = text.startsWith("+");
  const body = plus ? text.slice(1).replace(/\(\s*0\s*\)/g, "") : text;
  return { plus, digits: body.replace(/\D/g, "") };
}

/**
 * Whether what the person typed could be a phone number, and if not, why.
 * `null` when it could.
 */
export function phoneProblem(number: string): PhoneProblem | null {
  const text = number.trim();
  const { digits } = dialled(text);
  const count = digits.length;
  if (!PHONE_CHARACTERS.test(text)) {
    return { reason: "phone-characters", digits: count };
  }
  if (text.indexOf("+", 1) !== -1) {
    return { reason: "phone-plus", digits: count };
  }
  if (count < PHONE_MIN_DIGITS) {
    return { reason: "phone-too-few-digits", digits: count };
  }
  if (count > PHONE_MAX_DIGITS) {
    return { reason: "phone-too-many-digits", digits: count };
  }
  return null;
}

/**
 * A `tel:` link for a number as the person typed it: the digits, with a
 * leading `+` kept (`+44 (0)20 7946 0018` → `tel:+442079460018`). `null` when
 * there are no digits to dial.
 */
export function telHref(number: string): string | null {
  const { plus, digits } = dialled(number);
  if (digits.length === 0) return null;
  return `tel:${plus ? "+" : ""}${digits}`;
}

/** Why a web link cannot be kept. */
export type LinkReason = Extract<ClinicsRefusal, `link-${string}`>;

export interface LinkProblem {
  readonly reason: LinkReason;
}

// https, then a host name with at least one dot and a top-level name of letters
// (or punycode), an optional port, then anything but spaces. No user name
// before the host (`https://clinic.com@elsewhere.example` is refused).
const HTTPS_LINK =
  /^https:\/\/(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

/**
 * Whether a link can be kept: only secure web addresses (`https://`), so a
 * tap never opens an unencrypted page or runs something that is not a page.
 */
export function webLinkProblem(link: string): LinkProblem | null {
  const text = link.trim();
  if (!/^https:\/\//i.test(text)) {
    return { reason: "link-not-https" };
  }
  if (!HTTPS_LINK.test(text)) {
    return { reason: "link-invalid" };
  }
  return null;
}

/** A phone number as typed (kept as typed: it is what the person reads). */
export const phoneSchema = personText(40).superRefine((text, ctx) => {
  const bad = phoneProblem(text);
  if (bad) ctx.addIssue({ code: "custom", ...refusal(bad.reason, { digits: bad.digits }) });
});

/** A secure web address. */
export const webLinkSchema = personText(500).superRefine((text, ctx) => {
  const bad = webLinkProblem(text);
  if (bad) ctx.addIssue({ code: "custom", ...refusal(bad.reason) });
});
