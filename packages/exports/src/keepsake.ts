/**
 * The keepsake: a remembrance page as a PDF made on the device, to print or
 * keep. Calm on paper: a serif face, a soft dark green for the name, wide
 * margins, nothing decorative. The words on it are the caller's (the web
 * app's catalogue and the person's own); this module only lays them out.
 *
 * Its text is real text (a screen reader and a text extractor read it), the
 * document has a title and a language, and each photo's description is set
 * under it as a caption, so nothing on the page is only a picture.
 */

import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFFont,
  type PDFImage,
  PDFName,
  type PDFPage,
  PDFString,
  rgb,
  StandardFonts,
} from "pdf-lib";
import { wrapText } from "./wrap.ts";

export type Paper = "a4" | "letter";

/** Points (1/72 in): A4 is 210 x 297 mm, Letter 8.5 x 11 in. */
export const PAPER_SIZES: Readonly<Record<Paper, readonly [number, number]>> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

export interface KeepsakePhoto {
  /** A JPEG (as `preparePhoto` makes it). */
  readonly jpeg: Uint8Array;
  /** The person's words for it; set as a caption. */
  readonly alt?: string | undefined;
}

export interface KeepsakeInput {
  readonly paper: Paper;
  /** The document's language (BCP 47), e.g. "en". */
  readonly lang: string;
  /** The document title readers show (e.g. "Remembering Little bean"). */
  readonly documentTitle: string;
  /** The heading: the name, or the catalogue's word for an unnamed page. */
  readonly heading: string;
  /** Dates, weeks, place: each a label and its value, already in words. */
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** The person's words, line breaks kept. */
  readonly words?: string | undefined;
  readonly photos: readonly KeepsakePhoto[];
  /** A quiet line at the foot of the last page (e.g. when it was made). */
  readonly footer?: string | undefined;
  /** Who made it, for the document's metadata (the app's name). */
  readonly creator: string;
  /**
   * A Unicode serif face (TrueType bytes, regular and italic) for text the
   * standard face cannot set (see `needsUnicodeFont`); embedded as a subset
   * of the glyphs used. Without it such characters become a middle dot.
   */
  readonly fonts?: { readonly regular: Uint8Array; readonly italic: Uint8Array } | undefined;
}

/** Windows-1252, what the standard PDF faces can set (pdf-lib's WinAnsi encoding). */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x017e, 0x0178,
]);

/** Whether any of these texts has a character the standard serif face cannot set. */
export function needsUnicodeFont(texts: readonly (string | undefined)[]): boolean {
  for (const text of texts) {
    for (const ch of text ?? "") {
      const code = ch.codePointAt(0)!;
      const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
      if (!latin1 && !WIN_ANSI_EXTRA.has(code) && ch !== "\n" && ch !== "\r" && ch !== "\t") {
        return true;
      }
    }
  }
  return false;
}

const MARGIN = 72;
const INK = rgb(0.16, 0.2, 0.18);
const LEAF = rgb(0.2, 0.33, 0.25);
const MUTED = rgb(0.38, 0.42, 0.4);
const RULE = rgb(0.78, 0.82, 0.79);

interface Fonts {
  readonly regular: PDFFont;
  readonly italic: PDFFont;
}

