import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aeadOpen } from "./aead.ts";
import {
  AT_REST_WRAP_BYTES,
  atRestSealer,
  generateAtRestKey,
  unwrapAtRestKey,
  wrapAtRestKey,
} from "./at-rest.ts";
import { ascii, fromBase64Url, secretsEqual, utf8 } from "./bytes.ts";
import { kdfDerive } from "./identity.ts";
import type { PinKey } from "./keys.ts";
import { lib, ready } from "./sodium.ts";
import { hex } from "./testing.ts";

await ready();

const fixedKey = Uint8Array.from({ length: 32 }, (_, i) => i);

describe("atRestSealer", () => {
  it("seals in the documented layout: version 1, nonce, XChaCha20-Poly1305 under kdf subkey 1 of context trellisa", () => {
    const sealed = atRestSealer(fixedKey).sealText("meta|abc", "hello");
    expect(sealed[0]).toBe(1);
    expect(sealed).toHaveLength(1 + 24 + 5 + 16);
    const subkey = kdfDerive(fixedKey, 1, "trellisa", 32);
    const opened = aeadOpen(
      subkey,
      sealed.subarray(1, 25),
      ascii("trellis|at-rest|v1|meta|abc"),
      sealed.subarray(25),
    );
    expect(opened && lib().to_string(opened)).toBe("hello");
  });

  it("names with keyed BLAKE2b-128 under subkey 2: pinned", () => {
    const sealer = atRestSealer(fixedKey);
    const name = sealer.name("events", "0190c4d2-1c3e-7abc-8def-0123456789ab");
    const expected = lib().crypto_generichash(
      16,
      utf8("events|0190c4d2-1c3e-7abc-8def-0123456789ab"),
      kdfDerive(fixedKey, 2, "trellisa", 32),
    );
    const bytes = fromBase64Url(name);
    expect(bytes.ok && hex(bytes.value)).toBe(hex(expected));
    expect(name).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sealer.name("events", "x")).toBe(sealer.name("events", "x"));
    expect(sealer.name("events", "x")).not.toBe(sealer.name("outbox", "x"));
    expect(atRestSealer(generateAtRestKey()).name("events", "x")).not.toBe(
      sealer.name("events", "x"),
    );
  });

  it("opens only at the place it was sealed for, with the key it was sealed with", () => {
    const key = generateAtRestKey();
    const sealer = atRestSealer(key);
    const sealed = sealer.sealText("events|a", "an entry");
    expect(sealer.openText("events|a", sealed)).toBe("an entry");
    expect(sealer.openText("events|b", sealed)).toBeNull();
    expect(sealer.openText("held|a", sealed)).toBeNull();
    expect(atRestSealer(generateAtRestKey()).openText("events|a", sealed)).toBeNull();
  });

  it("refuses every single flipped bit, and anything too short or not bytes", () => {
    const sealer = atRestSealer(generateAtRestKey());
    const sealed = sealer.sealText("meta|k", "the session token");
    for (let i = 0; i < sealed.length; i++) {
      const changed = sealed.slice();
      changed[i]! ^= 1 << (i % 8);
      expect(sealer.open("meta|k", changed)).toBeNull();
    }
    expect(sealer.open("meta|k", sealed.subarray(0, 40))).toBeNull();
    expect(sealer.open("meta|k", "text" as unknown as Uint8Array)).toBeNull();
  });

  it("round-trips any bytes and any text", () => {
    const sealer = atRestSealer(generateAtRestKey());
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string(), (bytes, place) => {
        const opened = sealer.open(place, sealer.seal(place, bytes));
        return opened !== null && hex(opened) === hex(bytes);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        return sealer.openText("p", sealer.sealText("p", text)) === text;
      }),
    );
  });
});

describe("wrapAtRestKey", () => {
  const passphraseKey = lib().randombytes_buf(32) as PinKey;
  const prf = lib().randombytes_buf(32);

  it("unwraps with the same unlock and nothing else", () => {
    const key = generateAtRestKey();
    const wrap = wrapAtRestKey(key, { purpose: "passphrase", key: passphraseKey });
    expect(wrap).toHaveLength(AT_REST_WRAP_BYTES);
    const back = unwrapAtRestKey(wrap, { purpose: "passphrase", key: passphraseKey });
    expect(back.ok && secretsEqual(back.value, key)).toBe(true);
    const other = lib().randombytes_buf(32) as PinKey;
    expect(unwrapAtRestKey(wrap, { purpose: "passphrase", key: other })).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
    expect(unwrapAtRestKey(wrap, { purpose: "device-unlock", key: passphraseKey })).toEqual({
      ok: false,
      error: { reason: "wrong-purpose" },
    });
  });

  it("a device-unlock wrap opens with its PRF output only", () => {
    const key = generateAtRestKey();
    const wrap = wrapAtRestKey(key, { purpose: "device-unlock", key: prf });
    const back = unwrapAtRestKey(wrap, { purpose: "device-unlock", key: prf });
    expect(back.ok && secretsEqual(back.value, key)).toBe(true);
    const changed = wrap.slice();
    changed[30]! ^= 1;
    expect(unwrapAtRestKey(changed, { purpose: "device-unlock", key: prf }).ok).toBe(false);
  });

  it("refuses a wrap of another version or length", () => {
    const wrap = wrapAtRestKey(generateAtRestKey(), { purpose: "device-unlock", key: prf });
    const newer = wrap.slice();
    newer[0] = 2;
    expect(unwrapAtRestKey(newer, { purpose: "device-unlock", key: prf })).toEqual({
      ok: false,
      error: { reason: "unsupported-version" },
    });
    expect(unwrapAtRestKey(wrap.subarray(0, 50), { purpose: "device-unlock", key: prf })).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });
});
