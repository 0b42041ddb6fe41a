import type {
  DiscardReason,
  EmbryoStatus,
  FertilizationMethod,
  PgtAResult,
  PgtMResult,
} from "./events.ts";

/** Where frozen eggs or embryos are kept. */
export interface Storage {
  readonly clinic: string | null;
  readonly location: string | null;
}

/** Which lab report filled in which part of a cohort, in the order they arrived. */
export interface LabUpdate {
  readonly kind:
    | "retrieval"
    | "thaw"
    | "fertilization"
    | "day3"
    | "blastocysts"
    | "pgt"
    | "correction";
  readonly on: string;
  readonly eventId: string;
  /** Day 5, 6 or 7 for a blastocyst report. */
  readonly day?: number;
}

/**
 * The eggs that go through the lab together: those of one retrieval, or the
 * frozen eggs thawed on one day. Counts are `null` until the lab reports them.
 */
export interface EggCohort {
  readonly id: string;
  readonly kind: "retrieval" | "thaw";
  /** Retrieval or thaw date. */
  readonly date: string;
  /**
   * The date the eggs were collected (for a thaw: the latest freezing date of
   * its batches). Age on this date is the age that counts for egg quality.
   */
  readonly eggsCollectedOn: string;
  readonly cycleId: string | null;
  readonly clinic: string | null;
  readonly folliclesAtTrigger: number | null;
  /** Eggs retrieved, or eggs thawed. */
  readonly eggs: number;
  /** Thaw only: eggs that survived the thaw (all of them mature). */
  readonly survived: number | null;
  readonly mature: number | null;
  readonly method: FertilizationMethod | null;
  /** Normally fertilized (2PN). */
  readonly fertilized: number | null;
  /** Still developing on day 3. */
  readonly day3: number | null;
  /** Days (5, 6, 7) for which the lab reported blastocysts, even none. */
  readonly blastocystDays: readonly number[];
  /** Thaw only: the frozen-egg batches thawed, with how many eggs from each. */
  readonly batches: readonly { readonly batchId: string; readonly count: number }[];
  readonly notes: readonly string[];
  readonly updates: readonly LabUpdate[];
  readonly retracted: boolean;
}

/** One step in an embryo's life, from the event that caused it. */
export interface EmbryoHistoryEntry {
  readonly on: string;
  readonly status: EmbryoStatus;
  /** The event type that made the change (`BlastocystsReported`, `TransferRecorded`, ...). */
  readonly cause: string;
  readonly eventId: string;
  readonly reason?: DiscardReason | undefined;
  readonly to?: string | undefined;
  readonly storage?: Storage | undefined;
  /** For a transfer: its id. */
  readonly transferId?: string | undefined;
  /** A correction or a removal: status unchanged, said in words. */
  readonly note?: "corrected" | "retracted" | "result" | "thawed" | "moved" | "transfer-undone";
}

export interface PgtA {
  readonly result: PgtAResult;
  readonly mosaicLevel: "low" | "high" | null;
  readonly reportedOn: string;
}

export interface PgtM {
  readonly result: PgtMResult;
  readonly reportedOn: string;
}

export interface Embryo {
  readonly id: string;
  readonly cohortId: string;
  readonly label: string | null;
  /** Day of development when it was graded and frozen or kept: 3, 5, 6 or 7. */
  readonly day: 3 | 5 | 6 | 7;
  /** Gardner grade for a blastocyst (`4AA`); the lab's words for a day-3 embryo. */
  readonly grade: string | null;
  readonly biopsied: boolean;
  readonly pgtA: PgtA | null;
  readonly pgtM: PgtM | null;
  /** Recorded only if the person chose to; shown only if they ask. */
  readonly sex: "female" | "male" | null;
  readonly status: EmbryoStatus;
  readonly discardReason: DiscardReason | null;
  /** Donated or shipped: to whom. */
  readonly to: string | null;
  readonly storage: Storage | null;
  /** The transfer it went to, when transferred. */
  readonly transferId: string | null;
  readonly everFrozen: boolean;
  /** Every change, oldest first; the last entry's status is `status`. */
  readonly history: readonly EmbryoHistoryEntry[];
  readonly retracted: boolean;
}

export interface OocyteBatch {
  readonly id: string;
  readonly retrievalId: string | null;
  readonly frozenOn: string;
  readonly count: number;
  /** Eggs thawed so far, by thaw. */
  readonly thaws: readonly { readonly thawId: string; readonly count: number }[];
  readonly storage: Storage | null;
  readonly note: string | null;
}

export interface StorageFeePayment {
  readonly dueOn: string;
  readonly paidOn: string;
  readonly eventId: string;
  /**
   * What was paid: the fee's amount when the payment was recorded, so a later
   * change of price does not rewrite what was paid before (`costSummary`).
   */
  readonly amount: { readonly value: number; readonly currency: string };
}

export interface StorageFee {
  readonly id: string;
  readonly clinic: string;
  readonly covers: "embryos" | "eggs" | "embryos-and-eggs";
  readonly amount: { readonly value: number; readonly currency: string };
  /** The due date the schedule counts from (the first, or the one set by a change). */
  readonly anchorDueOn: string;
  readonly renewsYearly: boolean;
  readonly remindDaysBefore: number;
  readonly payments: readonly StorageFeePayment[];
  readonly endedOn: string | null;
}
