/** Why the medicine supplies refuse an event (words: the web app's refusal catalogue). */
export const inventoryRefusals = [
  "unknown-supply",
  "duplicate-supply",
  "expired",
  "more-than-supplied",
  "already-removed",
] as const;

export type InventoryRefusal = (typeof inventoryRefusals)[number];
