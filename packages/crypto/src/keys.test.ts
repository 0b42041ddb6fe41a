import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, secretsEqual, toBase64Url } from "./bytes.ts";
import { deriveIdentity } from "./identity.ts";
import {
  CircleKey,
  Ed25519PublicKey,
  Ed25519SecretKey,
  ExportKey,
  KEY_BYTES,
  type KeyCodec,
  PinSalt,
  RecoveryKey,
  RootKey,
  VaultKey,
  X25519PublicKey,
  X25519SecretKey,
} from "./keys.ts";
import { generateRootKey } from "./root-key.ts";
import { lib, ready } from "./sodium.ts";
import { fromHex } from "./testing.ts";

await ready();

describe("key lengths", () => {
  it("match libsodium's constants", () => {
    const sodium = lib();
    expect(KEY_BYTES.RootKey).toBe(sodium.crypto_kdf_KEYBYTES);
    expect(KEY_BYTES.X25519PublicKey).toBe(sodium.crypto_box_PUBLICKEYBYTES);
    expect(KEY_BYTES.X25519SecretKey).toBe(sodium.crypto_box_SECRETKEYBYTES);
    expect(KEY_BYTES.Ed25519PublicKey).toBe(sodium.crypto_sign_PUBLICKEYBYTES);
    expect(KEY_BYTES.Ed25519SecretKey).toBe(sodium.crypto_sign_SECRETKEYBYTES);
    expect(KEY_BYTES.VaultKey).toBe(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    expect(KEY_BYTES.CircleKey).toBe(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    expect(KEY_BYTES.PinSalt).toBe(sodium.crypto_pwhash_SALTBYTES);
    expect(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES).toBe(24);
    expect(sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES).toBe(16);
    expect(sodium.crypto_box_SEALBYTES).toBe(48);
    expect(sodium.crypto_sign_BYTES).toBe(64);
    expect(sodium.crypto_kdf_CONTEXTBYTES).toBe(8);
  });
});

describe("key codecs", () => {
  const plainCodecs: [string, KeyCodec<Uint8Array>][] = [
    ["RootKey", RootKey],
    ["RecoveryKey", RecoveryKey],
    ["ExportKey", ExportKey],
    ["X25519SecretKey", X25519SecretKey],
    ["CircleKey", CircleKey],
    ["PinSalt", PinSalt],
  ];

  it.each(plainCodecs)(
    "%s round-trips through base64url and refuses other lengths",
    (name, codec) => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: codec.length, maxLength: codec.length }),
          (bytes) => {
            const key = codec.fromBytes(bytes);
            if (!key.ok) throw new Error("should accept");
            const decoded = codec.decode(codec.encode(key.value));
            expect(decoded.ok && secretsEqual(decoded.value, bytes)).toBe(true);
          },
        ),
        { numRuns: 20 },
      );
      const short = codec.fromBytes(new Uint8Array(codec.length - 1));
      expect(short).toEqual({
        ok: false,
        error: {
          reason: "wrong-length",
          field: name,
          detail: `a ${name} is ${codec.length} bytes, not ${codec.length - 1}`,
        },
      });
      expect(codec.decode(toBase64Url(new Uint8Array(codec.length + 1))).ok).toBe(false);
    },
  );

  it("copies bytes, so wiping the caller's buffer leaves the key intact", () => {
    const buffer = lib().randombytes_buf(32);
    const key = RootKey.fromBytes(buffer);
    if (!key.ok) throw new Error("should accept");
    const before = Uint8Array.from(key.value);
    buffer.fill(0);
    expect(key.value).toEqual(before);
  });

  it("accepts the export key as @serenity-kit/opaque gives it (unpadded base64url of 64 bytes)", () => {
    const bytes = lib().randombytes_buf(64);
    const text = lib().to_base64(bytes, lib().base64_variants.URLSAFE_NO_PADDING);
    expect(text).toHaveLength(86);
    const key = ExportKey.decode(text);
    expect(key.ok && secretsEqual(key.value, bytes)).toBe(true);
  });

  it("refuses text that is not canonical unpadded base64url", () => {
    const good = toBase64Url(new Uint8Array(32).fill(0xfb));
    for (const bad of [
      `${good}=`,
      good.replaceAll("-", "+").replaceAll("_", "/"),
      ` ${good}`,
      "ab",
      "a",
    ]) {
      const decoded = fromBase64Url(bad);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.error.reason).toBe("not-base64url");
    }
    // 'ab' leaves stray bits in its last character; 'ag' is its canonical neighbour.
    expect(fromBase64Url("ag")).toEqual({ ok: true, value: Uint8Array.of(0x6a) });
  });

  it("refuses low-order X25519 public keys and accepts real ones", () => {
    const lowOrder = [
      new Uint8Array(32),
      fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
      fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    ];
    for (const bytes of lowOrder) {
      const key = X25519PublicKey.fromBytes(bytes);
      expect(key.ok).toBe(false);
      if (!key.ok) expect(key.error.reason).toBe("weak-public-key");
    }
    const real = deriveIdentity(generateRootKey()).box.publicKey;
    expect(X25519PublicKey.decode(X25519PublicKey.encode(real)).ok).toBe(true);
  });

  it("refuses Ed25519 public keys that are not valid points", () => {
    const identity = Ed25519PublicKey.fromBytes(
      fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
    );
    expect(identity.ok).toBe(false);
    if (!identity.ok) expect(identity.error.reason).toBe("weak-public-key");
    const real = deriveIdentity(generateRootKey()).signing.publicKey;
    expect(Ed25519PublicKey.decode(Ed25519PublicKey.encode(real)).ok).toBe(true);
  });

  it("refuses an Ed25519 secret key whose public half does not match its seed", () => {
    const a = deriveIdentity(generateRootKey()).signing.secretKey;
    const b = deriveIdentity(generateRootKey()).signing.secretKey;
    expect(Ed25519SecretKey.fromBytes(a).ok).toBe(true);
    const mixed = Uint8Array.from(a);
    mixed.set(b.subarray(32), 32);
    const result = Ed25519SecretKey.fromBytes(mixed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe("inconsistent-key");
  });

  it("encodes a vault key with its epoch and decodes it back", () => {
    const bytes = lib().randombytes_buf(32);
    const key = VaultKey.fromBytes(77, bytes);
    if (!key.ok) throw new Error("should accept");
    const decoded = VaultKey.decode(VaultKey.encode(key.value));
    expect(decoded.ok && decoded.value.epoch).toBe(77);
    expect(decoded.ok && secretsEqual(decoded.value.bytes, bytes)).toBe(true);
    expect(VaultKey.fromBytes(-1, bytes).ok).toBe(false);
    expect(VaultKey.fromBytes(1, bytes.subarray(1)).ok).toBe(false);
    expect(VaultKey.decode(toBase64Url(bytes)).ok).toBe(false);
  });
});

describe("secretsEqual", () => {
  it("compares in constant time and is false for different lengths", () => {
    const a = lib().randombytes_buf(32);
    expect(secretsEqual(a, Uint8Array.from(a))).toBe(true);
    const b = Uint8Array.from(a);
    b[31]! ^= 1;
    expect(secretsEqual(a, b)).toBe(false);
    expect(secretsEqual(a, a.subarray(0, 31))).toBe(false);
  });
});
