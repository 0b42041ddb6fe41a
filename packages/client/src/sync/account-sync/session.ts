/**
 * What this device keeps about its account and vault, and what the screens
 * see of it: the stored account and vault (read at open, written only
 * through `saveAccount` and `saveVault`), whether the server ended this
 * device's sign-in, and the snapshot with its listeners. Saving the account
 * also writes (or clears) the sign-out probe, so it always matches the token.
 */
import { deriveIdentity, type Identity, RootKey, toBase64Url } from "@trellis/crypto";
import type { SyncStore, TrellisClient } from "../../client.ts";
import { listeners } from "../../listeners.ts";
import type { SyncStatus } from "../engine.ts";
import { type SignOutProbe, type SignOutProbeStore, signOutProbeFor } from "../signout-probe.ts";
import {
  ACCOUNT_KEY,
  RECORD_VAULT_KEY,
  type StoredAccount,
  type StoredVault,
  VAULT_KEY,
} from "../stored.ts";
import type { AccountSyncSnapshot, CostsView } from "./types.ts";

export interface Session {
  readonly account: StoredAccount | null;
  readonly vault: StoredVault | null;
  /** The server ended this device's sign-in; nothing syncs until the person signs in again. */
  signInNeeded: boolean;
  /** Another device of the account signed this one out, and it erased what it held. */
  erasedElsewhere: boolean;
  /** Account sync was closed: nothing starts again. */
  closed: boolean;
  /** Whether costs are shown to viewers, and readable here: from the log, once a round read it. */
  costs: CostsView | null;
  /**
   * The client's sync side. Taken again after an erase: a view of the erased
   * device refuses to write.
   */
  readonly store: SyncStore;
  readonly snapshot: AccountSyncSnapshot;
  subscribe(listener: () => void): () => void;
  /** Something changed: a new snapshot, and every listener told. */
  changed(): void;
  saveAccount(next: StoredAccount | null): Promise<void>;
  /** Also remembers the vault as the one this device's record belongs to. */
  saveVault(next: StoredVault | null): Promise<void>;
  /** The device was erased: forget the account and vault (storage is already empty). */
  forget(store: SyncStore): void;
  /** Whether this device holds a record (events, readable or not). */
  hasRecord(): boolean;
  /** Stops telling anyone of changes (account sync closed). */
  close(): void;
}

/**
 * Reads what the device keeps. `status` gives the running engine's status for
 * the snapshot; it is first asked when the snapshot is first read.
 */
export async function openSession(
  client: TrellisClient,
  status: () => SyncStatus | null,
  probe: SignOutProbeStore,
): Promise<Session> {
  let store = client.sync;
  let account = (await store.getMeta<StoredAccount>(ACCOUNT_KEY)) ?? null;
  // Signed in before the probe existed, or before sign-outs were signed: write it whole now.
  if (account && !(await probe.read())?.signer) await saveProbe(probe, account);
  let vault = (await store.getMeta<StoredVault>(VAULT_KEY)) ?? null;
  let snapshot: AccountSyncSnapshot | null = null;
  const told = listeners();

  const session: Session = {
    get account() {
      return account;
    },
    get vault() {
      return vault;
    },
    signInNeeded: false,
    erasedElsewhere: false,
    closed: false,
    costs: null,
    get store() {
      return store;
    },
    get snapshot() {
      snapshot ??= view();
      return snapshot;
    },
    subscribe: told.add,
    changed() {
      snapshot = view();
      told.emit();
    },
    async saveAccount(next) {
      account = next;
      await store.setMeta(ACCOUNT_KEY, next ?? undefined);
      if (next) await saveProbe(probe, next);
      else await probe.clear();
    },
    async saveVault(next) {
      if (next?.vaultId !== vault?.vaultId) session.costs = null;
      vault = next;
      await store.setMeta(VAULT_KEY, next ?? undefined);
      if (next) await store.setMeta(RECORD_VAULT_KEY, next.vaultId);
    },
    forget(fresh) {
      store = fresh;
      account = null;
      vault = null;
      session.costs = null;
      session.signInNeeded = false;
    },
    hasRecord: () => client.state.eventCount > 0 || client.unreadable.length > 0,
    close: told.clear,
  };

  function view(): AccountSyncSnapshot {
    return {
      account: account && {
        serverUrl: account.serverUrl,
        accountId: account.accountId,
        username: account.username,
        deviceName: account.deviceName,
      },
      vault: vault && {
        vaultId: vault.vaultId,
        role: vault.role,
        state: vault.state,
        ownerAccountId: vault.ownerAccountId,
        ...(session.costs && { costs: session.costs }),
      },
      status: status(),
      ...(session.signInNeeded && { signInNeeded: true as const }),
      ...(session.erasedElsewhere && { erasedElsewhere: true as const }),
    };
  }

  return session;
}

/**
 * Best effort: without the probe the device still works; it only cannot ask
 * at start whether it was signed out elsewhere (the running app still hears it).
 */
async function saveProbe(probe: SignOutProbeStore, account: StoredAccount): Promise<void> {
  try {
    await probe.save(await probeOf(account));
  } catch {
    // Storage refused (full, private mode): carry on.
  }
}

/**
 * The sign-out probe of this device's session: the hash of its token, and
 * what a sign-out must be signed for and by (public values only).
 */
export function probeOf(account: StoredAccount): Promise<SignOutProbe> {
  return signOutProbeFor(account.serverUrl, account.token, {
    accountId: account.accountId,
    sessionId: account.sessionId,
    signingKey: toBase64Url(identityOf(account).signing.publicKey),
  });
}

/** The account's identity keys, derived from the root key this device holds. */
export function identityOf(account: StoredAccount): Identity {
  const root = RootKey.decode(account.rootKey);
  if (!root.ok) throw new Error("the stored root key is damaged");
  return deriveIdentity(root.value);
}