/** A cursor down the pages: a new page when the next block does not fit. */
class Flow {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly size: readonly [number, number],
  ) {
    this.page = doc.addPage([...size]);
    this.y = size[1] - MARGIN;
  }
  get width(): number {
    return this.size[0] - 2 * MARGIN;
  }
  /** Makes room for `height` points, starting a page if needed. */
  room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([...this.size]);
    this.y = this.size[1] - MARGIN;
  }
  text(
    text: string,
    font: PDFFont,
    size: number,
    color = INK,
    options: { lineHeight?: number; center?: boolean } = {},
  ): void {
    const lineHeight = size * (options.lineHeight ?? 1.45);
    for (const line of wrapText(text, (s) => font.widthOfTextAtSize(s, size), this.width)) {
      this.room(lineHeight);
      this.y -= lineHeight;
      const x = options.center
        ? MARGIN + (this.width - font.widthOfTextAtSize(line, size)) / 2
        : MARGIN;
      if (line) this.page.drawText(line, { x, y: this.y + size * 0.3, size, font, color });
    }
  }
  gap(points: number): void {
    this.y -= points;
  }
  rule(): void {
    this.room(12);
    this.y -= 6;
    const x = MARGIN + this.width / 2;
    this.page.drawLine({
      start: { x: x - 40, y: this.y },
      end: { x: x + 40, y: this.y },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 6;
  }
  /** One quiet line in the bottom margin of the last page (a new page only if that margin is taken). */
  footer(text: string, font: PDFFont, size: number): void {
    if (this.y < MARGIN + size) this.room(this.size[1]);
    const x = MARGIN + (this.width - font.widthOfTextAtSize(text, size)) / 2;
    this.page.drawText(text, { x, y: MARGIN / 2, size, font, color: MUTED });
  }
  image(image: PDFImage, maxHeight: number): void {
    const scale = Math.min(1, this.width / image.width, maxHeight / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    this.room(h);
    this.y -= h;
    this.page.drawImage(image, {
      x: MARGIN + (this.width - w) / 2,
      y: this.y,
      width: w,
      height: h,
    });
  }
}

/** The keepsake PDF's bytes. */
export async function keepsakePdf(input: KeepsakeInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  let fonts: Fonts;
  if (input.fonts) {
    doc.registerFontkit(fontkit);
    fonts = {
      regular: await doc.embedFont(input.fonts.regular, { subset: true }),
      italic: await doc.embedFont(input.fonts.italic, { subset: true }),
    };
  } else {
    fonts = {
      regular: await doc.embedFont(StandardFonts.TimesRoman),
      italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    };
  }
  const safe = (text: string, font: PDFFont) => encodable(text, font);
  doc.setTitle(input.documentTitle, { showInWindowTitleBar: true });
  doc.setLanguage(input.lang);
  doc.setCreator(input.creator);
  doc.setProducer(input.creator);
  doc.setSubject(input.documentTitle);
  // Readers that look for the language on the catalogue (screen readers do) find it there.
  doc.catalog.set(PDFName.of("Lang"), PDFString.of(input.lang));

  const flow = new Flow(doc, PAPER_SIZES[input.paper]);
  flow.gap(24);
  flow.text(safe(input.heading, fonts.regular), fonts.regular, 28, LEAF, {
    center: true,
    lineHeight: 1.25,
  });
  flow.gap(10);
  flow.rule();
  flow.gap(10);
  for (const fact of input.facts) {
    flow.text(safe(`${fact.label}: ${fact.value}`, fonts.regular), fonts.regular, 12, MUTED, {
      center: true,
    });
  }
  if (input.words) {
    flow.gap(22);
    for (const paragraph of input.words.split(/\r?\n/)) {
      flow.text(safe(paragraph, fonts.regular), fonts.regular, 13, INK, { lineHeight: 1.6 });
    }
  }
  for (const photo of input.photos) {
    flow.gap(24);
    const image = await doc.embedJpg(photo.jpeg);
    flow.image(image, 320);
    if (photo.alt) {
      flow.gap(4);
      flow.text(safe(photo.alt, fonts.italic), fonts.italic, 10.5, MUTED, { center: true });
    }
  }
  if (input.footer) flow.footer(safe(input.footer, fonts.italic), fonts.italic, 9.5);
  return doc.save();
}

/**
 * The text with every character the face cannot set replaced by a neutral
 * mark, so the PDF is always made (with the standard face: anything outside
 * Windows-1252; with a Unicode face, only what it has no glyph for).
 */
export function encodable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += supported.has(code) || ch === "\n" ? ch : "\u00b7";
  }
  return out;
}
