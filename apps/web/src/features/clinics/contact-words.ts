import { phoneProblem, webLinkProblem } from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";

/**
 * What is wrong with a phone number or a link as typed, in the catalogue's
 * words (the domain gives the reason; these say it to the person). Empty
 * input is no problem here: a form decides what it requires.
 */
export function phoneError(t: I18n["t"], typed: string): string | undefined {
  if (!typed.trim()) return undefined;
  const bad = phoneProblem(typed);
  return bad ? t(`refusal.${bad.reason}`, { digits: bad.digits }) : undefined;
}

/**
 * A link as the person typed it, made whole: `portal.clinic.example` becomes
 * `https://portal.clinic.example`. Anything with its own scheme (`http:`,
 * `javascript:`) is left as it is, to be refused.
 */
export function wholeLink(typed: string): string {
  const text = typed.trim();
  if (!text) return "";
  return /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `https://${text}`;
}

export function linkError(t: I18n["t"], typed: string): string | undefined {
  const link = wholeLink(typed);
  if (!link) return undefined;
  const bad = webLinkProblem(link);
  return bad ? t(`refusal.${bad.reason}`) : undefined;
}
