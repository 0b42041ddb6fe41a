// Writes name.br and name.gz beside each text file of the built app, once,
// at the highest settings (the server sends them as they are: no work per
// request). Files that do not shrink get no twin. Images are already packed.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|wasm)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

/** Compresses every text file under `dir`; returns the total bytes before and after. */
export function precompress(dir) {
  const total = { files: 0, raw: 0, br: 0, gzip: 0 };
  for (const path of files(dir)) {
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    total.files += 1;
    total.raw += raw.length;
    if (br.length < raw.length) {
      writeFileSync(`${path}.br`, br);
      total.br += br.length;
    }
    if (gz.length < raw.length) {
      writeFileSync(`${path}.gz`, gz);
      total.gzip += gz.length;
    }
  }
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const t = precompress(dir);
  console.log(`precompressed ${t.files} files: ${t.raw} bytes, brotli ${t.br}, gzip ${t.gzip}`);
}
