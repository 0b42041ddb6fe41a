import type { CostCategory, CoverageKind } from "./events.ts";

/** Money as the person wrote it: a major-unit value (1234.5) and an ISO 4217 code. */
export interface Money {
  readonly value: number;
  readonly currency: string;
}

/** Part of a cost someone else pays or paid back: an insurer, an employer benefit, a grant, a refund. */
export interface Coverage {
  readonly kind: CoverageKind;
  readonly source: string | null;
  /** In the cost's currency. */
  readonly value: number;
  /** Whether the money has come in (a claim may still be waiting). */
  readonly received: boolean;
}

/** A receipt photo (or PDF): a sealed attachment, its bytes on the device that added it. */
export interface Receipt {
  readonly attachmentId: string;
  /** base64url of the attachment's 32-byte key. */
  readonly key: string;
  readonly mediaType: string;
  readonly bytes: number;
}

/**
 * One cost of treatment: an invoice, a pharmacy bill, a flight to the clinic.
 * Storage fees kept with the embryo bank are not costs: `costSummary` counts
 * their payments from the bank, so nobody enters them twice.
 */
export interface Cost {
  readonly id: string;
  readonly description: string;
  readonly category: CostCategory;
  readonly amount: Money;
  readonly incurredOn: string;
  /** The cycle it belongs to; null when it belongs to none (legal advice, a consultation). */
  readonly cycleId: string | null;
  readonly paidBy: string | null;
  readonly status: "paid" | "due";
  readonly paidOn: string | null;
  /** Set when the cost is due (and kept after it is paid, as when it was due). */
  readonly dueOn: string | null;
  /** Show it on Today this many days before `dueOn`; null: no reminder. */
  readonly remindDaysBefore: number | null;
  readonly coverage: readonly Coverage[];
  readonly receipt: Receipt | null;
  readonly note: string | null;
  /** Taken off the list by the person (it stays in the log). */
  readonly removed: boolean;
}
