import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { bundleReport } from "./scripts/bundle-report.ts";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The browser's own Temporal where it has one (src/temporal.ts); only in the build. */
const nativeTemporal: Plugin = {
  name: "trellis-native-temporal",
  apply: "build",
  enforce: "pre",
  resolveId(id) {
    return id === "temporal-polyfill"
      ? fileURLToPath(new URL("src/temporal.ts", import.meta.url))
      : null;
  },
};

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    nativeTemporal,
    react(),
    // `npm run build -- --report` (scripts/build.mjs sets this).
    process.env.TRELLIS_BUNDLE_REPORT === "1" &&
      bundleReport(fileURLToPath(new URL("bundle-report.md", import.meta.url))),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["favicon.svg", "icons/apple-touch-icon.png"],
      manifest: {
        // Neutral name, icon and description: nothing on a home screen or in an app list says "fertility".
        name: "Trellis",
        short_name: "Trellis",
        description: "A private notebook.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#f5f4ee",
        theme_color: "#2f6b4f",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          {
            src: "/icons/icon-maskable-512.png",
            sizes: "512x512",
            type: "image/png",
            purpose: "maskable",
          },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        navigateFallback: "/index.html",
        // The server's own pages for phones (the home CA and how to trust it) are not the app.
        navigateFallbackDenylist: [/^\/api\//, /^\/trust$/, /^\/ca\.crt$/],
        cleanupOutdatedCaches: true,
        // Reminders through Web Push: push, notificationclick, periodicsync (docs/push.md).
        importScripts: ["/push-sw.js"],
        // Take control of the page on first load, so it works offline without a reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: {
    host: "127.0.0.1",
    proxy: { "/api": "http://127.0.0.1:4310" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      // Modules known to do nothing when loaded, so that what no screen of the
      // first load uses stays out of it. The calendar file's library: only the
      // screens that make a calendar (loaded on demand) keep it.
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules\/ical-generator\//, sideEffects: false },
          { test: /packages\/client\/src\/calendar\.ts$/, sideEffects: false },
          // Screens and their parts do nothing when loaded (their lazy() charts
          // are declarations): a screen that uses one card of another feature
          // does not bring that feature's every screen.
          { test: /apps\/web\/src\/features\//, sideEffects: false },
        ],
      },
    },
  },
});
