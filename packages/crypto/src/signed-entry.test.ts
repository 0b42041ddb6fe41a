import { describe, expect, it } from "vitest";
import { ed25519FromSeed } from "./identity.ts";
import type { RootKey } from "./keys.ts";
import {
  certifyDevice,
  type DeviceSigner,
  deriveDeviceKey,
  openSignedEntry,
  signEntry,
} from "./signed-entry.ts";
import { ready } from "./sodium.ts";
import { counting, hex, text } from "./testing.ts";

await ready();

const vaultId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const eventId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";
const address = { vaultId, eventId, epoch: 3 };

function signer(seed: number, deviceId = "device-a"): DeviceSigner {
  const identity = ed25519FromSeed(counting(seed, 32));
  const device = ed25519FromSeed(counting(seed + 0x40, 32));
  return {
    identityKey: identity.publicKey,
    device,
    deviceId,
    certificate: certifyDevice(identity, { publicKey: device.publicKey, deviceId }),
  };
}

describe("signed entries", () => {
  it("signs to the pinned bytes and opens to the signer and body (pins current behaviour)", () => {
    const s = signer(0);
    const bytes = signEntry(address, s, text("hello"));
    expect(bytes.length).toBe(194 + 8 + 5);
    expect(hex(bytes.subarray(0, 1))).toBe("01");
    expect(hex(bytes.subarray(1, 33))).toBe(hex(s.identityKey));
    expect(hex(bytes.subarray(33, 65))).toBe(hex(s.device.publicKey));
    expect(bytes[65]).toBe(8);
    expect(hex(bytes.subarray(74, 74 + 64))).toBe(
      "50d0f6c29218ac0f324b8a929a2a72940395a3cd7b8a2acfb3ff05336cc4b3c1" +
        "73b18c128655d8c81355b08dcdedda8bc6d72d34b74b3bd5c52397fe6659a806",
    );
    expect(hex(bytes.subarray(74 + 64))).toBe(
      "65827ed2d5c30bf91206aa6198e64984b9b7d6b214c4878c819dd26f414aff6" +
        "73a07bbfb9afc16248ba7a4b3921840cf0498ddb523020a74a57ef41ab682d005" + // entry signature
        "68656c6c6f",
    );
    const opened = openSignedEntry(address, bytes);
    expect(opened.ok && hex(opened.value.body)).toBe(hex(text("hello")));
    expect(opened.ok && opened.value.signer.deviceId).toBe("device-a");
    expect(opened.ok && hex(opened.value.signer.identityKey)).toBe(hex(s.identityKey));
  });

  it("refuses an entry moved to another event, vault or epoch", () => {
    const bytes = signEntry(address, signer(0), text("hello"));
    for (const other of [
      { ...address, eventId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d" },
      { ...address, vaultId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d" },
      { ...address, epoch: 4 },
    ]) {
      expect(openSignedEntry(other, bytes)).toEqual({
        ok: false,
        error: { reason: "bad-signature" },
      });
    }
  });

  it("refuses a device key certified by nobody, or a device id the certificate did not name", () => {
    const honest = signer(0);
    const forged: DeviceSigner = { ...honest, certificate: signer(1).certificate };
    expect(openSignedEntry(address, signEntry(address, forged, text("x")))).toEqual({
      ok: false,
      error: { reason: "bad-certificate" },
    });
    const claimed: DeviceSigner = { ...honest, deviceId: "device-b" };
    expect(openSignedEntry(address, signEntry(address, claimed, text("x")))).toEqual({
      ok: false,
      error: { reason: "bad-certificate" },
    });
  });

  it("refuses any flipped bit, and calls plain JSON unsigned", () => {
    const bytes = signEntry(address, signer(0), text("hello"));
    for (let i = 1; i < bytes.length; i += 7) {
      const copy = Uint8Array.from(bytes);
      copy[i]! ^= 1;
      expect(openSignedEntry(address, copy).ok).toBe(false);
    }
    expect(openSignedEntry(address, text('{"id":1}'))).toEqual({
      ok: false,
      error: { reason: "unsigned" },
    });
    expect(openSignedEntry(address, Uint8Array.of(1, 2))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });

  it("derives a device key from the root key and device id (pins current behaviour)", () => {
    const root = counting(0, 32) as RootKey;
    const a = deriveDeviceKey(root, "device-a");
    expect(hex(a.publicKey)).toBe(
      "ca0b715f7cec295e00fed6029ef8b40a16fcdcd44dd91e8ec1c306eb814ec6d7",
    );
    expect(hex(deriveDeviceKey(root, "device-a").publicKey)).toBe(hex(a.publicKey));
    expect(hex(deriveDeviceKey(root, "device-b").publicKey)).not.toBe(hex(a.publicKey));
  });

  it("checks each device's certificate once when given a cache", () => {
    const s = signer(0);
    const known = new Set<string>();
    expect(openSignedEntry(address, signEntry(address, s, text("a")), known).ok).toBe(true);
    expect(known.size).toBe(1);
    const other = { ...address, eventId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d" };
    expect(openSignedEntry(other, signEntry(other, s, text("b")), known).ok).toBe(true);
    expect(known.size).toBe(1);
  });
});
