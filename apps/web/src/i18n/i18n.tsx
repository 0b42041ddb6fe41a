import { IntlMessageFormat } from "intl-messageformat";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type Catalogue, en, type MessageKey } from "./en.ts";

const catalogues: Record<string, Catalogue> = { en };

type Values = Record<string, string | number>;

export interface I18n {
  readonly locale: string;
  t(key: MessageKey, values?: Values): string;
  /** A date and time shown in the person's zone, e.g. "Sat 21 Nov, 21:30". */
  dateTime(epochMs: number, zone: string): string;
  /** A calendar day, e.g. "Saturday 21 November". */
  longDate(epochMs: number, zone: string): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A time of day in a zone, e.g. "21:30" or "9:30 PM" by locale. */
  time(epochMs: number, zone: string): string;
  /** A calendar date given as YYYY-MM-DD, e.g. "Sat 13 Apr". */
  day(isoDate: string, withYear?: boolean): string;
  /** A dose such as "225 IU" or "0.25 mg". */
  dose(dose: { value: number; unit: string }): string;
}

export function createI18n(requested: readonly string[]): I18n {
  const locale = pickLocale(requested);
  const catalogue = catalogues[locale.split("-")[0]!] ?? en;
  const compiled = new Map<string, IntlMessageFormat>();
  const dt = new Map<string, Intl.DateTimeFormat>();
  const fmt = (key: string, options: Intl.DateTimeFormatOptions) => {
    let f = dt.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, options);
      dt.set(key, f);
    }
    return f;
  };
  return {
    locale,
    t(key, values) {
      let m = compiled.get(key);
      if (!m) {
        m = new IntlMessageFormat(catalogue[key] ?? en[key], locale);
        compiled.set(key, m);
      }
      return String(m.format(values));
    },
    dateTime(epochMs, zone) {
      return fmt(`dt|${zone}`, {
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: zone,
      }).format(epochMs);
    },
    longDate(epochMs, zone) {
      return fmt(`ld|${zone}`, {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: zone,
      }).format(epochMs);
    },
    number(n, options) {
      return new Intl.NumberFormat(locale, options).format(n);
    },
    time(epochMs, zone) {
      return fmt(`t|${zone}`, { hour: "numeric", minute: "2-digit", timeZone: zone }).format(
        epochMs,
      );
    },
    day(isoDate, withYear = false) {
      const [y, m, d] = isoDate.split("-").map(Number);
      return fmt(`d|${withYear}`, {
        weekday: "short",
        day: "numeric",
        month: "short",
        ...(withYear && { year: "numeric" }),
        timeZone: "UTC",
      }).format(Date.UTC(y!, m! - 1, d!, 12));
    },
    dose(dose) {
      const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(dose.value);
      const unit = (catalogue as Record<string, string>)[`unit.${dose.unit}`] ?? dose.unit;
      return `${n} ${unit}`;
    },
  };
}

function pickLocale(requested: readonly string[]): string {
  for (const r of requested) {
    try {
      const [canonical] = Intl.getCanonicalLocales(r);
      if (canonical && catalogues[canonical.split("-")[0]!]) return canonical;
    } catch {
      // not a locale tag; try the next one
    }
  }
  return "en";
}

const I18nContext = createContext<I18n>(createI18n(["en"]));

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Shorthand for components that only need words. */
export function useT(): I18n["t"] {
  const i18n = useI18n();
  return useMemo(() => i18n.t.bind(i18n), [i18n]);
}
