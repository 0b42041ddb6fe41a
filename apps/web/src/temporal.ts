/**
 * Temporal in the built web app: the web build resolves `temporal-polyfill`
 * here (vite.config.ts), so a browser with its own Temporal (Chromium 144+,
 * Firefox 139+) never downloads the polyfill (about 50 kB gzip of the first
 * screen). A browser without one fetches it before anything else runs
 * (`loadTemporal`, awaited first in main.tsx). The polyfill's own entry made
 * the same choice, after downloading itself: the behaviour is unchanged.
 * Tests and the server import the real package.
 */
import type { Temporal as TemporalNamespace } from "temporal-polyfill";

type TemporalApi = typeof TemporalNamespace;

/** A live binding: set once by `loadTemporal` where the browser has no Temporal. */
export let Temporal: TemporalApi = (globalThis as { Temporal?: TemporalApi })
  .Temporal as TemporalApi;

/** Resolves once `Temporal` is usable: at once where the browser has it. */
export async function loadTemporal(): Promise<void> {
  if (Temporal !== undefined) return;
  Temporal = (await import("temporal-polyfill/implementation")).Temporal as TemporalApi;
}
