/**
 * Every reason the domain may give for refusing something, gathered from the
 * slices. `Problem.reason` has this type, so a reason no slice exports fails
 * to compile; the web app's refusal catalogue is typed by it too, so a reason
 * without words fails there. To add one: put it in its slice's list (with the
 * params its words need in the list's doc comment), then give it words in
 * `apps/web/src/i18n/en/refusals.ts`.
 */
import { clinicalRefusals } from "./clinical/refusals.ts";
import { clinicsRefusals } from "./clinics/refusals.ts";
import { commonRefusals, eventRefusals } from "./core/refusals.ts";
import { costsRefusals } from "./costs/refusals.ts";
import { embryologyRefusals } from "./embryology/refusals.ts";
import { inventoryRefusals } from "./inventory/refusals.ts";
import { journalRefusals } from "./journal/refusals.ts";
import { journeyRefusals } from "./journey/refusals.ts";
import { monitoringRefusals } from "./monitoring/refusals.ts";
import { oddsRefusals } from "./odds/refusals.ts";
import { pregnancyRefusals } from "./pregnancy/refusals.ts";
import { treatmentRefusals } from "./treatment/refusals.ts";
import { wellbeingRefusals } from "./wellbeing/refusals.ts";

export {
  clinicalRefusals,
  clinicsRefusals,
  commonRefusals,
  costsRefusals,
  embryologyRefusals,
  eventRefusals,
  inventoryRefusals,
  journalRefusals,
  journeyRefusals,
  monitoringRefusals,
  oddsRefusals,
  pregnancyRefusals,
  treatmentRefusals,
  wellbeingRefusals,
};

export type RefusalReason =
  | (typeof commonRefusals)[number]
  | (typeof eventRefusals)[number]
  | (typeof journeyRefusals)[number]
  | (typeof journalRefusals)[number]
  | (typeof treatmentRefusals)[number]
  | (typeof inventoryRefusals)[number]
  | (typeof monitoringRefusals)[number]
  | (typeof wellbeingRefusals)[number]
  | (typeof embryologyRefusals)[number]
  | (typeof pregnancyRefusals)[number]
  | (typeof clinicsRefusals)[number]
  | (typeof costsRefusals)[number]
  | (typeof clinicalRefusals)[number]
  | (typeof oddsRefusals)[number];

/** Every domain reason once, for tests and for checking a reason that came from outside. */
export const refusalReasons: readonly RefusalReason[] = [
  ...new Set<RefusalReason>([
    ...commonRefusals,
    ...eventRefusals,
    ...journeyRefusals,
    ...journalRefusals,
    ...treatmentRefusals,
    ...inventoryRefusals,
    ...monitoringRefusals,
    ...wellbeingRefusals,
    ...embryologyRefusals,
    ...pregnancyRefusals,
    ...clinicsRefusals,
    ...costsRefusals,
    ...clinicalRefusals,
    ...oddsRefusals,
  ]),
];

const known: ReadonlySet<string> = new Set(refusalReasons);

export function isRefusalReason(text: string): text is RefusalReason {
  return known.has(text);
}
