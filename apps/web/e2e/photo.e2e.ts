/**
 * Photos leave the device scaled down and without metadata, in the real
 * browser path: Chromium's own decoder (`createImageBitmap`) and canvas
 * encoder (`canvasImagePort`), fed a phone-like JPEG that carries GPS tags.
 * The unit test (`packages/client/src/attachments/photo.test.ts`) covers the
 * same steps with a JavaScript codec; this one checks what Chromium writes.
 */
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { build } from "esbuild";
import ExifReader from "exifreader";
import jpeg from "jpeg-js";
import { phonePhoto } from "../../../packages/client/src/attachments/testing.ts";

const attachments = fileURLToPath(
  new URL("../../../packages/client/src/attachments/index.ts", import.meta.url),
);

/** The attachments module as one script for the page, exposing `preparePhotoBase64`. */
async function pageScript(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { canvasImagePort, preparePhoto } from ${JSON.stringify(attachments)};
        const fromBase64 = (t) => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
        const toBase64 = (b) => { let s = ""; for (const x of b) s += String.fromCharCode(x); return btoa(s); };
        window.preparePhotoBase64 = async (b64, type) => {
          const r = await preparePhoto({ bytes: fromBase64(b64), type }, canvasImagePort);
          return r.ok ? { ok: true, width: r.value.width, height: r.value.height, bytes: toBase64(r.value.bytes) } : r;
        };`,
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    write: false,
    target: "es2022",
  });
  return out.outputFiles[0]!.text;
}

/**
 * A blank page on the app's origin (a secure context, as the app is), served
 * by the test itself: the app's pages forbid inline scripts (CSP), rightly.
 */
async function blankPage(page: import("@playwright/test").Page, baseURL: string): Promise<void> {
  const url = `${baseURL}/__photo-test`;
  await page.route(url, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>photo</title>" }),
  );
  await page.goto(url);
  await page.addScriptTag({ content: await pageScript() });
}

type Prepared =
  | { ok: true; width: number; height: number; bytes: string }
  | { ok: false; reason: string };

test("a phone photo leaves Chromium scaled to 1600 px, as JPEG, with no EXIF, GPS or comment", async ({
  page,
  baseURL,
}) => {
  const original = phonePhoto(2400, 1200);
  expect(ExifReader.load(original.buffer.slice(0) as ArrayBuffer).GPSLatitude).toBeDefined();
  await blankPage(page, baseURL!);

  const prepared = (await page.evaluate(
    ([b64]) =>
      (
        window as unknown as {
          preparePhotoBase64: (b: string, t: string) => Promise<unknown>;
        }
      ).preparePhotoBase64(b64!, "image/jpeg"),
    [Buffer.from(original).toString("base64")],
  )) as Prepared;
  if (!prepared.ok) throw new Error(`refused: ${prepared.reason}`);
  expect([prepared.width, prepared.height]).toEqual([1600, 800]);
  const bytes = Buffer.from(prepared.bytes, "base64");
  const tags = ExifReader.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  );
  expect(tags.GPSLatitude).toBeUndefined();
  expect(tags.Make).toBeUndefined();
  for (const trace of ["Exif", "TrellisCam", "Taken at the clinic"]) {
    expect(bytes.toString("latin1")).not.toContain(trace);
  }
  const decoded = jpeg.decode(bytes);
  expect([decoded.width, decoded.height]).toEqual([1600, 800]);
  // The picture is still the picture: the gradient's corners keep their colours.
  const at = (x: number, y: number) => [
    ...decoded.data.subarray((y * 1600 + x) * 4, (y * 1600 + x) * 4 + 3),
  ];
  expect(at(2, 2)[2]).toBeGreaterThan(130);
  expect(at(1597, 797)[0]).toBeGreaterThan(220);
});

test("something that is not a photo is refused in Chromium, and nothing is made", async ({
  page,
  baseURL,
}) => {
  await blankPage(page, baseURL!);
  const refused = await page.evaluate(() =>
    (
      window as unknown as { preparePhotoBase64: (b: string, t: string) => Promise<unknown> }
    ).preparePhotoBase64(btoa("a note, not a picture"), "image/jpeg"),
  );
  expect(refused).toEqual({ ok: false, reason: "not-a-photo" });
});
