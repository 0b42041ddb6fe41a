import type { OutcomeKind, PathKind, PathMilestoneKind, TransferProtocol } from "./events.ts";
import type { AnniversaryDay } from "./remembrance-events.ts";

export type Recipient =
  | { readonly kind: "self" }
  | { readonly kind: "carrier"; readonly name: string; readonly pathId?: string | undefined };

export interface Transfer {
  readonly id: string;
  /** `planned`: the embryos are still in the bank; `done`: they were transferred. */
  readonly status: "planned" | "done" | "cancelled";
  /** The planned day, then the day it happened. */
  readonly date: string;
  readonly embryoIds: readonly string[];
  readonly recipient: Recipient;
  readonly cycleId: string | null;
  readonly protocol: TransferProtocol | null;
  readonly clinic: string | null;
  readonly liningMm: number | null;
  /** Day of development used for dating (3, 5, 6 or 7). */
  readonly embryoDay: 3 | 5 | 6 | 7 | null;
  /** No embryo of this transfer was ever frozen. */
  readonly fresh: boolean;
  readonly note: string | null;
  readonly retracted: boolean;
}

export interface Beta {
  readonly id: string;
  readonly transferId: string;
  readonly drawnOn: string;
  /** mIU/mL (= IU/L). */
  readonly value: number;
  readonly clinicReading: "positive" | "negative" | "unclear" | null;
  readonly note: string | null;
  readonly retracted: boolean;
}

export interface Outcome {
  readonly id: string;
  /** The event that recorded it (whose author a shared record can show). */
  readonly eventId: string;
  readonly transferId: string;
  readonly outcome: OutcomeKind;
  readonly on: string;
  readonly gestationalAge: { readonly weeks: number; readonly days: number } | null;
  readonly babies: number | null;
  readonly note: string | null;
  readonly retracted: boolean;
}

/** After a loss, pregnancy details wait until the person says they want them back. */
export interface PregnancyPause {
  readonly outcomeId: string;
  readonly since: string;
}

/** A photo on a remembrance page: where its sealed bytes are kept and the key that opens them. */
export interface RemembrancePhoto {
  readonly attachmentId: string;
  /** base64url of its `AttachmentKey`. */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly alt?: string | undefined;
}

/** The yearly reminder the person chose: which day, in their words. */
export interface Anniversary {
  readonly on: AnniversaryDay;
  readonly words: string;
}

/** A remembrance page, as the person left it (see `remembrance-events.ts`). */
export interface Remembrance {
  readonly id: string;
  readonly name: string | null;
  /** The day remembered: usually the day of the loss. */
  readonly date: string | null;
  readonly note: string | null;
  readonly transferId: string | null;
  readonly removed: boolean;
  /** Kept on the device it was written on, never synced (see `keptOnDevice`). */
  readonly private: boolean;
  readonly place: string | null;
  readonly transferDate: string | null;
  readonly weeks: { readonly weeks: number; readonly days: number } | null;
  readonly dueDate: string | null;
  readonly photos: readonly RemembrancePhoto[];
  /** Null until the person chooses a yearly reminder. */
  readonly anniversary: Anniversary | null;
}

export interface OtherPath {
  readonly id: string;
  readonly kind: PathKind;
  readonly name: string;
  readonly startedOn: string;
  readonly note: string | null;
}

export interface PathMilestone {
  readonly id: string;
  readonly pathId: string;
  readonly milestone: PathMilestoneKind;
  readonly on: string;
  readonly title: string | null;
  readonly note: string | null;
  readonly retracted: boolean;
}
