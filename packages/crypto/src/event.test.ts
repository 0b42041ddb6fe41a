import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EVENT_OVERHEAD_BYTES,
  eventEpoch,
  generateVaultKey,
  openEvent,
  type SealedEvent,
  sealEvent,
} from "./event.ts";
import { makeVaultKey, type VaultKey } from "./keys.ts";
import { bucketFor } from "./padding.ts";
import { ready } from "./sodium.ts";
import { sameBytes, seededBytes, text } from "./testing.ts";

await ready();

const vaultId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const eventId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
const otherId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d";
const here = { vaultId, eventId };
const key = generateVaultKey(1);
const keys = new Map([[1, key]]);
const dose = () =>
  text(
    '{"hlc":"2025-03-14T21:03:11.204Z-0000-d3v1ce","type":"dose.taken","payload":{"medicine":"Menopur","units":150}}',
  );

function seal(plaintext: Uint8Array, k: VaultKey = key): SealedEvent {
  return sealEvent({ ...here, epoch: k.epoch }, k, plaintext);
}

describe("sealEvent and openEvent", () => {
  it("round-trips any plaintext up to 64 KiB", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 65_536 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (length, seed) => {
          const plaintext = seededBytes(length, seed);
          const opened = openEvent(here, keys, seal(plaintext));
          expect(opened.ok && sameBytes(opened.value, plaintext)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("round-trips any small plaintext byte for byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1_200 }), (plaintext) => {
        expect(openEvent(here, keys, seal(plaintext))).toEqual({ ok: true, value: plaintext });
      }),
    );
  });

  it("uses a fresh nonce each time, so the same event seals differently", () => {
    const a = seal(dose());
    const b = seal(dose());
    expect(a.subarray(5, 29)).not.toEqual(b.subarray(5, 29));
    expect(a).not.toEqual(b);
  });

  it("writes version 1 and the epoch (uint32 big-endian) in the header", () => {
    const k = generateVaultKey(0x01020304);
    const sealed = seal(dose(), k);
    expect(Array.from(sealed.subarray(0, 5))).toEqual([1, 1, 2, 3, 4]);
    expect(eventEpoch(sealed)).toBe(0x01020304);
  });

  it("makes the sealed length depend only on the size bucket of the plaintext", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 65_536 }),
        fc.integer({ min: 0, max: 65_536 }),
        (a, b) => {
          const sealedA = seal(new Uint8Array(a)).length;
          const sealedB = seal(new Uint8Array(b)).length;
          expect(sealedA).toBe(EVENT_OVERHEAD_BYTES + bucketFor(a));
          expect(sealedA === sealedB).toBe(bucketFor(a) === bucketFor(b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("turns any single flipped bit into a failure, never into different plaintext", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.nat(), (plaintext, position) => {
        const sealed = seal(plaintext);
        const bit = position % (sealed.length * 8);
        const flipped = Uint8Array.from(sealed);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const result = openEvent(here, keys, flipped);
        const byte = bit >> 3;
        const expected =
          byte === 0 ? "unsupported-version" : byte < 5 ? "unknown-epoch" : "decrypt-failure";
        expect(result).toEqual({ ok: false, error: { reason: expected } });
      }),
      { numRuns: 300 },
    );
  });

  it("refuses an event moved to another vault", () => {
    const sealed = seal(dose());
    expect(openEvent({ vaultId: otherId, eventId }, keys, sealed)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("refuses an event replayed under another event id", () => {
    const sealed = seal(dose());
    expect(openEvent({ vaultId, eventId: otherId }, keys, sealed)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("refuses an event whose vault and event ids are swapped", () => {
    const sealed = seal(dose());
    expect(openEvent({ vaultId: eventId, eventId: vaultId }, keys, sealed).ok).toBe(false);
  });

  it("refuses an event whose epoch was changed, even when both epochs have the same key bytes", () => {
    const sealed = seal(dose());
    const sameBytesNextEpoch = makeVaultKey(2, key.bytes);
    const both = new Map([
      [1, key],
      [2, sameBytesNextEpoch],
    ]);
    const moved = Uint8Array.from(sealed);
    moved[4] = 2;
    expect(openEvent(here, both, moved)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("reports unknown-epoch when the device no longer holds that epoch's key (revoked)", () => {
    const old = seal(dose());
    const next = generateVaultKey(2);
    const afterRemoval = new Map([[2, next]]);
    expect(openEvent(here, afterRemoval, old)).toEqual({
      ok: false,
      error: { reason: "unknown-epoch" },
    });
    const fresh = seal(dose(), next);
    expect(openEvent(here, afterRemoval, fresh).ok).toBe(true);
    expect(openEvent(here, keys, fresh)).toEqual({ ok: false, error: { reason: "unknown-epoch" } });
  });

  it("refuses a map entry whose key belongs to another epoch", () => {
    const sealed = seal(dose());
    const mislabelled = new Map([[1, generateVaultKey(9)]]);
    expect(openEvent(here, mislabelled, sealed)).toEqual({
      ok: false,
      error: { reason: "unknown-epoch" },
    });
  });

  it("refuses the wrong key for the right epoch", () => {
    const sealed = seal(dose());
    expect(openEvent(here, new Map([[1, generateVaultKey(1)]]), sealed)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("reports unsupported-version for any version byte but 1", () => {
    const sealed = Uint8Array.from(seal(dose()));
    for (const version of [0, 2, 255]) {
      sealed[0] = version;
      expect(openEvent(here, keys, sealed)).toEqual({
        ok: false,
        error: { reason: "unsupported-version" },
      });
    }
  });

  it("reports malformed for empty, truncated, extended or off-bucket bytes", () => {
    const sealed = seal(dose());
    const malformed = { ok: false, error: { reason: "malformed" } };
    expect(openEvent(here, keys, new Uint8Array(0))).toEqual(malformed);
    expect(openEvent(here, keys, sealed.subarray(0, 29))).toEqual(malformed);
    expect(openEvent(here, keys, sealed.subarray(0, sealed.length - 1))).toEqual(malformed);
    const longer = new Uint8Array(sealed.length + 1);
    longer.set(sealed);
    expect(openEvent(here, keys, longer)).toEqual(malformed);
  });

  it("refuses ids that could make associated data ambiguous", () => {
    expect(() => sealEvent({ vaultId: "a|b", eventId: "c", epoch: 1 }, key, dose())).toThrow(
      TypeError,
    );
    expect(() => sealEvent({ vaultId: "", eventId: "c", epoch: 1 }, key, dose())).toThrow(
      TypeError,
    );
    const sealed = sealEvent({ vaultId: "a", eventId: "b", epoch: 1 }, key, dose());
    expect(openEvent({ vaultId: "a|b", eventId: "" }, keys, sealed)).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });

  it("refuses to seal with a key from another epoch than the one named", () => {
    expect(() => sealEvent({ ...here, epoch: 2 }, key, dose())).toThrow(RangeError);
  });

  it("makes vault keys only for epochs that fit in 32 bits", () => {
    expect(generateVaultKey(0).epoch).toBe(0);
    expect(generateVaultKey(2 ** 32 - 1).epoch).toBe(2 ** 32 - 1);
    expect(() => generateVaultKey(-1)).toThrow(RangeError);
    expect(() => generateVaultKey(2 ** 32)).toThrow(RangeError);
    expect(() => generateVaultKey(1.5)).toThrow(RangeError);
  });

  it("returns a plaintext that does not share memory with the sealed bytes", () => {
    const sealed = seal(dose());
    const opened = openEvent(here, keys, sealed);
    if (!opened.ok) throw new Error("expected to open");
    expect(opened.value.buffer).not.toBe(sealed.buffer);
    expect(opened.value.byteLength).toBe(opened.value.buffer.byteLength);
  });
});
