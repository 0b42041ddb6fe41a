/**
 * Attachments for the tests: sealed as the app seals a photo
 * (`sealAttachment` from @trellis/crypto), and the three calls on them.
 */
import * as trellisCrypto from "@trellis/crypto";
import { attachmentPutResponse } from "@trellis/sync";
import {
  type ApiResponse,
  clientReady,
  type TestAccount,
  type TestClient,
  uuidV7,
} from "./client.ts";

export interface TestAttachment {
  readonly attachmentId: string;
  readonly key: trellisCrypto.AttachmentKey;
  readonly sealed: Uint8Array;
}

/** `plaintext` sealed under a fresh id and key. */
export async function sealTestAttachment(
  plaintext: string | Uint8Array,
  attachmentId: string = uuidV7(),
): Promise<TestAttachment> {
  await clientReady();
  const bytes = typeof plaintext === "string" ? new TextEncoder().encode(plaintext) : plaintext;
  const { key, sealed } = trellisCrypto.sealAttachment(attachmentId, bytes);
  return { attachmentId, key, sealed };
}

export const attachmentPath = (vaultId: string, attachmentId: string) =>
  `/api/v1/vaults/${vaultId}/attachments/${attachmentId}`;

type Who = Pick<TestAccount, "session">;

export function putAttachment(
  c: TestClient,
  who: Who,
  vaultId: string,
  attachmentId: string,
  bytes: Uint8Array,
  headers?: Record<string, string>,
): Promise<ApiResponse> {
  return c.request({
    method: "PUT",
    path: attachmentPath(vaultId, attachmentId),
    token: who.session.token,
    bytes,
    ...(headers === undefined ? {} : { headers }),
  });
}

/** A PUT that must succeed; the answer checked against the wire contract. */
export async function storeAttachment(
  c: TestClient,
  who: Who,
  vaultId: string,
  attachment: TestAttachment,
) {
  const response = await putAttachment(c, who, vaultId, attachment.attachmentId, attachment.sealed);
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`PUT attachment -> ${response.status}: ${response.text.slice(0, 200)}`);
  }
  return { status: response.status, body: attachmentPutResponse.parse(response.body) };
}

export function getAttachment(c: TestClient, who: Who, vaultId: string, attachmentId: string) {
  return c.request({
    method: "GET",
    path: attachmentPath(vaultId, attachmentId),
    token: who.session.token,
  });
}

export function deleteAttachment(c: TestClient, who: Who, vaultId: string, attachmentId: string) {
  return c.request({
    method: "DELETE",
    path: attachmentPath(vaultId, attachmentId),
    token: who.session.token,
  });
}

/** Opens what the server gave back with the key the entry carried. */
export function openTestAttachment(attachment: TestAttachment, sealed: Uint8Array): string {
  const opened = trellisCrypto.openAttachment(attachment.attachmentId, attachment.key, sealed);
  if (!opened.ok) throw new Error(`attachment did not open: ${opened.error.reason}`);
  return new TextDecoder().decode(opened.value);
}
