/**
 * What a device keeps about its account and vault, in its own storage beside
 * the event log (never in exports). Light on purpose: the app can ask
 * `hasAccount` at start-up without loading any cryptography.
 */
import type { Role } from "@trellis/sync";
import type { TrellisClient } from "../client.ts";

export const ACCOUNT_KEY = "sync-account";
export const VAULT_KEY = "sync-vault";
/** The vault this device's record belongs to; kept after signing out, so signing in again fits. */
export const RECORD_VAULT_KEY = "sync-record-vault";

export interface StoredAccount {
  readonly serverUrl: string;
  readonly accountId: string;
  readonly username: string;
  readonly deviceName: string;
  readonly sessionId: string;
  readonly token: string;
  /** base64url; the device holds it so it can open new grants and re-wrap on a password change. */
  readonly rootKey: string;
}

export interface StoredVault {
  readonly vaultId: string;
  readonly role: Role;
  /** `verify`: a member's new device that has not compared the code with the owner again. */
  readonly state: "active" | "waiting" | "verify";
  readonly ownerAccountId: string;
  /** The owner's Ed25519 key (base64url) that every grant for this vault must be signed with. */
  readonly ownerSigningKey: string;
  /** `VaultKey.encode` of every epoch's key held. */
  readonly keys: readonly string[];
  /** A member was removed and the vault does not have its new key yet. */
  readonly rotationDue?: boolean;
}

/** Whether this device is signed in to an account. Reads storage only: no network, no crypto. */
export async function hasAccount(client: TrellisClient): Promise<boolean> {
  return (await client.sync.getMeta<StoredAccount>(ACCOUNT_KEY)) !== undefined;
}
