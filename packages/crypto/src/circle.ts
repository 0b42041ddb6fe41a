/**
 * Circle posts: updates for family and friends, sealed with the circle's own
 * key. A circle never receives the vault key, so it can read what was posted
 * to it and nothing else.
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       24    nonce, random
 *   25      n+16  XChaCha20-Poly1305-IETF(padded post) with its tag
 *
 * Padded like events (power of two, at least 256 bytes). Associated data is
 * the UTF-8 text `circleId|postId|v1`.
 */
import { err, type Result } from "@trellis/domain";
import {
  type OpenEnvelopeFailure,
  openPaddedEnvelope,
  randomNonce,
  sealPaddedEnvelope,
} from "./aead.ts";
import { ascii, type Bytes } from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import { type CircleKey, KEY_BYTES, randomKey } from "./keys.ts";

export const CIRCLE_POST_VERSION = 1;

export type SealedCirclePost = Bytes<"SealedCirclePost">;

export interface CirclePostAddress {
  readonly circleId: string;
  readonly postId: string;
}

export type OpenCirclePostFailure = OpenEnvelopeFailure;

/** A fresh random circle key, unrelated to any vault key. */
export function generateCircleKey(): CircleKey {
  return randomKey<CircleKey>(KEY_BYTES.CircleKey);
}

/** `circleId|postId|v1` as UTF-8. */
export function circleAssociatedData(circleId: string, postId: string): Uint8Array {
  return ascii(`${circleId}|${postId}|v${CIRCLE_POST_VERSION}`);
}

export function sealCirclePost(
  address: CirclePostAddress,
  key: CircleKey,
  plaintext: Uint8Array,
): SealedCirclePost {
  return sealCirclePostWithNonce(address, key, plaintext, randomNonce());
}

/** Internal, for known-answer tests only. Never reuse a nonce. */
export function sealCirclePostWithNonce(
  address: CirclePostAddress,
  key: CircleKey,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): SealedCirclePost {
  assertAdSafeId(address.circleId, "circleId");
  assertAdSafeId(address.postId, "postId");
  const ad = circleAssociatedData(address.circleId, address.postId);
  return sealPaddedEnvelope(CIRCLE_POST_VERSION, key, ad, plaintext, nonce) as SealedCirclePost;
}

/** Opens a post (untrusted bytes) expected at `address`. */
export function openCirclePost(
  address: CirclePostAddress,
  key: CircleKey,
  sealed: Uint8Array,
): Result<Uint8Array, OpenCirclePostFailure> {
  if (!isAdSafeId(address.circleId) || !isAdSafeId(address.postId)) {
    return err({ reason: "malformed" });
  }
  const ad = circleAssociatedData(address.circleId, address.postId);
  return openPaddedEnvelope(CIRCLE_POST_VERSION, key, ad, sealed);
}
