/**
 * Every word Trellis says to a person, in English: one catalogue, split by
 * area only to keep files small. Other languages copy these keys. Messages use
 * ICU syntax ({name}, plurals); dates, numbers and units are formatted with
 * Intl, never written into these strings.
 *
 * Tone: plain, calm and kind. No exclamation marks, no cheering, never blame.
 */
import { account } from "./en/account.ts";
import { circles } from "./en/circles.ts";
import { clinicSummary } from "./en/clinic-summary.ts";
import { clinics } from "./en/clinics.ts";
import { core } from "./en/core.ts";
import { costs } from "./en/costs.ts";
import { cycle } from "./en/cycle.ts";
import { embryos } from "./en/embryos.ts";
import { lock } from "./en/lock.ts";
import { monitoring } from "./en/monitoring.ts";
import { odds } from "./en/odds.ts";
import { pregnancy } from "./en/pregnancy.ts";
import { push } from "./en/push.ts";
import { records } from "./en/records.ts";
import { refusals } from "./en/refusals.ts";
import { sharing } from "./en/sharing.ts";
import { today } from "./en/today.ts";
import { wellbeing } from "./en/wellbeing.ts";

export const en = {
  ...core,
  ...cycle,
  ...today,
  ...monitoring,
  ...wellbeing,
  ...embryos,
  ...pregnancy,
  ...account,
  ...sharing,
  ...circles,
  ...odds,
  ...clinics,
  ...clinicSummary,
  ...costs,
  ...lock,
  ...push,
  ...refusals,
  ...records,
} as const;

export type MessageKey = keyof typeof en;

type PartsWith<W extends string> = MessageKey extends infer K
  ? K extends `${infer P}.${W}`
    ? P
    : never
  : never;

/**
 * A part of the catalogue that holds every one of `W` (`<part>.<word>`), for
 * a piece that says the same things for many screens in their own words:
 * `WordsFamily<"title" | "intro" | "save">` is "embryos.thaw", "embryos.new"...
 */
export type WordsFamily<W extends string> = {
  [P in PartsWith<W>]: `${P}.${W}` extends MessageKey ? P : never;
}[PartsWith<W>];
export type Catalogue = Record<MessageKey, string>;
