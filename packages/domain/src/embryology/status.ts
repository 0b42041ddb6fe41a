import type { EmbryoStatus } from "./events.ts";
import type { Embryo, EmbryoHistoryEntry } from "./state.ts";

/**
 * The one way an embryo's status changes: a new history entry from the event
 * that caused it, and the status set from that entry. Nothing else writes
 * `status`, so the last history entry and the status always agree.
 */
export function withHistory(embryo: Embryo, entry: EmbryoHistoryEntry): Embryo {
  return {
    ...embryo,
    status: entry.status,
    history: [...embryo.history, entry],
  };
}

/** Statuses an embryo can still leave: it is in the lab or in the freezer. */
export const inBank: readonly EmbryoStatus[] = ["in-culture", "frozen"];

export function isInBank(e: Pick<Embryo, "status" | "retracted">): boolean {
  return !e.retracted && inBank.includes(e.status);
}

/** The embryo's name for messages: the lab's label, or its grade and day. */
export function embryoName(e: Pick<Embryo, "label" | "grade" | "day">): string {
  if (e.label) return e.label;
  return e.grade ? `the day-${e.day} ${e.grade}` : `the day-${e.day} embryo`;
}

/** How an embryo's status reads inside a message ("it is {words}"). */
export const statusWords: Record<EmbryoStatus, string> = {
  "in-culture": "in culture",
  frozen: "frozen",
  transferred: "already transferred",
  discarded: "discarded",
  donated: "donated",
  shipped: "shipped away",
  carrier: "already transferred to a carrier",
};
