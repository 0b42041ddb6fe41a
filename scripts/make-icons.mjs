// Renders the app icon (an SVG lattice) to the PNG sizes a PWA needs, with Debian's Chromium.
// Run once when the icon changes: node scripts/make-icons.mjs. The PNGs are committed.
import { chromium } from "@playwright/test";

const out = new URL("../apps/web/public/icons/", import.meta.url);
const lattice = (size, pad) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" ${pad ? "" : 'rx="14"'} fill="#2f6b4f"/>
  <g transform="translate(32 32) scale(${pad ? 0.62 : 0.85}) translate(-32 -32)" fill="none" stroke="#f5f4ee" stroke-width="3.4" stroke-linecap="round">
    <path d="M16 48 48 16M16 32l16-16M32 48l16-16M16 16l32 32M16 32l16 16M32 16l16 16"/>
  </g>
</svg>`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
  ["apple-touch-icon.png", 180, true],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style>${lattice(size, maskable)}`,
  );
  await page
    .locator("svg")
    .screenshot({ path: new URL(name, out).pathname, omitBackground: !maskable });
}
await browser.close();
console.log("icons written to", out.pathname);
