/**
 * Renders a sample keepsake (or a PDF given by path) to PNG images, one per
 * page, to look at before calling a layout done:
 *   npx tsx packages/exports/scripts/look.mts <a4|letter> <out-dir> [file.pdf]
 * With LOOK_UNICODE=1 the sample has names in other alphabets, set in DejaVu Serif.
 * pdf.js draws with @napi-rs/canvas (its optional dependency).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import jpeg from "jpeg-js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { keepsakePdf, type Paper } from "../src/index.ts";

const [paper = "a4", out = ".", file] = process.argv.slice(2);

function gradient(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data.set([90 + (x * 120) / width, 130 + (y * 80) / height, 110, 255], (y * width + x) * 4);
  return new Uint8Array(jpeg.encode({ data, width, height }, 85).data);
}

const unicode = Boolean(process.env.LOOK_UNICODE);
const ttf = (name: string) =>
  new Uint8Array(
    readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)),
  );
const bytes = file
  ? new Uint8Array(readFileSync(file))
  : await keepsakePdf({
      paper: paper as Paper,
      lang: "en",
      documentTitle: "Remembering Little bean",
      heading: unicode ? "Zoë Łucja · Мила" : "Little bean",
      facts: [
        { label: "Remembered on", value: "20 February 2026" },
        { label: "Transfer", value: "14 January 2026" },
        { label: "How far along", value: "8 weeks" },
        { label: "Place", value: "The cherry tree by the river" },
      ],
      words:
        "We think of you every spring, when the blossom comes back and the river runs high.\n\nYou were loved from the very first day.",
      photos: [{ jpeg: gradient(1200, 800), alt: "Blossom on the cherry tree" }],
      footer: "Made with Trellis on 1 March 2026",
      creator: "Trellis",
      fonts: unicode
        ? { regular: ttf("DejaVuSerif"), italic: ttf("DejaVuSerif-Italic") }
        : undefined,
    });
const fonts = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);
const doc = await getDocument({ data: bytes.slice(), standardFontDataUrl: fonts }).promise;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1.2 });
  const canvas = createCanvas(viewport.width, viewport.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, viewport.width, viewport.height);
  await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
  writeFileSync(join(out, `keepsake-${paper}-${n}.png`), canvas.toBuffer("image/png"));
}
console.log(`${doc.numPages} page(s) in ${out}`);
