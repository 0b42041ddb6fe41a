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

/**
 * What a refusal about one embryo needs to name it: the lab's `label`, else
 * its `grade`, else nothing (`""`), and its `day`. A screen says the words.
 */
export function embryoParams(e: Pick<Embryo, "label" | "grade" | "day">): {
  embryo: string;
  day: number;
} {
  return { embryo: e.label ?? e.grade ?? "", day: e.day };
}
