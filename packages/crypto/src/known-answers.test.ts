/**
 * Known-answer tests, all through the same functions the package uses.
 * Published vectors (draft-irtf-cfrg-xchacha, libsodium's own kdf vectors,
 * RFC 8032, RFC 7748) check that the primitives are the standard ones.
 * "Pinned" vectors were computed once from this code: they pin current
 * behaviour, so a change of KDF, label, layout or parameters fails here
 * instead of silently making old data unreadable.
 */
import { describe, expect, it } from "vitest";
import { aeadOpen, aeadSeal } from "./aead.ts";
import { sealCirclePostWithNonce } from "./circle.ts";
import { openEvent, sealEventWithNonce } from "./event.ts";
import {
  deriveIdentity,
  ed25519FromSeed,
  kdfDerive,
  publicIdentity,
  x25519FromSeed,
} from "./identity.ts";
import {
  type CircleKey,
  type ExportKey,
  makeVaultKey,
  type PinSalt,
  type RecoveryKey,
  type RootKey,
} from "./keys.ts";
import { deriveKeyFromPin } from "./pin.ts";
import { formatRecoveryKey } from "./recovery-key.ts";
import { wrappingKeyFor, wrapWith } from "./root-key.ts";
import { safetyCode } from "./safety-code.ts";
import { lib, ready } from "./sodium.ts";
import { counting, fromHex, hex, text } from "./testing.ts";

await ready();

