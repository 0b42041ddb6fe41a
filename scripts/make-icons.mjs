// Renders the app icons to the PNG sizes a PWA needs, with Debian's Chromium: the
// Trellis lattice, and the discreet install's plain page ("Notes", a grey sheet with lines).
// Run once when the icon changes: node scripts/make-icons.mjs. The PNGs are committed.
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const out = new URL("../apps/web/public/icons/", import.meta.url);
const lattice = (size, pad) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" ${pad ? "" : 'rx="14"'} fill="#2f6b4f"/>
  <g transform="translate(32 32) scale(${pad ? 0.62 : 0.85}) translate(-32 -32)" fill="none" stroke="#f5f4ee" stroke-width="3.4" stroke-linecap="round">
    <path d="M16 48 48 16M16 32l16-16M32 48l16-16M16 16l32 32M16 32l16 16M32 16l16 16"/>
  </g>
</svg>`;

/** The discreet icon: a plain sheet of paper, nothing that says what the app is for. */
const sheet = (size, pad) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" ${pad ? "" : 'rx="14"'} fill="#6b6f76"/>
  <g transform="translate(32 32) scale(${pad ? 0.62 : 0.85}) translate(-32 -32)">
    <rect x="17" y="12" width="30" height="40" rx="3" fill="#f4f4f2"/>
    <path d="M22 22h20M22 29h20M22 36h20M22 43h12" stroke="#9a9ea5" stroke-width="2.4" stroke-linecap="round"/>
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
for (const [draw, name, size, maskable] of [
  [lattice, "icon-192.png", 192, false],
  [lattice, "icon-512.png", 512, false],
  [lattice, "icon-maskable-512.png", 512, true],
  [lattice, "apple-touch-icon.png", 180, true],
  [sheet, "discreet-192.png", 192, false],
  [sheet, "discreet-512.png", 512, false],
  [sheet, "discreet-maskable-512.png", 512, true],
  [sheet, "discreet-apple-touch-icon.png", 180, true],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style>${draw(size, maskable)}`,
  );
  await page
    .locator("svg")
    .screenshot({ path: new URL(name, out).pathname, omitBackground: !maskable });
}
await browser.close();
// The favicon of the discreet install; its title is the neutral name a tab shows.
writeFileSync(
  new URL("discreet.svg", out),
  `${sheet(64, false)
    .trim()
    .replace(/(<svg[^>]*>)/, "$1<title>Notes</title>")}\n`,
);
console.log("icons written to", out.pathname);
