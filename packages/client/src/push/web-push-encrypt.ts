/**
 * Web Push message encryption (RFC 8291) in the `aes128gcm` content coding
 * (RFC 8188), with WebCrypto only: the device encrypts each reminder for its
 * own push subscription, so the relay and the push service carry bytes they
 * cannot read. One record; the plaintext is padded to a fixed size so every
 * reminder (and every decoy) is the same length on the wire.
 */
import { toBase64Url as b64, fromBase64Url } from "./base64url.ts";

/** The two keys of a `PushSubscription` (`toJSON().keys`), base64url. */
export interface SubscriptionKeys {
  readonly p256dh: string;
  readonly auth: string;
}

/** A sender key pair given from outside: only tests do this (RFC 8291 Appendix A). */
export interface FixedSender {
  /** 65-byte uncompressed P-256 point. */
  readonly publicKey: Uint8Array;
  /** 32-byte private scalar. */
  readonly privateKey: Uint8Array;
}

export interface EncryptOptions {
  /** Pad the plaintext to this many bytes (before the delimiter); default: none. */
  readonly padTo?: number;
  /** For known-answer tests only: a fixed salt and sender key pair. */
  readonly salt?: Uint8Array;
  readonly sender?: FixedSender;
}

const RECORD_SIZE = 4096;
const TAG_BYTES = 16;
const subtle = () => globalThis.crypto.subtle;
const text = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** HKDF-SHA-256 (RFC 5869), `length` bytes. */
async function hkdf(
  salt: Uint8Array<ArrayBuffer>,
  ikm: Uint8Array<ArrayBuffer>,
  info: Uint8Array<ArrayBuffer>,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await subtle().importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  const bits = await subtle().deriveBits(
    { name: "HKDF", hash: "SHA-256", salt, info },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}

/** A P-256 ECDH key pair: a fresh one, or (in tests) the one given. */
async function senderKeys(
  fixed?: FixedSender,
): Promise<{ privateKey: CryptoKey; raw: Uint8Array<ArrayBuffer> }> {
  if (!fixed) {
    const pair = await subtle().generateKey({ name: "ECDH", namedCurve: "P-256" }, false, [
      "deriveBits",
    ]);
    return {
      privateKey: pair.privateKey,
      raw: new Uint8Array(await subtle().exportKey("raw", pair.publicKey)),
    };
  }
  const jwk: JsonWebKey = {
    kty: "EC",
    crv: "P-256",
    x: b64(fixed.publicKey.subarray(1, 33)),
    y: b64(fixed.publicKey.subarray(33, 65)),
    d: b64(fixed.privateKey),
  };
  const privateKey = await subtle().importKey(
    "jwk",
    jwk,
    { name: "ECDH", namedCurve: "P-256" },
    false,
    ["deriveBits"],
  );
  return { privateKey, raw: concat(fixed.publicKey) };
}

/** The key and nonce (RFC 8291 §3.4, RFC 8188 §2.2) from the shared secret. */
export async function contentKeys(
  ecdhSecret: Uint8Array<ArrayBuffer>,
  auth: Uint8Array<ArrayBuffer>,
  uaPublic: Uint8Array,
  asPublic: Uint8Array,
  salt: Uint8Array<ArrayBuffer>,
): Promise<{ cek: Uint8Array<ArrayBuffer>; nonce: Uint8Array<ArrayBuffer> }> {
  const keyInfo = concat(text.encode("WebPush: info\0"), uaPublic, asPublic);
  const ikm = await hkdf(auth, ecdhSecret, keyInfo, 32);
  const cek = await hkdf(salt, ikm, text.encode("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, text.encode("Content-Encoding: nonce\0"), 12);
  return { cek, nonce };
}

/**
 * The `aes128gcm` body for `plaintext`, readable only by the subscription
 * holding the private key of `keys.p256dh`: salt, record size, the sender's
 * public key, then one record (plaintext, 0x02, zero padding, GCM tag).
 */
export async function encryptWebPush(
  plaintext: Uint8Array,
  keys: SubscriptionKeys,
  options: EncryptOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const uaPublic = fromBase64Url(keys.p256dh);
  const auth = fromBase64Url(keys.auth);
  if (uaPublic.length !== 65 || uaPublic[0] !== 4)
    throw new Error("p256dh is not an uncompressed P-256 point");
  if (auth.length !== 16) throw new Error("auth is not 16 bytes");
  const padding = Math.max(0, (options.padTo ?? 0) - plaintext.length);
  if (plaintext.length + padding + 1 + TAG_BYTES > RECORD_SIZE)
    throw new Error("payload too large for one record");
  const salt = options.salt
    ? concat(options.salt)
    : globalThis.crypto.getRandomValues(new Uint8Array(16));
  const sender = await senderKeys(options.sender);
  const uaKey = await subtle().importKey(
    "raw",
    uaPublic,
    { name: "ECDH", namedCurve: "P-256" },
    false,
    [],
  );
  const secret = new Uint8Array(
    await subtle().deriveBits({ name: "ECDH", public: uaKey }, sender.privateKey, 256),
  );
  const { cek, nonce } = await contentKeys(secret, auth, uaPublic, sender.raw, salt);
  const aes = await subtle().importKey("raw", cek, "AES-GCM", false, ["encrypt"]);
  // RFC 8188 §2: the last (here the only) record ends with 0x02, then any zeros.
  const record = concat(plaintext, new Uint8Array([2]), new Uint8Array(padding));
  const sealed = new Uint8Array(
    await subtle().encrypt({ name: "AES-GCM", iv: nonce }, aes, record),
  );
  const header = new Uint8Array(21);
  header.set(salt, 0);
  new DataView(header.buffer).setUint32(16, RECORD_SIZE);
  header[20] = sender.raw.length;
  return concat(header, sender.raw, sealed);
}
