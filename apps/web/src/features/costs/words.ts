/**
 * How the Costs screens say money and a cost: an amount in its own currency
 * through `Intl.NumberFormat` in the person's locale (never converted), and
 * the short name of a cost for buttons read out by a screen reader.
 */
import type { I18n } from "../../i18n/i18n.tsx";

export function money(i18n: I18n, value: number, currency: string): string {
  return i18n.number(value, { style: "currency", currency });
}

/** "Clinic invoice, $1,250.00": what a button about one cost names. */
export function costName(
  i18n: I18n,
  cost: { description: string; amount: { value: number; currency: string } },
): string {
  return `${cost.description}, ${money(i18n, cost.amount.value, cost.amount.currency)}`;
}

/** The name of a currency in the person's language ("Australian dollar"), or its code. */
export function currencyName(i18n: I18n, code: string): string {
  try {
    return new Intl.DisplayNames(i18n.locale, { type: "currency" }).of(code) ?? code;
  } catch {
    return code;
  }
}
