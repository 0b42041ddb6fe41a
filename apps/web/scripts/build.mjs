// The web app's build: `vite build`, then brotli and gzip twins of each file
// (precompress.mjs). `--report` also writes the bundle report
// (bundle-report.md: each chunk, what is in it, what the first screen loads).
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { precompress } from "./precompress.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
if (process.argv.includes("--report")) process.env.TRELLIS_BUNDLE_REPORT = "1";

await build({ root, configFile: `${root}vite.config.ts` });
const t = precompress(`${root}dist`);
console.log(`precompressed ${t.files} files: ${t.raw} bytes, brotli ${t.br}, gzip ${t.gzip}`);
