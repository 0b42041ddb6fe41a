/** The Costs section: totals, costs by cycle, the cost form and receipts. */
export { Costs } from "./Costs.tsx";
export { CostsDue } from "./CostsDue.tsx";
export { defaultCurrency } from "./currency.ts";
export { flushWaitingReceipts } from "./receipts.ts";