describe("XChaCha20-Poly1305-IETF (draft-irtf-cfrg-xchacha, appendix A.3.1)", () => {
  const key = fromHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  const nonce = fromHex("404142434445464748494a4b4c4d4e4f5051525354555657");
  const ad = fromHex("50515253c0c1c2c3c4c5c6c7");
  const plaintext = () =>
    text(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
  const ciphertext =
    "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb" +
    "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452" +
    "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9" +
    "21f9664c97637da9768812f615c68b13b52e";
  const tag = "c0875924c1c7987947deafd8780acf49";

  it("encrypts the draft's plaintext to the draft's ciphertext and tag", () => {
    expect(hex(aeadSeal(key, nonce, ad, plaintext()))).toBe(ciphertext + tag);
  });

  it("decrypts the draft's ciphertext and refuses it with other associated data", () => {
    const sealed = fromHex(ciphertext + tag);
    expect(aeadOpen(key, nonce, ad, sealed)).toEqual(plaintext());
    expect(aeadOpen(key, nonce, fromHex("50515253c0c1c2c3c4c5c6c8"), sealed)).toBeNull();
  });
});

describe("crypto_kdf (BLAKE2b)", () => {
  it("matches libsodium's own test vectors (test/default/kdf.exp, context 'KDF test', key 00..1f)", () => {
    const master = counting(0, 32);
    expect(hex(kdfDerive(master, 0, "KDF test", 64))).toBe(
      "a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcbeda51d807" +
        "1b5d70aae12066dfc94ce943f145aa176c055040c3dd73b0a15e36254d450614",
    );
    expect(hex(kdfDerive(master, 1, "KDF test", 64))).toBe(
      "02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2c10a78075" +
        "7d2a3993d06debc378a90efdac196dd841817b977d67b786804f6d3cd585bab5",
    );
    expect(hex(kdfDerive(master, 16, "KDF test", 16))).toBe("a529216624ef9161e4cf117272aafff2");
  });

  it("derives the pinned identity seeds under context 'trellisk' (pins current behaviour)", () => {
    const root = counting(0, 32);
    expect(hex(kdfDerive(root, 1, "trellisk", 32))).toBe(
      "e5feb9e464789babadeb020e22a55f91d44bf00c0e01fb6519f4681e204d618f",
    );
    expect(hex(kdfDerive(root, 2, "trellisk", 32))).toBe(
      "820f989a3ac6c2cc0b1c22ca30337f44fcb8c510ee30fb682e374ce62e9aaab9",
    );
  });

  it("derives the pinned public identity for root key 00..1f (pins current behaviour)", () => {
    const identity = deriveIdentity(counting(0, 32) as RootKey);
    expect(hex(identity.box.publicKey)).toBe(
      "aaaf088049713410d790fc24626994cbf526bfc2be8a63557d35a6e8e17c6a06",
    );
    expect(hex(identity.signing.publicKey)).toBe(
      "54f167099a457f1dee8dc36d53d21553712d09c87c0a173004769a593289454e",
    );
  });
});

describe("Ed25519 (RFC 8032, section 7.1, test 1)", () => {
  const seed = () => fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  it("derives the RFC's public key from the RFC's secret key", () => {
    const pair = ed25519FromSeed(seed());
    expect(hex(pair.publicKey)).toBe(
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    );
    expect(hex(pair.secretKey)).toBe(hex(seed()) + hex(pair.publicKey));
  });

  it("signs the empty message to the RFC's signature", () => {
    const pair = ed25519FromSeed(seed());
    expect(hex(lib().crypto_sign_detached(new Uint8Array(0), pair.secretKey))).toBe(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
  });
});

describe("X25519 (RFC 7748, section 6.1) and crypto_box_seed_keypair", () => {
  it("computes the RFC's public keys and shared secret", () => {
    const sodium = lib();
    const alice = fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    const bob = fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    expect(hex(sodium.crypto_scalarmult_base(alice))).toBe(
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
    );
    expect(hex(sodium.crypto_scalarmult_base(bob))).toBe(
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
    );
    expect(hex(sodium.crypto_scalarmult(alice, sodium.crypto_scalarmult_base(bob)))).toBe(
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742",
    );
  });

  it("makes the secret key SHA-512(seed)[0..32] and the public key its X25519 base multiple", () => {
    const sodium = lib();
    const seed = counting(0x40, 32);
    const pair = x25519FromSeed(seed);
    expect(hex(pair.secretKey)).toBe(hex(sodium.crypto_hash_sha512(seed).subarray(0, 32)));
    expect(hex(pair.publicKey)).toBe(hex(sodium.crypto_scalarmult_base(pair.secretKey)));
    // Pins current behaviour.
    expect(hex(pair.publicKey)).toBe(
      "f14b5173130a1b80687f273d49e8f4740a793a949b83b105837f2a61e8fee14f",
    );
  });
});

describe("envelopes with fixed keys and nonces (pins current behaviour)", () => {
  const vaultId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  const eventId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

  it("seals an event to the pinned bytes, and opens them", () => {
    const key = makeVaultKey(7, counting(0x80, 32));
    const sealed = sealEventWithNonce(
      { vaultId, eventId, epoch: 7 },
      key,
      text("hello"),
      counting(0x40, 24),
    );
    expect(sealed.length).toBe(45 + 256);
    expect(hex(sealed)).toBe(
      "01" + // version
        "00000007" + // epoch
        "404142434445464748494a4b4c4d4e4f5051525354555657" + // nonce
        "99691f983470f45afb1277d3f6ae9d553247726e05449ceccabaf50c42550dc8" +
        "003c107d2b6d9f7d31d3e1496e935e5ac111aa14ac3ba470aee497577d66943d" +
        "41e0e28462dbbc65c5721999e4aec9be4b57c90ba51c3cfa04d7141516a6918a" +
        "428b0329f9430ac603e476d677a3ab7ac100ca33b60f72469a9bbfb32b593597" +
        "464a282d757fd1d39b39d002554f82ae5d9ac9e75528c21df8dcafc677d6d1d9" +
        "e565c96b4771f5ee48ac7aec28be9b384e392a3b1cf2c441de6bd79b9ebb75aa" +
        "04b9aaceb99105bb02bfb1f900afe3b3a7c516a7afed8ed28b90b0cd4ec1ff5b" +
        "ad68c4dcf3dcaca76a4bb9629bcb49f24b8390123b62347b85f68d0e2e14034f" +
        "b70cf6c0e1e66fdb2761d57c01a3d7e7", // ciphertext of 256 padded bytes, then tag
    );
    const opened = openEvent({ vaultId, eventId }, new Map([[7, key]]), sealed);
    expect(opened).toEqual({ ok: true, value: text("hello") });
  });

  it("wraps a root key under an export key to the pinned bytes", () => {
    const wrappingKey = wrappingKeyFor({
      purpose: "export-key",
      key: counting(0xa0, 64) as ExportKey,
    });
    expect(hex(wrappingKey)).toBe(
      "14bc046c0eb5cfa779b49bb661bf3761a791363259f19087888c176b00381a5c",
    );
    expect(
      hex(wrappingKeyFor({ purpose: "recovery-key", key: counting(0x20, 32) as RecoveryKey })),
    ).toBe("de581ebd3897e93cdfa85901a87a7d40d5d8d035b457151de2cfb08c67b5c8f9");
    const wrap = wrapWith(
      counting(0, 32) as RootKey,
      wrappingKey,
      "export-key",
      counting(0x40, 24),
    );
    expect(hex(wrap)).toBe(
      "01" + // version
        "01" + // purpose: export-key
        "404142434445464748494a4b4c4d4e4f5051525354555657" + // nonce
        "0f6bc173c58cef748e99a050b0456d6a98dc419ee8ea037f0f100570899e8573" + // sealed root key
        "fa382c4afdd10e3853ec078e2cdfe48f", // tag
    );
  });

  it("seals a circle post to the pinned bytes", () => {
    const sealed = sealCirclePostWithNonce(
      { circleId: "family", postId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d" },
      counting(0xc0, 32) as CircleKey,
      text("Transfer went well today."),
      counting(0x40, 24),
    );
    expect(sealed.length).toBe(1 + 24 + 256 + 16);
    expect(hex(sealed)).toBe(
      "01" + // version
        "404142434445464748494a4b4c4d4e4f5051525354555657" + // nonce
        "715838dfba94b8f247f714d898997e8fd752712d7eee16cacc1945a36e0f0168" +
        "26cfb41115101b7110cc561c18e5e954a3bb246088d3322db4f30ba12f4ced30" +
        "f579a7b016f9db72eb9f8bc3c3d2b987f151a31fe662fcc8d5b6fb0d87194a3e" +
        "c59b7fd5763d03235a6e1b976b97c9aeeebf692fe66cdc06708b3da79b462a25" +
        "8d2b2a649b6ce116ea05ff4f0ea4169c5e025b1dd6596812e616330d42447608" +
        "acc59f4b10d69ae40b23af15d8b71bff763e5d035d399bf4b395475fb35ed931" +
        "6da26e005cc950355a9ef8c3652db7406d932f039282d89f57dc3a85e556576f" +
        "a83040bce8d2a646467806b45f5cf3c79c0ef16c7429297d02c9ada74e6a6c6f" +
        "ac0e6c726c1e27c779e4d126de888103", // ciphertext of 256 padded bytes, then tag
    );
  });

  it("formats the pinned recovery key text", () => {
    expect(formatRecoveryKey(counting(0, 32) as RecoveryKey)).toBe(
      "000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFG-9ZMK",
    );
    expect(formatRecoveryKey(new Uint8Array(32).fill(0xff) as RecoveryKey)).toBe(
      "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZG-FVP8",
    );
  });

  it("computes the pinned safety code for two fixed identities", () => {
    const a = publicIdentity(deriveIdentity(counting(0, 32) as RootKey));
    const b = publicIdentity(deriveIdentity(counting(1, 32) as RootKey));
    expect(safetyCode(a, b)).toBe("21332 54297 44664 22236 78702 91755");
  });

  it("derives the pinned PIN key (Argon2id, interactive limits)", () => {
    const key = deriveKeyFromPin("1234", counting(0, 16) as PinSalt);
    expect(key.ok && hex(key.value)).toBe(
      "b35943b08b56aab473d9ce6f8925df48155133cbad4468bc4c08fda489be2d2a",
    );
  });
});
