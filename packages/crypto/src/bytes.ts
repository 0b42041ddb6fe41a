/**
 * Byte helpers and the brands that keep different kinds of bytes apart.
 * A brand exists only in the type system: at run time a `RootKey` is a plain
 * `Uint8Array`, but TypeScript will not let one be passed where a `VaultKey`
 * or an untrusted blob from the server is expected.
 */
import { err, ok, type Result } from "@trellis/domain";
import { type CryptoProblem as Problem, problem } from "./refusals.ts";
import { lib } from "./sodium.ts";

declare const brand: unique symbol;

/** Bytes that hold one kind of thing, named by `Name`. */
export type Bytes<Name extends string> = Uint8Array & { readonly [brand]: Name };

/** Text that holds one kind of thing, named by `Name`. */
export type Text<Name extends string> = string & { readonly [brand]: Name };

/** Base64url without padding (RFC 4648 section 5): how bytes travel in JSON and storage. */
export type Base64Url = Text<"Base64Url">;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): Base64Url {
  const sodium = lib();
  return sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING) as Base64Url;
}

/**
 * Decodes unpadded, canonical base64url. Anything else (padding, `+` or `/`,
 * whitespace, stray bits in the last character) is refused, so one value has
 * exactly one text form.
 */
export function fromBase64Url(text: string, field = "value"): Result<Uint8Array, Problem> {
  if (!BASE64URL.test(text) || text.length % 4 === 1) {
    return err(problem("not-base64url", field, undefined, "must be unpadded base64url text"));
  }
  const sodium = lib();
  try {
    return ok(sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING));
  } catch {
    return err(problem("not-base64url", field, undefined, "must be unpadded base64url text"));
  }
}

/** Constant-time equality for secrets; lengths are public, so unequal lengths return false at once. */
export function secretsEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return lib().memcmp(a, b);
}

/**
 * `length` bytes from the platform's CSPRNG (WebCrypto `getRandomValues`, the
 * same source libsodium.js draws from). libsodium-wrappers' `randombytes_buf`
 * costs ~170 µs a call in Node against ~5 µs here, and a device draws a
 * nonce for every event it seals.
 */
export function randomBytes(length: number): Uint8Array {
  const { crypto } = globalThis as unknown as {
    crypto: { getRandomValues(array: Uint8Array): Uint8Array };
  };
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < length; i += 65_536) {
    crypto.getRandomValues(out.subarray(i, i + 65_536));
  }
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** UTF-8 bytes of `text` (libsodium's encoder: this package targets ES2022 without DOM types). */
export function utf8(text: string): Uint8Array {
  return lib().from_string(text);
}

/**
 * Bytes of ASCII text, without libsodium, so labels can be module constants.
 * Labels, ids and epochs in associated data are all ASCII (UTF-8 and ASCII agree there).
 */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new TypeError("expected ASCII text");
    out[i] = code;
  }
  return out;
}

export const UINT32_MAX = 0xffff_ffff;

export function isUint32(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= UINT32_MAX;
}

export function uint32BE(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

export function readUint32BE(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, false);
}

/** Overwrites a buffer that held a secret. Best effort: JavaScript may have copied it elsewhere. */
export function wipe(...buffers: readonly Uint8Array[]): void {
  // Zeroes in place (what libsodium's wrapper does for a JavaScript buffer too),
  // without a round trip into WebAssembly per buffer.
  for (const buffer of buffers) buffer.fill(0);
}
