import { Temporal } from "../core/time.ts";
import type { StorageFee } from "./state.ts";

/** Product choice, not a clinical figure: storage fees show on Today a month before they are due. */
export const DEFAULT_FEE_REMINDER_DAYS = 30;

/**
 * The next unpaid due date of a storage fee: from its anchor, a year at a
 * time while each due date is paid (yearly fees); `null` when a one-off fee is
 * paid or the fee ended.
 */
export function nextDueOn(fee: StorageFee): string | null {
  if (fee.endedOn !== null) return null;
  const paid = new Set(fee.payments.map((p) => p.dueOn));
  let due = Temporal.PlainDate.from(fee.anchorDueOn);
  // A guard against a loop: no one pays 200 years ahead.
  for (let i = 0; i < 200; i++) {
    if (!paid.has(due.toString())) return due.toString();
    if (!fee.renewsYearly) return null;
    due = due.add({ years: 1 });
  }
  return null;
}
