import type { Handlers } from "../state/handler.ts";
import { type OutcomeEvents, outcomeHandlers } from "./outcome-handlers.ts";
import { type PathEvents, pathHandlers } from "./path-handlers.ts";
import { type RemembranceEvents, remembranceHandlers } from "./remembrance-handlers.ts";
import { type TransferEvents, transferHandlers } from "./transfer-handlers.ts";

/**
 * Every pregnancy handler: transfers (`transfer-handlers.ts`), betas,
 * outcomes and the yes after a loss (`outcome-handlers.ts`), remembrance
 * pages (`remembrance-handlers.ts`) and paths beside IVF (`path-handlers.ts`).
 */
export const pregnancyHandlers: Handlers<
  TransferEvents | OutcomeEvents | RemembranceEvents | PathEvents
> = {
  ...transferHandlers,
  ...outcomeHandlers,
  ...remembranceHandlers,
  ...pathHandlers,
};
