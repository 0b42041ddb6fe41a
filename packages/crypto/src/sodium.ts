/**
 * The one place libsodium is imported. Everything else in this package asks
 * `lib()` for it, which fails loudly (a programmer error, not a `Result`) if
 * `ready()` was never awaited.
 */
import sodium from "libsodium-wrappers-sumo";

/** Set once, never unset: a one-way latch, not a mutable setting. */
let loaded = false;

/** Loads libsodium's WebAssembly. Await once at start-up; every other call is synchronous. */
export async function ready(): Promise<void> {
  await sodium.ready;
  loaded = true;
}

export type Sodium = typeof sodium;

export function lib(): Sodium {
  if (!loaded) throw new Error("@trellis/crypto: await ready() before using any other function");
  return sodium;
}
