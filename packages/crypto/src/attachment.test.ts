import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_VERSION,
  openAttachment,
  sealAttachment,
  sealAttachmentWith,
} from "./attachment.ts";
import { sealCirclePost } from "./circle.ts";
import { AttachmentKey, type CircleKey } from "./keys.ts";
import { ready } from "./sodium.ts";

await ready();

const photoId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a80";
const photo = () => Uint8Array.from({ length: 5_000 }, (_, i) => (i * 31) % 251);

describe("sealed attachments", () => {
  it("round-trips any bytes under a fresh key of their own", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        const { key, sealed } = sealAttachment(photoId, bytes);
        expect(key).toHaveLength(32);
        expect(openAttachment(photoId, key, sealed)).toEqual({ ok: true, value: bytes });
      }),
      { numRuns: 50 },
    );
  });

  it("gives every attachment its own key, so sharing one hands on nothing else", () => {
    const a = sealAttachment(photoId, photo());
    const b = sealAttachment(photoId, photo());
    expect(AttachmentKey.encode(a.key)).not.toBe(AttachmentKey.encode(b.key));
    expect(openAttachment(photoId, b.key, a.sealed)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("pads to a power of two, so the exact size of a photo is not stored", () => {
    const header = 1 + 24 + 16;
    expect(sealAttachment(photoId, new Uint8Array(5_000)).sealed.length).toBe(header + 8_192);
    expect(sealAttachment(photoId, new Uint8Array(5_001)).sealed.length).toBe(header + 8_192);
    expect(sealAttachment(photoId, new Uint8Array(300_000)).sealed.length).toBe(header + 524_288);
  });

  it("refuses a blob moved to another id, changed bytes, and other versions", () => {
    const { key, sealed } = sealAttachment(photoId, photo());
    const otherId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a81";
    expect(openAttachment(otherId, key, sealed)).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
    const bent = sealed.slice();
    bent[100]! ^= 1;
    expect(openAttachment(photoId, key, bent).ok).toBe(false);
    const later = sealed.slice();
    later[0] = ATTACHMENT_VERSION + 1;
    expect(openAttachment(photoId, key, later)).toEqual({
      ok: false,
      error: { reason: "unsupported-version" },
    });
    expect(openAttachment(photoId, key, sealed.subarray(0, 40))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
    expect(openAttachment("a|b", key, sealed)).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });

  it("never opens a circle post as an attachment, even with the same key bytes", () => {
    const { key } = sealAttachment(photoId, photo());
    const post = sealCirclePost(
      { circleId: "c1", postId: photoId },
      key as unknown as CircleKey,
      photo(),
    );
    expect(openAttachment(photoId, key, post).ok).toBe(false);
  });

  it("never throws on damaged input", () => {
    const { key } = sealAttachment(photoId, photo());
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (junk) => {
        expect(openAttachment(photoId, key, junk).ok).toBe(false);
      }),
    );
  });

  it("is deterministic for a given key and nonce (the layout stays put)", () => {
    const key = AttachmentKey.fromBytes(new Uint8Array(32).fill(7));
    if (!key.ok) throw new Error("key");
    const nonce = new Uint8Array(24).fill(9);
    const a = sealAttachmentWith(photoId, key.value, photo(), nonce);
    const b = sealAttachmentWith(photoId, key.value, photo(), nonce);
    expect(a).toEqual(b);
    expect([...a.subarray(0, 25)]).toEqual([ATTACHMENT_VERSION, ...nonce]);
  });
});
