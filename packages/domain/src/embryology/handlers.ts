import type { Handlers } from "../state/handler.ts";
import { type BankEvents, bankHandlers } from "./bank-handlers.ts";
import { type LabCorrectionEvents, labCorrectionHandlers } from "./correction-handlers.ts";
import { type StorageFeeEvents, storageFeeHandlers } from "./fee-handlers.ts";
import { type LabReportEvents, labReportHandlers } from "./lab-handlers.ts";

/**
 * Every embryology handler: the lab's reports (`lab-handlers.ts`), their
 * corrections (`correction-handlers.ts`), the bank (`bank-handlers.ts`) and
 * storage fees (`fee-handlers.ts`); what they ask of the record before an
 * event applies is in `checks.ts`, how they write it in `writes.ts`.
 */
export const embryologyHandlers: Handlers<
  LabReportEvents | LabCorrectionEvents | BankEvents | StorageFeeEvents
> = {
  ...labReportHandlers,
  ...labCorrectionHandlers,
  ...bankHandlers,
  ...storageFeeHandlers,
};
