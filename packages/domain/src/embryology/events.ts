import { bankEvents } from "./bank-events.ts";
import { labEvents } from "./lab-events.ts";

/**
 * Every embryology event: the lab report events (`lab-events.ts`) and the
 * bank and storage events (`bank-events.ts`), with the lab's words and the
 * shared field schemas (`terms.ts`).
 */

export { gardnerSchema } from "./lab-events.ts";
export * from "./terms.ts";

export const embryologyEvents = {
  ...labEvents,
  ...bankEvents,
};
