/**
 * The one place libsodium is imported. Everything else in this package asks
 * `lib()` for it, which fails loudly (a programmer error, not a `Result`) if
 * `ready()` was never awaited.
 *
 * The import is dynamic: in the web app libsodium (about 190 kB gzip, its
 * WebAssembly inlined) is a chunk of its own, fetched the first time
 * something needs cryptography (the app lock, sync, an export file), not
 * before the first screen.
 */
type SodiumModule = typeof import("libsodium-wrappers-sumo");
export type Sodium = SodiumModule["default"];

/** Set once, never unset: a one-way latch, not a mutable setting. */
let loaded: Sodium | undefined;
let loading: Promise<void> | undefined;

/** Loads libsodium and its WebAssembly. Await before using any other function; then every call is synchronous. */
export function ready(): Promise<void> {
  loading ??= import("libsodium-wrappers-sumo").then(async (mod) => {
    await mod.default.ready;
    loaded = mod.default;
  });
  return loading;
}

export function lib(): Sodium {
  if (loaded === undefined) {
    throw new Error("@trellis/crypto: await ready() before using any other function");
  }
  return loaded;
}
