/**
 * For tests only: the fake server's sealed attachments, as the contract
 * says (`putAttachment`, `getAttachment`, `deleteAttachment` in
 * `@trellis/sync`'s paths): opaque bytes under (vault, attachment id), put
 * by the owner or a partner, read by any member with a grant, the same
 * bytes again accepted, other bytes under a used id refused.
 */
import { attachmentId as attachmentIdSchema, MAX_ATTACHMENT_BYTES, type Role } from "@trellis/sync";
import type { TransportRequest } from "../transport.ts";

export interface AttachmentVault {
  readonly attachments: Map<string, Uint8Array>;
}

export interface AttachmentRouteKit<V extends AttachmentVault> {
  route(
    method: TransportRequest["method"],
    pattern: string,
    handler: (params: string[], request: TransportRequest) => unknown,
  ): void;
  /** The vault and the caller's place in it (throws the HTTP error otherwise). */
  member(
    vaultId: string,
    token: string | undefined,
    active: boolean,
  ): { vault: V; role: Role; hasGrant: boolean };
  fail(status: number, reason: string): never;
  /** Binary answer for a request that accepted it. */
  binary(bytes: Uint8Array): unknown;
}

/**
 * As the real server checks: what `sealAttachment` makes (version 0x01, a
 * 24-byte nonce, a padded part that is a power of two of at least 256
 * bytes, a 16-byte tag). Anything else cannot be a sealed photo.
 */
function looksSealed(bytes: Uint8Array): boolean {
  const padded = bytes.length - 1 - 24 - 16;
  return bytes[0] === 0x01 && padded >= 256 && (padded & (padded - 1)) === 0;
}

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

export function attachmentRoutes<V extends AttachmentVault>(kit: AttachmentRouteKit<V>): void {
  const path = "/vaults/:vaultId/attachments/:attachmentId";
  const checkedId = (id: string | undefined) => {
    if (!attachmentIdSchema.safeParse(id).success) kit.fail(400, "invalid-request");
    return id!;
  };

  kit.route("PUT", path, ([vaultId, id], { token, bytes }) => {
    const { vault, role } = kit.member(vaultId!, token, true);
    if (role === "viewer") kit.fail(403, "forbidden");
    const attachmentId = checkedId(id);
    if (!bytes || bytes.length === 0) return kit.fail(400, "invalid-request");
    if (bytes.length > MAX_ATTACHMENT_BYTES) kit.fail(413, "body-too-large");
    if (!looksSealed(bytes)) kit.fail(400, "invalid-request");
    const existing = vault.attachments.get(attachmentId);
    if (existing && !same(existing, bytes)) kit.fail(409, "invalid-request");
    vault.attachments.set(attachmentId, new Uint8Array(bytes));
    return { attachmentId, bytes: bytes.length };
  });

  kit.route("GET", path, ([vaultId, id], { token }) => {
    const { vault, hasGrant } = kit.member(vaultId!, token, true);
    if (!hasGrant) kit.fail(403, "forbidden");
    const stored = vault.attachments.get(checkedId(id));
    if (!stored) return kit.fail(404, "not-found");
    return kit.binary(stored);
  });

  kit.route("DELETE", path, ([vaultId, id], { token }) => {
    const { vault, role } = kit.member(vaultId!, token, true);
    if (role === "viewer") kit.fail(403, "forbidden");
    // Already gone is fine (a retry), as on the real server.
    vault.attachments.delete(checkedId(id));
    return {};
  });
}
