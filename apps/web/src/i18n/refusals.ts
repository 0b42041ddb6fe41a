/**
 * The one way a screen says why something was not saved. A refusal comes as
 * a code (`Problem`: reason, field, params); this turns it into the
 * catalogue's words (`en/refusals.ts`), with dates and numbers shown the
 * person's way, and says which form field it belongs to. A refusal's
 * `detail` is for developers and is never shown.
 */
import type { Problem } from "@trellis/domain";
import { refusalDefaults, type ShownRefusal } from "./en/refusals.ts";
import { en, type MessageKey } from "./en.ts";
import type { I18n } from "./i18n.tsx";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What turning a refusal into words needs of the person's language and locale. */
export type Refusing = Pick<I18n, "t" | "day" | "number">;

/**
 * Params that hold a code the words choose by (`{status, select, ...}`). ICU
 * option names cannot hold a dash, so the catalogue writes `in-culture` as
 * `in_culture`.
 */
const SELECTORS = new Set([
  "after",
  "bound",
  "count",
  "doing",
  "kind",
  "outcome",
  "status",
  "than",
  "what",
  "why",
]);

/**
 * The form field a refusal belongs to: its path without the event's wrapping
 * (`payload.`, a batch's `[1].`, an import's `events[3].`) and without list
 * positions. `payload.dose.value` → `dose.value`; `payload.leftMm.1` →
 * `leftMm`; `[0].payload.embryos.2.grade` → `embryos.grade`;
 * `embryos[2].grade` → `embryos.grade`.
 */
export function fieldOf(p: Pick<Problem<string>, "field">): string {
  return p.field
    .replace(/^(events)?\[\d+\]\./, "")
    .replace(/^payload(\.|$)/, "")
    .replace(/\[\d+\]/g, "")
    .split(".")
    .filter((part) => part !== "" && !/^\d+$/.test(part))
    .join(".");
}

/** The position in a list a refusal points at (`payload.leftMm.1` → 1), or null. */
export function fieldIndex(p: Pick<Problem<string>, "field">): number | null {
  const m = /(?:\.(\d+)|\[(\d+)\])$/.exec(p.field.replace(/^(events)?\[\d+\]\./, ""));
  return m ? Number(m[1] ?? m[2]) : null;
}

function isShown(reason: string): reason is ShownRefusal {
  return `refusal.${reason}` in en;
}

/** The catalogue key for a reason on a field: the longest matching field override, else the reason's own words. */
export function refusalKey(reason: ShownRefusal, field: string): MessageKey {
  const parts = field.split(".");
  for (let i = 0; i < parts.length; i++) {
    const key = `refusal.${reason}@${parts.slice(i).join(".")}`;
    if (key in en) return key as MessageKey;
  }
  return `refusal.${reason}` as MessageKey;
}

/** Params that hold an amount of money, in the refusal's `currency` (major units). */
const MONEY = new Set(["amount", "covered"]);

function values(
  i18n: Refusing,
  reason: ShownRefusal,
  params: Problem<string>["params"],
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...refusalDefaults[reason] };
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === "number")
      out[k] =
        MONEY.has(k) && typeof params?.currency === "string"
          ? i18n.number(v, { style: "currency", currency: params.currency })
          : v;
    else if (SELECTORS.has(k)) out[k] = v.replaceAll("-", "_");
    else out[k] = ISO_DATE.test(v) ? i18n.day(v, true) : v;
  }
  if (out.embryo === "") out.embryo = i18n.t("refusals.unnamedEmbryo", { day: out.day ?? "" });
  return out;
}

/**
 * A refusal in words, e.g. "A dose can't be zero or less. Check the number on
 * the box." A reason the catalogue does not know (a newer server, a bug)
 * gets calm general words, never the code or a developer's sentence.
 */
export function refusalText(i18n: Refusing, p: Problem<string>): string {
  if (!isShown(p.reason)) return i18n.t("refusals.unknown");
  try {
    return i18n.t(refusalKey(p.reason, fieldOf(p)), values(i18n, p.reason, p.params));
  } catch {
    // Words that need a value this refusal did not carry.
    return i18n.t("refusals.unknown");
  }
}

/**
 * Why an export file was not imported, in words about the file. A refusal of
 * one of its entries (`events[3].payload.text`) says which entry: the
 * reason's own words are about a form ("Something in this form is out of
 * date"), and there is no form.
 */
export function importRefusalText(i18n: Refusing, p: Problem<string>): string {
  const entry = /^events\[(\d+)\]/.exec(p.field);
  return entry ? i18n.t("refusals.importEntry", { n: Number(entry[1]) + 1 }) : refusalText(i18n, p);
}

/** "Not saved: …" with the refusal's words: for a refusal that belongs to the whole form. */
export function notSaved(i18n: Refusing, p: Problem<string>): string {
  return i18n.t("form.problem", { message: refusalText(i18n, p) });
}
