/**
 * An export file locked with a passphrase: "Export everything" by default.
 * The key is stretched from the passphrase with Argon2id (parameters kept in
 * the file, so they can rise later without breaking old files); the body is
 * one XChaCha20-Poly1305-IETF seal whose associated data is the whole header,
 * so changing any header byte (salt, parameters, version) makes it fail to
 * open. Byte format: packages/crypto/README.md, "Locked export".
 */
import { err, ok, type Result } from "@trellis/domain";
import { aeadOpen, aeadSeal, NONCE_BYTES, TAG_BYTES } from "./aead.ts";
import { randomBytes, utf8, wipe } from "./bytes.ts";
import { type CryptoProblem, problem } from "./refusals.ts";
import { lib } from "./sodium.ts";

/** ASCII "TRELLISX": what tells a locked export from any other file. */
const MAGIC = Uint8Array.of(0x54, 0x52, 0x45, 0x4c, 0x4c, 0x49, 0x53, 0x58);
const VERSION = 0x01;
const ALG_ARGON2ID13 = 0x01;
const SALT_BYTES = 16; // crypto_pwhash_SALTBYTES
const KEY_BYTES = 32;
export const LOCKED_EXPORT_HEADER_BYTES = MAGIC.length + 1 + 1 + 4 + 4 + SALT_BYTES + NONCE_BYTES;

/** Argon2id work for new files: 3 passes over 64 MiB (stronger than the PIN's interactive limits). */
export const EXPORT_OPSLIMIT = 3;
export const EXPORT_MEMLIMIT = 64 * 1024 * 1024;
/** What a file may ask for: anything beyond is refused, never run (a file must not exhaust memory). */
const MAX_OPSLIMIT = 16;
const MAX_MEMLIMIT = 512 * 1024 * 1024;
const MIN_MEMLIMIT = 8 * 1024;

/** The shortest passphrase that may lock an export, in characters after NFKC. */
export const EXPORT_PASSPHRASE_MIN = 10;

export interface OpenLockedExportFailure {
  readonly reason:
    | "not-locked" // no "TRELLISX" at the start: not a locked export at all
    | "unsupported-version"
    | "malformed" // too short, unknown algorithm or out-of-range parameters
    | "decrypt-failure"; // wrong passphrase, or the file was changed
}

/** Whether `bytes` start like a locked export (a cheap test; opening still checks everything). */
export function isLockedExport(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

function normalise(passphrase: string): string {
  return passphrase.normalize("NFKC");
}

/** Refuses a passphrase that is too short to lock a file: `passphrase-short` with `{ min }`. */
export function checkExportPassphrase(passphrase: string): Result<string, CryptoProblem> {
  const normalised = normalise(passphrase);
  return [...normalised].length < EXPORT_PASSPHRASE_MIN
    ? err(problem("passphrase-short", "passphrase", { min: EXPORT_PASSPHRASE_MIN }))
    : ok(normalised);
}

function stretch(passphrase: string, salt: Uint8Array, ops: number, mem: number): Uint8Array {
  const sodium = lib();
  const password = utf8(normalise(passphrase));
  try {
    return sodium.crypto_pwhash(
      KEY_BYTES,
      password,
      salt,
      ops,
      mem,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
  } finally {
    wipe(password);
  }
}

/** Locks `plaintext` (the export's JSON bytes) with `passphrase`. */
export function lockExport(
  passphrase: string,
  plaintext: Uint8Array,
): Result<Uint8Array, CryptoProblem> {
  const checked = checkExportPassphrase(passphrase);
  if (!checked.ok) return checked;
  return ok(
    lockExportWith(passphrase, plaintext, {
      salt: randomBytes(SALT_BYTES),
      nonce: randomBytes(NONCE_BYTES),
      opslimit: EXPORT_OPSLIMIT,
      memlimit: EXPORT_MEMLIMIT,
    }),
  );
}

/** Test-only (never re-exported): lock with a chosen salt, nonce and work. */
export function lockExportWith(
  passphrase: string,
  plaintext: Uint8Array,
  p: { salt: Uint8Array; nonce: Uint8Array; opslimit: number; memlimit: number },
): Uint8Array {
  if (p.salt.length !== SALT_BYTES || p.nonce.length !== NONCE_BYTES) {
    throw new RangeError("a locked export's salt is 16 bytes and its nonce 24");
  }
  const header = new Uint8Array(LOCKED_EXPORT_HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(MAGIC, 0);
  header[8] = VERSION;
  header[9] = ALG_ARGON2ID13;
  view.setUint32(10, p.opslimit);
  view.setUint32(14, p.memlimit);
  header.set(p.salt, 18);
  header.set(p.nonce, 18 + SALT_BYTES);
  const key = stretch(passphrase, p.salt, p.opslimit, p.memlimit);
  try {
    const sealed = aeadSeal(key, p.nonce, header, plaintext);
    const out = new Uint8Array(header.length + sealed.length);
    out.set(header, 0);
    out.set(sealed, header.length);
    return out;
  } finally {
    wipe(key);
  }
}

/** The plaintext of a locked export, or why it does not open. Never throws on bad bytes. */
export function openLockedExport(
  passphrase: string,
  bytes: Uint8Array,
): Result<Uint8Array, OpenLockedExportFailure> {
  if (!isLockedExport(bytes)) return err({ reason: "not-locked" });
  if (bytes.length < MAGIC.length + 1) return err({ reason: "malformed" });
  if (bytes[8] !== VERSION) return err({ reason: "unsupported-version" });
  if (bytes.length < LOCKED_EXPORT_HEADER_BYTES + TAG_BYTES) return err({ reason: "malformed" });
  if (bytes[9] !== ALG_ARGON2ID13) return err({ reason: "malformed" });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const opslimit = view.getUint32(10);
  const memlimit = view.getUint32(14);
  if (
    opslimit < 1 ||
    opslimit > MAX_OPSLIMIT ||
    memlimit < MIN_MEMLIMIT ||
    memlimit > MAX_MEMLIMIT
  ) {
    return err({ reason: "malformed" });
  }
  const header = bytes.subarray(0, LOCKED_EXPORT_HEADER_BYTES);
  const salt = bytes.subarray(18, 18 + SALT_BYTES);
  const nonce = bytes.subarray(18 + SALT_BYTES, LOCKED_EXPORT_HEADER_BYTES);
  if (normalise(passphrase).length === 0) return err({ reason: "decrypt-failure" });
  const key = stretch(passphrase, salt, opslimit, memlimit);
  try {
    const opened = aeadOpen(key, nonce, header, bytes.subarray(LOCKED_EXPORT_HEADER_BYTES));
    return opened ? ok(opened) : err({ reason: "decrypt-failure" });
  } finally {
    wipe(key);
  }
}
