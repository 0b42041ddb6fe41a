/**
 * Joins this device to an account and a vault: keeps the new session, makes
 * the record on this device the account's vault, or after a sign-in finds
 * the vault this device should follow and its keys. A sign-in that cannot
 * be completed leaves the device exactly as it was.
 */
import { deriveIdentity, RootKey, toBase64Url, VaultKey } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { SignedIn } from "../account.ts";
import type { SyncFailure } from "../api.ts";
import { createVault, fetchVaultKeys } from "../sharing.ts";
import { RECORD_VAULT_KEY } from "../stored.ts";
import type { Outcome } from "./types.ts";
import { done, fail, type Wiring } from "./wiring.ts";

export interface Linking {
  /** Keeps a new session for this device (sync stops first; it starts again once a vault is known). */
  link(serverUrl: string, signedIn: SignedIn, username: string, deviceName: string): Promise<void>;
  /** Makes this device's record the account's vault: every event goes to the outbox. */
  vaultFromRecord(signedIn: SignedIn): Outcome<void>;
  /** After signing in or recovering: adopts the account's vault, or undoes the sign-in. */
  afterSignIn(
    serverUrl: string,
    signedIn: Result<SignedIn, SyncFailure>,
    username: string,
    deviceName: string,
  ): Outcome<void>;
  /**
   * An account without a vault on a device that holds a record (the vault
   * could not be made when the account was, or the record was started after
   * signing in): the record becomes the account's vault, as at creation.
   */
  ensureVault(): void;
}

export function linking(w: Wiring): Linking {
  const s = w.session;

  async function link(serverUrl: string, signedIn: SignedIn, username: string, deviceName: string) {
    await w.stopEngine();
    s.signInNeeded = false;
    await s.saveAccount({
      serverUrl,
      accountId: signedIn.accountId,
      username,
      deviceName,
      sessionId: signedIn.session.sessionId,
      token: signedIn.session.token,
      rootKey: RootKey.encode(signedIn.rootKey),
    });
  }

  async function vaultFromRecord(signedIn: SignedIn): Outcome<void> {
    const created = await createVault(w.api(), signedIn.session.token, signedIn.identity);
    if (!created.ok) return created;
    await s.saveVault({
      vaultId: created.value.vaultId,
      role: "owner",
      state: "active",
      ownerAccountId: signedIn.accountId,
      ownerSigningKey: toBase64Url(signedIn.identity.signing.publicKey),
      keys: [VaultKey.encode(created.value.key)],
    });
    await s.store.setCanRecord(true);
    await s.store.enqueueAll();
    return done;
  }

  /** After signing in: find the vault this device should follow, and its keys. */
  async function adoptVault(signedIn: SignedIn): Outcome<void> {
    const token = signedIn.session.token;
    const listed = await w.api().listVaults(token);
    if (!listed.ok) return listed;
    const recordVault = await s.store.getMeta<string>(RECORD_VAULT_KEY);
    // Only a record is followed: a circle (owned or read) is never a device's record.
    const vaults = listed.value.vaults.filter((v) => v.kind === "record");
    const chosen =
      vaults.find((v) => v.vaultId === recordVault) ??
      (s.hasRecord() ? undefined : (vaults.find((v) => v.role === "owner") ?? vaults[0]));
    if (!chosen) {
      if (!s.hasRecord()) return done; // an account with nothing yet (a partner before an invite)
      if (vaults.length === 0 && !recordVault) return vaultFromRecord(signedIn);
      return fail("device-has-record");
    }
    let ownerAccountId = signedIn.accountId;
    let ownerSigningKey: string = toBase64Url(signedIn.identity.signing.publicKey);
    if (chosen.role !== "owner") {
      const members = await w.api().members(token, chosen.vaultId);
      if (!members.ok) return members;
      const owner = members.value.members.find((m) => m.role === "owner");
      if (!owner) return fail("bad-response");
      // A member's new device trusts no owner key from the server: it waits in
      // `verify` until the person compares the safety code with the owner again.
      const vault = s.vault;
      const kept = vault?.vaultId === chosen.vaultId && vault.state !== "verify";
      if (!kept) {
        await s.saveVault({
          vaultId: chosen.vaultId,
          role: chosen.role,
          state: "verify",
          ownerAccountId: owner.accountId,
          ownerSigningKey: owner.publicIdentity.signingKey,
          keys: [],
        });
        await s.store.setCanRecord(false);
        return done;
      }
      ownerAccountId = owner.accountId;
      ownerSigningKey = vault.ownerSigningKey;
    }
    const keys = await fetchVaultKeys(w.api(), token, {
      vaultId: chosen.vaultId,
      identity: signedIn.identity,
      trustedSigner: ownerSigningKey,
    });
    if (!keys.ok) return keys;
    const vault = s.vault;
    await s.saveVault({
      vaultId: chosen.vaultId,
      role: chosen.role,
      state: keys.value.length > 0 ? "active" : "waiting",
      ownerAccountId,
      ownerSigningKey,
      keys: keys.value.map((k) => VaultKey.encode(k)),
      // Signing in again after the session ended: a removal's rotation still to finish stays due.
      ...(vault?.vaultId === chosen.vaultId && vault.rotationDue && { rotationDue: true }),
    });
    await s.store.setCanRecord(chosen.role !== "viewer");
    return done;
  }

  async function afterSignIn(
    serverUrl: string,
    signedIn: Result<SignedIn, SyncFailure>,
    username: string,
    deviceName: string,
  ): Outcome<void> {
    if (!signedIn.ok) return signedIn;
    const previous = s.account;
    const previousVault = s.vault;
    const previouslyNeeded = s.signInNeeded;
    await link(serverUrl, signedIn.value, username, deviceName);
    if (!previous || previous.accountId !== signedIn.value.accountId) await s.saveVault(null);
    const adopted = await adoptVault(signedIn.value);
    if (!adopted.ok) {
      // Leave nothing half-done: this session is not kept.
      await w.apiFor(serverUrl).signOutDevice(signedIn.value.session.token, "current");
      await s.saveAccount(previous);
      if (s.vault !== previousVault) await s.saveVault(previousVault);
      s.signInNeeded = previouslyNeeded;
      // As it was: syncing, or (signed out) saying so with what waits.
      if (previous) {
        w.startEngine();
        w.pollGrant();
      }
      s.changed();
      return adopted;
    }
    w.startEngine();
    w.pollGrant();
    s.changed();
    return done;
  }

  let ensuring: Promise<unknown> | null = null;
  function ensureVault(): void {
    if (ensuring || s.closed || !s.account || s.vault || !s.hasRecord()) return;
    const a = s.account;
    ensuring = (async () => {
      if (await s.store.getMeta<string>(RECORD_VAULT_KEY)) return; // another account's record
      const root = RootKey.decode(a.rootKey);
      if (!root.ok) return;
      const made = await vaultFromRecord({
        accountId: a.accountId,
        session: { sessionId: a.sessionId, token: a.token },
        rootKey: root.value,
        identity: deriveIdentity(root.value),
      });
      if (made.ok) {
        w.startEngine();
        s.changed();
      }
    })().finally(() => {
      ensuring = null;
    });
  }

  return { link, vaultFromRecord, afterSignIn, ensureVault };
}
