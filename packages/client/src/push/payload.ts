/**
 * What travels inside each encrypted push message: the notification's own
 * words (the service worker has no catalogue and cannot open the record),
 * where a tap goes, and the ids that make "In 10 minutes" work. Nothing in
 * it that the notification does not show, besides opaque ids and dose keys.
 */

/** Version 1 of the payload; the service worker drops any other. */
export type PushPayload = ReminderPayload | DecoyPayload;

export interface ReminderPayload {
  readonly v: 1;
  readonly kind: "reminder";
  readonly title: string;
  readonly body: string;
  /** Replaces an earlier notification of the same reminder (its snooze copy too). */
  readonly tag: string;
  /** Where a tap on the notification goes: Today, at the dose. */
  readonly url: string;
  /** Doses only: the two buttons, their words, and what "Taken" opens. */
  readonly actions?: {
    readonly taken: string;
    readonly snooze: string;
    /** The app records the doses this URL names (after the lock screen, if on). */
    readonly takenUrl: string;
  };
  /** The id of this reminder's snooze copy, delivered 10 minutes later if snoozed. */
  readonly snoozeId?: string;
  /** Set on a snooze copy: shown only if the person chose "In 10 minutes" on that id. */
  readonly snoozeOf?: string;
}

/** An item with no reminder in it, at a random instant; the service worker drops it unseen. */
export interface DecoyPayload {
  readonly v: 1;
  readonly kind: "decoy";
}

/** Every payload is padded to this many bytes of JSON before encryption: all look alike. */
export const PAYLOAD_PAD_BYTES = 1536;
