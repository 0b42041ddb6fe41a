import { createECDH } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyVapidHeader } from "../testing/mock-push-service.ts";
import { generateVapidKeys, scalarBytes, vapidAuthorization, vapidKeysFrom } from "./vapid.ts";

describe("VAPID (RFC 8292)", () => {
  it("signs an ES256 JWT for the endpoint's origin that verifies against the public key", () => {
    const keys = generateVapidKeys();
    const endpoint = new URL("https://fcm.googleapis.com/fcm/send/abc:def");
    const now = 1_800_000_000;
    const header = vapidAuthorization(keys, endpoint, "mailto:ops@clinic-example.org", now);
    const claims = verifyVapidHeader(header, keys.publicKey.toString("base64url"));
    expect(claims).toEqual({
      aud: "https://fcm.googleapis.com",
      exp: now + 12 * 60 * 60,
      sub: "mailto:ops@clinic-example.org",
    });
    // Another key does not verify it.
    const other = generateVapidKeys().publicKey.toString("base64url");
    expect(() => verifyVapidHeader(header.replace(/k=.*$/, `k=${other}`), other)).toThrow(
      /does not verify/,
    );
  });

  it("works out the public key from the private one, as web-push's keys are kept", () => {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    // Kept as web-push keeps them: the scalar always 32 bytes (Node's getPrivateKey()
    // drops leading zero bytes, one new key in 256: see the next test).
    const keys = vapidKeysFrom(scalarBytes(ecdh.getPrivateKey()).toString("base64url"));
    expect(keys.publicKey.equals(ecdh.getPublicKey())).toBe(true);
    expect(keys.publicKey.byteLength).toBe(65);
  });

  it("keeps a scalar with leading zero bytes as 32 bytes (Node drops them: one new key in 256)", () => {
    // A scalar whose first byte is 0, as getPrivateKey() gives it back: 31 bytes.
    const d = Buffer.concat([Buffer.alloc(1), Buffer.alloc(31, 0x5a)]);
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(d);
    const dropped = ecdh.getPrivateKey();
    expect(dropped.byteLength).toBe(31);
    const padded = scalarBytes(dropped);
    expect(padded).toEqual(d);
    const keys = vapidKeysFrom(padded.toString("base64url"));
    expect(keys.publicKey).toEqual(ecdh.getPublicKey(null, "uncompressed"));
    expect(() => scalarBytes(Buffer.alloc(33, 1))).toThrow(RangeError);
  });

  it("refuses what is not a P-256 private key", () => {
    expect(() => vapidKeysFrom(Buffer.alloc(32).toString("base64url"))).toThrow();
    expect(() => vapidKeysFrom(Buffer.alloc(31, 1).toString("base64url"))).toThrow();
    expect(() => vapidKeysFrom(Buffer.alloc(32, 0xff).toString("base64url"))).toThrow();
  });
});
