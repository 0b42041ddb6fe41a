/**
 * The server's own message catalogue: words of the few pages the server
 * renders itself (not the web app's, which has its own in apps/web/src/i18n).
 * A page picks its language from Accept-Language among those it has.
 */
import { trust } from "./en/trust.ts";

export type { TrustMessages } from "./en/trust.ts";

const catalogues = { en: { trust } } as const;

export type ServerLocale = keyof typeof catalogues;

/** The best language we have for an Accept-Language header (English when none fits). */
export function pickLocale(acceptLanguage: string | undefined): ServerLocale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((w) => w.tag !== "" && Number.isFinite(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const base = tag.split("-")[0] as string;
    if (base in catalogues) return base as ServerLocale;
  }
  return "en";
}

export function messages(locale: ServerLocale) {
  return catalogues[locale];
}
