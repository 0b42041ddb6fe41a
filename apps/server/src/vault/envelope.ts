/**
 * The one thing the server reads from an event body: the key epoch in the
 * envelope's public header. A version 1 envelope starts with the byte 0x01
 * and then the epoch as a 32-bit big-endian number, both unencrypted by
 * design (see "Event envelope" in packages/crypto/README.md), so the server
 * learns nothing it did not know: it hands out the grants for each epoch.
 * It uses the epoch only to refuse events sealed with a key from before the
 * vault's latest rotation, so that once a removed member's key is retired,
 * nothing new is sealed with it. Everything after the header stays opaque.
 */
const VERSION_1 = 0x01;
const HEADER_BYTES = 5;

/** The epoch a version 1 envelope declares, or undefined for any other body (not checked). */
export function envelopeEpoch(body: Uint8Array): number | undefined {
  if (body.byteLength < HEADER_BYTES || body[0] !== VERSION_1) return undefined;
  return new DataView(body.buffer, body.byteOffset, HEADER_BYTES).getUint32(1, false);
}
