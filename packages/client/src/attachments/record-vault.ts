/**
 * The record vault's attachment route (`PUT/GET/DELETE
 * /vaults/:vaultId/attachments/:attachmentId`) for this device's account:
 * what receipts are sent to, so the partner's devices can open them. Null
 * without an account or before the vault is active here; a viewer may only
 * read (the server says the same).
 */
import type { Wiring } from "../sync/account-sync/wiring.ts";
import type { AttachmentVault } from "./receipts.ts";

const forbidden = { ok: false as const, error: { reason: "forbidden" } };

export function recordVaultAttachments(w: Wiring): AttachmentVault | null {
  const account = w.session.account;
  const vault = w.session.vault;
  if (!account || !vault || vault.state !== "active" || w.session.signInNeeded) return null;
  const { vaultId, role } = vault;
  const writer = role === "owner" || role === "partner";
  const api = () => w.api();
  // The token is read at each call: signing in again gives a new one.
  const token = () => w.session.account?.token ?? account.token;
  return {
    put: (id, sealed) =>
      writer ? api().putAttachment(token(), vaultId, id, sealed) : Promise.resolve(forbidden),
    get: (id) => api().getAttachment(token(), vaultId, id),
    delete: (id) =>
      writer ? api().deleteAttachment(token(), vaultId, id) : Promise.resolve(forbidden),
  };
}
