/**
 * The keepsake PDF, read back with a maintained extractor (pdf.js, legacy
 * build for Node): the name, place, words and date are real text, the
 * document has a title and a language, the photo is embedded, and both
 * paper sizes come out their size.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import jpeg from "jpeg-js";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type KeepsakeInput, keepsakePdf, needsUnicodeFont, PAPER_SIZES } from "./keepsake.ts";
import { wrapText } from "./wrap.ts";

function photo(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([120, 160, 130, 255], i * 4);
  return new Uint8Array(jpeg.encode({ data, width, height }, 85).data);
}

const page: KeepsakeInput = {
  paper: "a4",
  lang: "en",
  documentTitle: "Remembering Little bean",
  heading: "Little bean",
  facts: [
    { label: "Remembered on", value: "20 February 2026" },
    { label: "Transfer", value: "14 January 2026" },
    { label: "Weeks", value: "8 weeks" },
    { label: "Place", value: "The cherry tree by the river" },
  ],
  words: "We think of you every spring,\nwhen the blossom comes back.",
  photos: [{ jpeg: photo(320, 240), alt: "Blossom on the cherry tree" }],
  footer: "Made on 1 March 2026",
  creator: "Trellis",
};

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(
  dirname(require.resolve("pdfjs-dist/package.json")),
  "standard_fonts",
)}/`;

async function read(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), standardFontDataUrl }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const text = await p.getTextContent();
    const ops = await p.getOperatorList();
    pages.push({
      view: p.view,
      text: text.items.map((i) => ("str" in i ? i.str : "")).join("\n"),
      images: ops.fnArray.filter((f) => f === OPS.paintImageXObject).length,
    });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

describe("the keepsake PDF", () => {
  it("has the name, dates, weeks, place, words and the photo's words as text, and the photo", async () => {
    const { pages, info } = await read(await keepsakePdf(page));
    const text = pages.map((p) => p.text).join("\n");
    for (const expected of [
      "Little bean",
      "Remembered on: 20 February 2026",
      "Transfer: 14 January 2026",
      "Weeks: 8 weeks",
      "Place: The cherry tree by the river",
      "We think of you every spring,",
      "when the blossom comes back.",
      "Blossom on the cherry tree",
      "Made on 1 March 2026",
    ]) {
      expect(text).toContain(expected);
    }
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(1);
    expect(info.Title).toBe("Remembering Little bean");
    expect(info.Language).toBe("en");
  });

  it("comes out A4 or Letter as asked", async () => {
    const a4 = await read(await keepsakePdf(page));
    const letter = await read(await keepsakePdf({ ...page, paper: "letter" }));
    expect(a4.pages[0]!.view.slice(2).map(Math.round)).toEqual(PAPER_SIZES.a4.map(Math.round));
    expect(letter.pages[0]!.view.slice(2)).toEqual([...PAPER_SIZES.letter]);
  });

  it("runs onto further pages for long words and several photos, losing nothing", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of what we want to say.`);
    const { pages } = await read(
      await keepsakePdf({
        ...page,
        words: long.join("\n"),
        photos: [1, 2, 3].map(() => ({ jpeg: photo(800, 600) })),
      }),
    );
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.map((p) => p.text).join("\n");
    expect(text).toContain("Line 1 of what");
    expect(text).toContain("Line 60 of what");
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(3);
  });

  it("sets a character the serif face lacks as a neutral mark rather than failing", async () => {
    const { pages } = await read(await keepsakePdf({ ...page, heading: "Mia \u{1F331} 美" }));
    expect(pages[0]!.text).toContain("Mia ·");
  });

  it("with a Unicode face given, sets names in other alphabets as they are written", async () => {
    const ttf = (name: string) =>
      new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)));
    const names = "Zoë Łucja · Мила · Ελπίδα";
    expect(needsUnicodeFont([names])).toBe(true);
    const bytes = await keepsakePdf({
      ...page,
      heading: names,
      words: "Ta pamięć zostaje z nami.",
      fonts: { regular: ttf("DejaVuSerif"), italic: ttf("DejaVuSerif-Italic") },
    });
    const { pages } = await read(bytes);
    expect(pages[0]!.text).toContain("Zoë Łucja · Мила · Ελπίδα");
    expect(pages[0]!.text).toContain("Ta pamięć zostaje z nami.");
    // Only the glyphs used are embedded, not the whole 380 kB face.
    expect(bytes.length).toBeLessThan(200_000);
  });
});

describe("whether a page needs the Unicode face", () => {
  it("not for English, French or German words, curly quotes and dashes; yes for Polish, Greek, Cyrillic, CJK", () => {
    expect(needsUnicodeFont(["Zoë, “Noël” – café; Straße\nœuvre", undefined])).toBe(false);
    for (const text of ["Łucja", "Ελπίδα", "Мила", "美", "\u{1F331}"]) {
      expect(needsUnicodeFont([text]), text).toBe(true);
    }
  });
});

describe("wrapping lines", () => {
  const measure = (s: string) => s.length;
  it("breaks at spaces within the width, and inside a word longer than a line", () => {
    expect(wrapText("one two three four", measure, 9)).toEqual(["one two", "three", "four"]);
    expect(wrapText("abcdefghijkl", measure, 5)).toEqual(["abcde", "fghij", "kl"]);
    expect(wrapText("   ", measure, 5)).toEqual([""]);
  });
});
