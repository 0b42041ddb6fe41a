import { bankEvents } from "./bank-events.ts";
import { labEvents } from "./lab-events.ts";

/**
 * Every embryology event: the lab report events (`lab-events.ts`) and the
 * bank and storage events (`bank-events.ts`), with the lab's words and the
 * shared field schemas (`terms.ts`).
 */

export { bankEvents } from "./bank-events.ts";
export { gardnerSchema, labEvents } from "./lab-events.ts";
export {
  countSchema,
  type DiscardReason,
  discardReasons,
  type EmbryoStatus,
  embryoStatuses,
  type FertilizationMethod,
  fertilizationMethods,
  type PgtAResult,
  type PgtMResult,
  type PgtTest,
  pgtAResults,
  pgtMResults,
  pgtTests,
  storageSchema,
} from "./terms.ts";

export const embryologyEvents = {
  ...labEvents,
  ...bankEvents,
};
