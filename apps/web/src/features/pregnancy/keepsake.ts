import type { Remembrance } from "@trellis/domain";
import serifUrl from "dejavu-fonts-ttf/ttf/DejaVuSerif.ttf?url";
import serifItalicUrl from "dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf?url";
import { downloadFile } from "../../app/files.ts";
import { deviceZone, todayIso } from "../../app/time.ts";
import type { I18n } from "../../i18n/i18n.tsx";
import { photoBytes } from "./remembrance-photos.tsx";

/**
 * The keepsake of a remembrance page: its facts and words in the catalogue's
 * words and the person's, its photos from this device, laid out by
 * `@trellis/exports` (loaded only now) and handed to the download. When
 * a name or words are in another alphabet (Polish, Greek, Cyrillic...), a
 * Unicode serif face (DejaVu Serif, fetched only then) sets them as written.
 */

export type Paper = "a4" | "letter";

/** Letter where it is the usual paper (the US, Canada, Mexico and a few more), A4 elsewhere. */
export function usualPaper(locale: string): Paper {
  const region = new Intl.Locale(locale).maximize().region ?? "";
  return ["US", "CA", "MX", "PH", "CL", "CO", "VE"].includes(region) ? "letter" : "a4";
}

/** Each fact of the page in words: the day, the transfer, the weeks, the due date, the place. */
export function pageFacts(i18n: I18n, page: Remembrance): { label: string; value: string }[] {
  const { t } = i18n;
  const facts: { label: string; value: string }[] = [];
  if (page.date)
    facts.push({ label: t("remembrance.fact.date"), value: i18n.day(page.date, true) });
  if (page.transferDate) {
    facts.push({ label: t("remembrance.fact.transfer"), value: i18n.day(page.transferDate, true) });
  }
  if (page.weeks) {
    facts.push({
      label: t("remembrance.fact.weeks"),
      value: t("remembrance.fact.weeksValue", { weeks: page.weeks.weeks, days: page.weeks.days }),
    });
  }
  if (page.dueDate) {
    facts.push({ label: t("remembrance.fact.dueDate"), value: i18n.day(page.dueDate, true) });
  }
  if (page.place) facts.push({ label: t("remembrance.fact.place"), value: page.place });
  return facts;
}

/** Makes the PDF and downloads it. False when it could not be made. */
export async function downloadKeepsake(
  i18n: I18n,
  page: Remembrance,
  paper: Paper,
): Promise<boolean> {
  try {
    const { keepsakePdf, needsUnicodeFont } = await import("@trellis/exports");
    const heading = page.name ?? i18n.t("remembrance.unnamed");
    const photos = [];
    for (const photo of page.photos) {
      const jpeg = await photoBytes(photo);
      if (jpeg) photos.push({ jpeg, alt: photo.alt });
    }
    const today = todayIso(deviceZone());
    const facts = pageFacts(i18n, page);
    const texts = [heading, page.note ?? undefined, ...facts.map((f) => f.value)];
    const fonts = needsUnicodeFont([...texts, ...page.photos.map((p) => p.alt)])
      ? await unicodeFonts()
      : undefined;
    const bytes = await keepsakePdf({
      paper,
      lang: i18n.locale,
      documentTitle: i18n.t("remembrance.keepsake.title", { name: heading }),
      heading,
      facts,
      words: page.note ?? undefined,
      photos,
      footer: i18n.t("remembrance.keepsake.footer", { date: i18n.day(today, true) }),
      creator: i18n.t("app.name"),
      fonts,
    });
    downloadFile(`remembrance-${today}.pdf`, "application/pdf", bytes);
    return true;
  } catch {
    return false;
  }
}

/** DejaVu Serif, regular and italic; undefined when it cannot be fetched (offline): a dot stands in. */
async function unicodeFonts(): Promise<{ regular: Uint8Array; italic: Uint8Array } | undefined> {
  try {
    const load = async (url: string) => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`font ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    };
    const [regular, italic] = await Promise.all([load(serifUrl), load(serifItalicUrl)]);
    return { regular, italic };
  } catch {
    return undefined;
  }
}
