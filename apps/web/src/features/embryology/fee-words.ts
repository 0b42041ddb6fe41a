/**
 * How the storage-fee screens say a fee: its amount in its own currency, and
 * the line on Today and in the bank when it is due. Pure functions of the
 * fee and the message catalogue.
 */
import type { FeeView } from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";

export function money(i18n: I18n, amount: { value: number; currency: string }): string {
  return i18n.number(amount.value, { style: "currency", currency: amount.currency });
}

/** "Embryos at Hudson Fertility: $800.00, due Fri 15 Jan 2016" */
export function feeDueLine(i18n: I18n, f: FeeView): string {
  return i18n.t(f.state === "overdue" ? "embryos.fees.due.overdue" : "embryos.fees.due.soon", {
    covers: i18n.t(`embryos.fees.covers.${f.fee.covers}`),
    clinic: f.fee.clinic,
    amount: money(i18n, f.fee.amount),
    date: i18n.day(f.nextDueOn!, true),
  });
}
