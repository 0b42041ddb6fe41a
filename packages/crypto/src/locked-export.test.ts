import { describe, expect, it } from "vitest";
import {
  checkExportPassphrase,
  isLockedExport,
  LOCKED_EXPORT_HEADER_BYTES,
  lockExport,
  lockExportWith,
  openLockedExport,
} from "./locked-export.ts";
import { ready } from "./sodium.ts";
import { counting, hex, text } from "./testing.ts";

await ready();

const passphrase = "correct horse battery";
const body = text('{"format":"trellis-export"}');

function locked(p = passphrase, plaintext = body): Uint8Array {
  const r = lockExport(p, plaintext);
  if (!r.ok) throw new Error("expected a locked file");
  return r.value;
}

describe("locked export: known answer (pins current behaviour)", () => {
  it("locks a fixed body with a fixed passphrase, salt and nonce to the pinned bytes, and opens them", () => {
    const bytes = lockExportWith(passphrase, body, {
      salt: counting(0x10, 16),
      nonce: counting(0x40, 24),
      opslimit: 3,
      memlimit: 64 * 1024 * 1024,
    });
    expect(hex(bytes)).toBe(
      "5452454c4c495358" + // magic "TRELLISX"
        "01" + // version
        "01" + // algorithm: Argon2id v1.3
        "00000003" + // opslimit
        "04000000" + // memlimit, bytes (64 MiB)
        "101112131415161718191a1b1c1d1e1f" + // salt
        "404142434445464748494a4b4c4d4e4f5051525354555657" + // nonce
        "34c285f35e54ebf018dcc6981294e061a353fd58c29522fbb71cbe" + // ciphertext (27 bytes)
        "d00a49f87433d018a56c24a49def52ac", // tag
    );
    expect(openLockedExport(passphrase, bytes)).toEqual({ ok: true, value: body });
  });
});

describe("lockExport / openLockedExport", () => {
  it("round-trips, with a fresh salt and nonce each time", () => {
    const a = locked();
    const b = locked();
    expect(isLockedExport(a)).toBe(true);
    expect(a.length).toBe(LOCKED_EXPORT_HEADER_BYTES + body.length + 16);
    expect(hex(a.subarray(18, 58))).not.toBe(hex(b.subarray(18, 58)));
    expect(openLockedExport(passphrase, a)).toEqual({ ok: true, value: body });
  });

  it("treats the passphrase NFKC-normalised (the same words typed on another keyboard)", () => {
    const bytes = locked("ｃｏｒｒｅｃｔ horse battery");
    expect(openLockedExport(passphrase, bytes).ok).toBe(true);
  });

  it("refuses a passphrase shorter than 10 characters, with a code", () => {
    expect(lockExport("short", body)).toEqual({
      ok: false,
      error: { reason: "passphrase-short", field: "passphrase", params: { min: 10 } },
    });
    expect(checkExportPassphrase("exactly10!").ok).toBe(true);
    expect(checkExportPassphrase("😀".repeat(9)).ok).toBe(false);
  });

  it("refuses a wrong passphrase, a near miss and an empty one as decrypt-failure", () => {
    const bytes = locked();
    for (const wrong of ["correct horse batterY", "correct horse battery ", "", "x"]) {
      expect(openLockedExport(wrong, bytes)).toEqual({
        ok: false,
        error: { reason: "decrypt-failure" },
      });
    }
  });

  it("refuses every single flipped byte (header or body) without throwing", () => {
    // Light Argon2id work so 100 opens stay quick; the format is the same.
    const bytes = lockExportWith(passphrase, body, {
      salt: counting(0x10, 16),
      nonce: counting(0x40, 24),
      opslimit: 1,
      memlimit: 8192,
    });
    expect(openLockedExport(passphrase, bytes).ok).toBe(true);
    for (let i = 0; i < bytes.length; i++) {
      const tampered = bytes.slice();
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      const r = openLockedExport(passphrase, tampered);
      expect(r.ok, `byte ${i}`).toBe(false);
    }
  });

  it("says why a file is not one it opens: not locked, newer version, cut short, hostile parameters", () => {
    const bytes = locked();
    expect(openLockedExport(passphrase, text('{"format":"trellis-export"}'))).toEqual({
      ok: false,
      error: { reason: "not-locked" },
    });
    expect(openLockedExport(passphrase, new Uint8Array())).toEqual({
      ok: false,
      error: { reason: "not-locked" },
    });
    const newer = bytes.slice();
    newer[8] = 2;
    expect(openLockedExport(passphrase, newer)).toEqual({
      ok: false,
      error: { reason: "unsupported-version" },
    });
    expect(openLockedExport(passphrase, bytes.subarray(0, 60))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
    const greedy = bytes.slice();
    new DataView(greedy.buffer).setUint32(14, 0xffff_ffff); // 4 GiB of memory: never run
    expect(openLockedExport(passphrase, greedy)).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
    const slow = bytes.slice();
    new DataView(slow.buffer).setUint32(10, 1_000_000);
    expect(openLockedExport(passphrase, slow)).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });
});
