/** The Costs section: totals, costs by cycle, the cost form and receipts. */
export { Costs } from "./Costs.tsx";
export { CostsDue } from "./CostsDue.tsx";
export { flushWaitingReceipts } from "./receipts.ts";
