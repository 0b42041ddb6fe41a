/**
 * What an attachment upload must look like before anything is stored: the
 * bytes `sealAttachment` (@trellis/crypto) makes, sent as they are. The
 * server cannot open them and does not try; it only refuses what cannot be
 * one (plain files, JSON, compressed bodies), so what it keeps is always
 * ciphertext of the expected shape:
 *
 *   version 0x01 ‖ nonce (24 bytes) ‖ padded ciphertext (a power of two,
 *   at least 256 bytes) ‖ tag (16 bytes)
 *
 * Messages say what is wrong and never quote the body.
 */
import { MAX_ATTACHMENT_BYTES } from "@trellis/sync";
import type { FastifyRequest } from "fastify";
import { ApiError, invalidRequest } from "../http/errors.ts";

export const ATTACHMENT_CONTENT_TYPE = "application/octet-stream";
const VERSION_1 = 0x01;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const MIN_PADDED = 256;
/** The smallest sealed attachment: an empty photo still pads to 256 bytes. */
export const MIN_SEALED_ATTACHMENT_BYTES = 1 + NONCE_BYTES + MIN_PADDED + TAG_BYTES;

export const attachmentTooLarge = () =>
  new ApiError(
    413,
    "body-too-large",
    `An attachment is at most ${MAX_ATTACHMENT_BYTES} bytes once sealed. Nothing was stored; send a smaller photo.`,
  );

export const attachmentMediaType = () =>
  new ApiError(
    415,
    "unsupported-media-type",
    `Send an attachment as the sealed bytes themselves, uncompressed, with Content-Type: ${ATTACHMENT_CONTENT_TYPE}.`,
  );

/** Why `body` cannot be a sealed attachment, or undefined when it can. */
export function sealedAttachmentProblem(body: Uint8Array): string | undefined {
  if (body.byteLength < MIN_SEALED_ATTACHMENT_BYTES) {
    return `The attachment is ${body.byteLength} bytes, shorter than any sealed attachment (at least ${MIN_SEALED_ATTACHMENT_BYTES}: a version byte, a 24-byte nonce, 256 padded bytes and a 16-byte tag). Send what sealAttachment makes.`;
  }
  if (body[0] !== VERSION_1) {
    return "The attachment does not start with a sealed attachment's version byte (0x01). Send what sealAttachment makes.";
  }
  const padded = body.byteLength - 1 - NONCE_BYTES - TAG_BYTES;
  if ((padded & (padded - 1)) !== 0) {
    return `The attachment's length (${body.byteLength} bytes) is not a sealed attachment's: its padded part must be a power of two of at least 256 bytes. Send what sealAttachment makes.`;
  }
  return undefined;
}

/** The uploaded bytes, checked: 415 for another content type, 400 for a body that can't be sealed. */
export function attachmentBody(request: FastifyRequest): Buffer {
  const type = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (type !== ATTACHMENT_CONTENT_TYPE) throw attachmentMediaType();
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.byteLength === 0) {
    throw invalidRequest("The request has no body; send the sealed attachment's bytes.");
  }
  const problem = sealedAttachmentProblem(body);
  if (problem !== undefined) throw invalidRequest(problem);
  return body;
}

/** Compressed uploads are refused like compressed JSON: a compressed body could unfold past the limit. */
export function refuseEncodedBody(request: FastifyRequest): void {
  const encoding = request.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== "" && encoding !== "identity") {
    throw attachmentMediaType();
  }
}
