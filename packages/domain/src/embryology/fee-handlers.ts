import { type Problem, problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import { givenFields } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import { DEFAULT_FEE_REMINDER_DAYS, nextDueOn } from "./fees.ts";

/**
 * The handlers of storage fees: a fee scheduled, changed, paid (always the
 * next due date, `fees.ts`) and ended.
 */

export type StorageFeeEvents =
  | "StorageFeeScheduled"
  | "StorageFeeChanged"
  | "StorageFeePaid"
  | "StorageFeeEnded";

/** A fee that can still change or end: refused when unknown or already ended. */
function runningFeeProblem(s: JourneyState, feeId: string): Problem | null {
  const fee = s.storageFees.get(feeId);
  if (!fee) return problem("unknown-fee", "payload.feeId");
  return fee.endedOn ? problem("fee-ended", "payload.feeId") : null;
}

export const storageFeeHandlers: Handlers<StorageFeeEvents> = {
  StorageFeeScheduled: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      return s.storageFees.has(p.feeId) ? problem("duplicate-fee", "payload.feeId") : null;
    },
    apply: (d, { payload: p }) => {
      d.storageFees.set(p.feeId, {
        id: p.feeId,
        clinic: p.clinic,
        covers: p.covers,
        amount: p.amount,
        anchorDueOn: p.dueOn,
        renewsYearly: p.renewsYearly,
        remindDaysBefore: p.remindDaysBefore ?? DEFAULT_FEE_REMINDER_DAYS,
        payments: [],
        endedOn: null,
      });
    },
  },
  StorageFeeChanged: {
    check: (s, { payload: p }) => runningFeeProblem(s, p.feeId),
    apply: (d, { payload: p }) => {
      const fee = d.storageFees.get(p.feeId)!;
      d.storageFees.set(p.feeId, {
        ...fee,
        ...givenFields(p, ["clinic", "amount", "renewsYearly", "remindDaysBefore"]),
        ...(p.nextDueOn !== undefined && { anchorDueOn: p.nextDueOn }),
      });
    },
  },
  StorageFeePaid: {
    check: (s, { payload: p }) => {
      const fee = s.storageFees.get(p.feeId);
      if (!fee) return problem("unknown-fee", "payload.feeId");
      const next = nextDueOn(fee);
      if (next === null) return problem("nothing-due", "payload.dueOn");
      if (p.dueOn !== next) {
        return problem("not-next-due", "payload.dueOn", { date: next });
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const fee = d.storageFees.get(p.feeId)!;
      d.storageFees.set(p.feeId, {
        ...fee,
        payments: [
          ...fee.payments,
          { dueOn: p.dueOn, paidOn: p.paidOn, eventId: id, amount: fee.amount },
        ],
      });
    },
  },
  StorageFeeEnded: {
    check: (s, { payload: p }) => runningFeeProblem(s, p.feeId),
    apply: (d, { payload: p }) => {
      d.storageFees.set(p.feeId, { ...d.storageFees.get(p.feeId)!, endedOn: p.endedOn });
    },
  },
};
