/**
 * A device's account and sync, as one object for the screens: what this
 * device keeps (session, root key, vault keys, all in its own storage), the
 * flows a person starts (create an account, sign in, recover, invite, ...),
 * and the sync engine for the vault this device's record belongs to.
 *
 * Without an account nothing here runs and nothing touches the network.
 */
import {
  deriveIdentity,
  generateRecoveryKey,
  type Identity,
  type NewRecoveryKey,
  RootKey,
  ready,
  type SafetyCode,
  toBase64Url,
  VaultKey,
} from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { InviteStatus, Role } from "@trellis/sync";
import type { TrellisClient } from "../client.ts";
import {
  changePassword as changePasswordFlow,
  recover as recoverFlow,
  register,
  type SignedIn,
  signIn as signInFlow,
} from "./account.ts";
import { createApi, type SyncApi, type SyncFailure } from "./api.ts";
import {
  type BackoffOptions,
  createSyncEngine,
  type SyncClock,
  type SyncEngine,
  type SyncStatus,
} from "./engine.ts";
import {
  acceptInvite as acceptInviteFlow,
  createInvite as createInviteFlow,
  createVault,
  fetchVaultKeys,
  grantMember,
  rotateVaultKey,
  safetyCodeWith,
  type WireIdentity,
} from "./sharing.ts";
import {
  ACCOUNT_KEY,
  RECORD_VAULT_KEY,
  type StoredAccount,
  type StoredVault,
  VAULT_KEY,
} from "./stored.ts";
import type { Transport } from "./transport.ts";
import { createVaultCrypto, type VaultCrypto } from "./vault-crypto.ts";

export interface AccountView {
  readonly serverUrl: string;
  readonly accountId: string;
  readonly username: string;
  readonly deviceName: string;
}

export interface VaultView {
  readonly vaultId: string;
  readonly role: Role;
  /** `waiting`: an invite was accepted; the owner has not compared the safety code and confirmed yet. */
  readonly state: "active" | "waiting";
  readonly ownerAccountId: string;
}

export interface AccountSyncSnapshot {
  readonly account: AccountView | null;
  readonly vault: VaultView | null;
  /** The engine's status while it runs; null without an active vault. */
  readonly status: SyncStatus | null;
  /**
   * The server said this device's sign-in has ended (unused too long, too
   * old, or signed out from another device). Nothing syncs until the person
   * signs in again; what they record meanwhile waits here, none of it lost.
   * Absent otherwise.
   */
  readonly signInNeeded?: true;
}

export interface MemberView {
  readonly accountId: string;
  readonly role: Role;
  readonly status: "pending" | "active";
  readonly joinedAt: string;
  readonly isMe: boolean;
  readonly publicIdentity: WireIdentity;
}

/** An invite the owner made, and where it stands. */
export interface InviteView {
  readonly inviteId: string;
  readonly role: "partner" | "viewer";
  readonly status: InviteStatus;
  /** ISO instants. */
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface DeviceView {
  readonly sessionId: string;
  readonly deviceName: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly current: boolean;
}

type Outcome<T> = Promise<Result<T, SyncFailure>>;

export interface AccountSync {
  readonly snapshot: AccountSyncSnapshot;
  subscribe(listener: () => void): () => void;
  /** A new recovery key, shown to the person (and saved by them) before `createAccount`. */
  newRecoveryKey(): NewRecoveryKey;
  /** Creates an account; the record on this device (if any) becomes its vault and starts syncing. */
  createAccount(input: {
    serverUrl: string;
    username: string;
    password: string;
    deviceName: string;
    recovery: NewRecoveryKey;
  }): Outcome<void>;
  /** Signs in on this device and brings the account's journey here. */
  signIn(input: {
    serverUrl: string;
    username: string;
    password: string;
    deviceName: string;
  }): Outcome<void>;
  /** A new password from the recovery key; other devices are signed out. */
  recover(input: {
    serverUrl: string;
    username: string;
    recoveryKeyText: string;
    newPassword: string;
    deviceName: string;
  }): Outcome<void>;
  changePassword(input: { newPassword: string; signOutOthers: boolean }): Outcome<void>;
  devices(): Outcome<DeviceView[]>;
  signOutDevice(sessionId: string): Outcome<void>;
  /** Signs this device out; the record stays here. */
  signOut(): Outcome<void>;
  deleteAccount(confirmUsername: string): Outcome<void>;
  createInvite(
    role: "partner" | "viewer",
    origin: string,
  ): Outcome<{ link: string; expiresAt: string }>;
  /** The owner's invites for this record, newest first. */
  invites(): Outcome<InviteView[]>;
  /** Withdraws an invite not yet used (owner only): its link stops working. */
  revokeInvite(inviteId: string): Outcome<void>;
  /** Accepts an invite link's fragment; returns the code to compare with the owner. */
  acceptInvite(fragment: string): Outcome<{ role: Role; safetyCode: SafetyCode }>;
  members(): Outcome<MemberView[]>;
  /** The digits to compare with someone (a quarter of a second of work). */
  safetyCodeWith(member: { publicIdentity: WireIdentity }): Result<SafetyCode, SyncFailure>;
  /** After comparing the code: sends them the vault key, sealed and signed. */
  confirmMember(accountId: string): Outcome<void>;
  /** Removes someone; the vault moves to a new key they never get. */
  removeMember(accountId: string): Outcome<void>;
  /** Leaves someone else's vault; what is on this device stays. */
  leaveVault(): Outcome<void>;
  /** Try now (e.g. the browser is back online). */
  nudge(): void;
  /** Checks for the owner's confirmation now, while waiting (the screen also polls). */
  checkGrant(): Outcome<boolean>;
  close(): Promise<void>;
}

export interface AccountSyncOptions {
  readonly client: TrellisClient;
  /** A transport to the server at `serverUrl`. */
  readonly connect: (serverUrl: string) => Transport;
  readonly clock?: SyncClock;
  /** Listen to the server's live stream (default true). */
  readonly live?: boolean;
  readonly backoff?: BackoffOptions;
  /** How often a device waiting for the owner's confirmation asks again (default 3 s). */
  readonly grantPollMs?: number;
  readonly now?: () => number;
}

/** How often a running device asks whether the vault moved to a new key. */
const EPOCH_CHECK_MS = 60_000;
const fail = (reason: string) => ({ ok: false as const, error: { reason } });
const done = { ok: true as const, value: undefined };

export async function openAccountSync(options: AccountSyncOptions): Promise<AccountSync> {
  await ready();
  const { client } = options;
  // Re-read after an erase: a view of the erased device refuses to write.
  let store = client.sync;
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<() => void>();

  let account = (await store.getMeta<StoredAccount>(ACCOUNT_KEY)) ?? null;
  let vault = (await store.getMeta<StoredVault>(VAULT_KEY)) ?? null;
  let engine: SyncEngine | null = null;
  let crypto: VaultCrypto | null = null;
  let unsubscribeEngine: (() => void) | null = null;
  let grantTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let signInNeeded = false;
  let snapshot: AccountSyncSnapshot = view();

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
      },
      status: engine?.status ?? null,
      ...(signInNeeded && { signInNeeded: true as const }),
    };
  }

  function changed(): void {
    snapshot = view();
    for (const l of listeners) l();
  }

  /**
   * The server ended this device's session: say so, and stop asking it for
   * anything until the person signs in again. The engine stops on its own
   * (a fatal failure); the outbox keeps every pending event.
   */
  function sessionEnded(): void {
    if (signInNeeded || closed) return;
    signInNeeded = true;
    if (grantTimer) clearTimeout(grantTimer);
    grantTimer = null;
    changed();
  }

  /** A transport that notices a 401 for this device's session, whichever call hears it first. */
  function connect(serverUrl: string): Transport {
    const inner = options.connect(serverUrl);
    return {
      ...inner,
      async request(request) {
        const response = await inner.request(request);
        const reason = (response?.body as { error?: { reason?: unknown } } | undefined)?.error
          ?.reason;
        if (
          response?.status === 401 &&
          reason === "unauthenticated" &&
          request.token !== undefined &&
          request.token === account?.token
        ) {
          sessionEnded();
        }
        return response;
      },
    };
  }

  const apiFor = (serverUrl: string): SyncApi => createApi(connect(serverUrl));
  const api = (): SyncApi => apiFor(account!.serverUrl);

  function keysOf(a: StoredAccount): { identity: Identity } {
    const root = RootKey.decode(a.rootKey);
    if (!root.ok) throw new Error("the stored root key is damaged");
    return { identity: deriveIdentity(root.value) };
  }

  async function saveAccount(next: StoredAccount | null): Promise<void> {
    account = next;
    await store.setMeta(ACCOUNT_KEY, next ?? undefined);
  }

  async function saveVault(next: StoredVault | null): Promise<void> {
    vault = next;
    await store.setMeta(VAULT_KEY, next ?? undefined);
    if (next) await store.setMeta(RECORD_VAULT_KEY, next.vaultId);
  }

  // --- the engine -----------------------------------------------------------

  async function stopEngine(): Promise<void> {
    if (grantTimer) clearTimeout(grantTimer);
    grantTimer = null;
    unsubscribeEngine?.();
    unsubscribeEngine = null;
    const running = engine;
    engine = null;
    crypto = null;
    await running?.stop();
  }

  function startEngine(): void {
    if (closed || !account || !vault || vault.state !== "active" || engine) return;
    const a = account;
    const { identity } = keysOf(a);
    const keys = vault.keys.map((k) => VaultKey.decode(k)).flatMap((k) => (k.ok ? [k.value] : []));
    if (keys.length === 0) return;
    const vaultId = vault.vaultId;
    const trustedSigner = vault.ownerSigningKey;
    crypto = createVaultCrypto({
      vaultId,
      keys,
      fetchKeys: () => fetchVaultKeys(api(), a.token, { vaultId, identity, trustedSigner }),
      onKeys: async (all) => {
        if (vault?.vaultId === vaultId) {
          await saveVault({ ...vault, keys: all.map((k) => VaultKey.encode(k)) });
        }
      },
    });
    engine = createSyncEngine({
      storage: store,
      transport: connect(a.serverUrl),
      crypto,
      token: a.token,
      ...(options.clock && { clock: options.clock }),
      ...(options.live !== undefined && { live: options.live }),
      ...(options.backoff && { backoff: options.backoff }),
      beforeRound,
    });
    unsubscribeEngine = engine.subscribe(changed);
    engine.start();
    changed();
  }

  /**
   * Before each round: finish a removal's rotation if one is due, and now and
   * then ask the vault's current epoch, so this device seals with a new key
   * as soon as another device of the owner rotated (a server need not refuse
   * events sealed with an older key).
   */
  let epochCheckedAt = Number.NEGATIVE_INFINITY;
  async function beforeRound(): Promise<Result<void, SyncFailure>> {
    const rotated = await finishRotation();
    if (!rotated.ok) return rotated;
    if (!account || !vault || !crypto || now() - epochCheckedAt < EPOCH_CHECK_MS) return done;
    const listed = await api().listVaults(account.token);
    if (!listed.ok) return listed;
    epochCheckedAt = now();
    const current = listed.value.vaults.find((v) => v.vaultId === vault?.vaultId);
    if (!current) return fail("not-found");
    if (current.epoch > crypto.epoch) {
      const refreshed = await crypto.refresh();
      if (!refreshed.ok) return refreshed;
    }
    return done;
  }

  /** A removal is not finished until the vault has a new key: retried before every round. */
  async function finishRotation(): Promise<Result<void, SyncFailure>> {
    if (!account || !vault?.rotationDue || !crypto) return done;
    const { identity } = keysOf(account);
    const rotated = await rotateVaultKey(api(), account.token, {
      vaultId: vault.vaultId,
      identity,
    });
    if (!rotated.ok) return rotated;
    await saveVault({
      ...vault,
      rotationDue: false,
      keys: [...vault.keys, VaultKey.encode(rotated.value)],
    });
    await crypto.refresh();
    return done;
  }

  /** While waiting for the owner's confirmation, ask for the grant now and then. */
  function pollGrant(): void {
    if (closed || grantTimer || signInNeeded || vault?.state !== "waiting") return;
    grantTimer = setTimeout(async () => {
      grantTimer = null;
      await checkGrant();
      pollGrant();
    }, options.grantPollMs ?? 3_000);
  }

  async function checkGrant(): Outcome<boolean> {
    if (!account || !vault) return fail("no-account");
    if (vault.state === "active") return { ok: true, value: true };
    const { identity } = keysOf(account);
    const keys = await fetchVaultKeys(api(), account.token, {
      vaultId: vault.vaultId,
      identity,
      trustedSigner: vault.ownerSigningKey,
    });
    if (!keys.ok) return keys;
    if (keys.value.length === 0) return { ok: true, value: false };
    await saveVault({
      ...vault,
      state: "active",
      keys: keys.value.map((k) => VaultKey.encode(k)),
    });
    await store.setCanRecord(vault.role !== "viewer");
    startEngine();
    changed();
    return { ok: true, value: true };
  }

  // --- linking a device to an account and a vault ---------------------------

  const hasRecord = () => client.state.eventCount > 0 || client.unreadable.length > 0;

  async function link(serverUrl: string, signedIn: SignedIn, username: string, deviceName: string) {
    await stopEngine();
    signInNeeded = false;
    await saveAccount({
      serverUrl,
      accountId: signedIn.accountId,
      username,
      deviceName,
      sessionId: signedIn.session.sessionId,
      token: signedIn.session.token,
      rootKey: RootKey.encode(signedIn.rootKey),
    });
  }

  /** Makes this device's record the account's vault: every event goes to the outbox. */
  async function vaultFromRecord(signedIn: SignedIn): Outcome<void> {
    const created = await createVault(api(), signedIn.session.token, signedIn.identity);
    if (!created.ok) return created;
    await saveVault({
      vaultId: created.value.vaultId,
      role: "owner",
      state: "active",
      ownerAccountId: signedIn.accountId,
      ownerSigningKey: toBase64Url(signedIn.identity.signing.publicKey),
      keys: [VaultKey.encode(created.value.key)],
    });
    await store.setCanRecord(true);
    await store.enqueueAll();
    return done;
  }

  /** After signing in: find the vault this device should follow, and its keys. */
  async function adoptVault(signedIn: SignedIn): Outcome<void> {
    const token = signedIn.session.token;
    const listed = await api().listVaults(token);
    if (!listed.ok) return listed;
    const recordVault = await store.getMeta<string>(RECORD_VAULT_KEY);
    const vaults = listed.value.vaults;
    const chosen =
      vaults.find((v) => v.vaultId === recordVault) ??
      (hasRecord() ? undefined : (vaults.find((v) => v.role === "owner") ?? vaults[0]));
    if (!chosen) {
      if (!hasRecord()) return done; // an account with nothing yet (a partner before an invite)
      if (vaults.length === 0 && !recordVault) return vaultFromRecord(signedIn);
      return fail("device-has-record");
    }
    let ownerAccountId = signedIn.accountId;
    let ownerSigningKey: string = toBase64Url(signedIn.identity.signing.publicKey);
    if (chosen.role !== "owner") {
      const members = await api().members(token, chosen.vaultId);
      if (!members.ok) return members;
      const owner = members.value.members.find((m) => m.role === "owner");
      if (!owner) return fail("bad-response");
      // A partner's later devices trust the owner key the server reports; the
      // members screen shows the safety code to compare again from here.
      ownerAccountId = owner.accountId;
      ownerSigningKey = owner.publicIdentity.signingKey;
    }
    const keys = await fetchVaultKeys(api(), token, {
      vaultId: chosen.vaultId,
      identity: signedIn.identity,
      trustedSigner: ownerSigningKey,
    });
    if (!keys.ok) return keys;
    await saveVault({
      vaultId: chosen.vaultId,
      role: chosen.role,
      state: keys.value.length > 0 ? "active" : "waiting",
      ownerAccountId,
      ownerSigningKey,
      keys: keys.value.map((k) => VaultKey.encode(k)),
      // Signing in again after the session ended: a removal's rotation still to finish stays due.
      ...(vault?.vaultId === chosen.vaultId && vault.rotationDue && { rotationDue: true }),
    });
    await store.setCanRecord(chosen.role !== "viewer");
    return done;
  }

  async function afterSignIn(
    serverUrl: string,
    signedIn: Result<SignedIn, SyncFailure>,
    username: string,
    deviceName: string,
  ): Outcome<void> {
    if (!signedIn.ok) return signedIn;
    const previous = account;
    const previousVault = vault;
    const previouslyNeeded = signInNeeded;
    await link(serverUrl, signedIn.value, username, deviceName);
    if (!previous || previous.accountId !== signedIn.value.accountId) await saveVault(null);
    const adopted = await adoptVault(signedIn.value);
    if (!adopted.ok) {
      // Leave nothing half-done: this session is not kept.
      await apiFor(serverUrl).signOutDevice(signedIn.value.session.token, "current");
      await saveAccount(previous);
      if (vault !== previousVault) await saveVault(previousVault);
      signInNeeded = previouslyNeeded;
      // As it was: syncing, or (signed out) saying so with what waits.
      if (previous) {
        startEngine();
        pollGrant();
      }
      changed();
      return adopted;
    }
    startEngine();
    pollGrant();
    changed();
    return done;
  }

  /**
   * An account without a vault on a device that holds a record (the vault
   * could not be made when the account was, or the record was started after
   * signing in): the record becomes the account's vault, as at creation.
   */
  let ensuring: Promise<unknown> | null = null;
  function ensureVault(): void {
    if (ensuring || closed || !account || vault || !hasRecord()) return;
    const a = account;
    ensuring = (async () => {
      if (await store.getMeta<string>(RECORD_VAULT_KEY)) return; // another account's record
      const root = RootKey.decode(a.rootKey);
      if (!root.ok) return;
      const made = await vaultFromRecord({
        accountId: a.accountId,
        session: { sessionId: a.sessionId, token: a.token },
        rootKey: root.value,
        identity: deriveIdentity(root.value),
      });
      if (made.ok) {
        startEngine();
        changed();
      }
    })().finally(() => {
      ensuring = null;
    });
  }

  const unsubscribeRecorded = client.sync.onRecorded(ensureVault);
  const unsubscribeErased = client.sync.onErased(() => {
    // Everything this device held is gone, account and keys included.
    void stopEngine();
    store = client.sync;
    account = null;
    vault = null;
    signInNeeded = false;
    changed();
  });

  // --- the object the screens use -----------------------------------------

  const sync: AccountSync = {
    get snapshot() {
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newRecoveryKey: generateRecoveryKey,
    async createAccount(input) {
      const made = await register(apiFor(input.serverUrl), input);
      if (!made.ok) return made;
      const username = normalisedUsername(input.username);
      await link(input.serverUrl, made.value, username, input.deviceName);
      await saveVault(null);
      if (hasRecord()) {
        const vaulted = await vaultFromRecord(made.value);
        if (!vaulted.ok) {
          changed();
          return vaulted;
        }
      }
      startEngine();
      changed();
      return done;
    },
    async signIn(input) {
      const signedIn = await signInFlow(apiFor(input.serverUrl), input);
      return afterSignIn(
        input.serverUrl,
        signedIn,
        normalisedUsername(input.username),
        input.deviceName,
      );
    },
    async recover(input) {
      const signedIn = await recoverFlow(apiFor(input.serverUrl), input);
      return afterSignIn(
        input.serverUrl,
        signedIn,
        normalisedUsername(input.username),
        input.deviceName,
      );
    },
    async changePassword(input) {
      if (!account) return fail("no-account");
      const root = RootKey.decode(account.rootKey);
      if (!root.ok) return fail("damaged");
      return changePasswordFlow(api(), { token: account.token, rootKey: root.value, ...input });
    },
    async devices() {
      if (!account) return fail("no-account");
      const r = await api().account(account.token);
      return r.ok ? { ok: true, value: r.value.devices } : r;
    },
    async signOutDevice(sessionId) {
      if (!account) return fail("no-account");
      const r = await api().signOutDevice(account.token, sessionId);
      return r.ok ? done : r;
    },
    async signOut() {
      if (!account) return done;
      // Best effort: offline, the session simply expires on the server.
      await api().signOutDevice(account.token, "current");
      await stopEngine();
      await saveVault(null);
      await saveAccount(null);
      signInNeeded = false;
      changed();
      return done;
    },
    async deleteAccount(confirmUsername) {
      if (!account) return fail("no-account");
      const r = await api().deleteAccount(account.token, { confirmUsername });
      if (!r.ok) return r;
      await stopEngine();
      await saveVault(null);
      await saveAccount(null);
      await store.setMeta(RECORD_VAULT_KEY, undefined);
      signInNeeded = false;
      changed();
      return done;
    },
    async createInvite(role, origin) {
      if (!account || !vault) return fail("no-vault");
      if (vault.role !== "owner") return fail("forbidden");
      const { identity } = keysOf(account);
      const r = await createInviteFlow(api(), account.token, {
        vaultId: vault.vaultId,
        identity,
        role,
        origin,
        now: now(),
      });
      return r.ok ? { ok: true, value: { link: r.value.link, expiresAt: r.value.expiresAt } } : r;
    },
    async invites() {
      if (!account || !vault) return fail("no-vault");
      if (vault.role !== "owner") return fail("forbidden");
      const r = await api().invites(account.token, vault.vaultId);
      return r.ok ? { ok: true, value: r.value.invites } : r;
    },
    async revokeInvite(inviteId) {
      if (!account || !vault) return fail("no-vault");
      if (vault.role !== "owner") return fail("forbidden");
      const r = await api().revokeInvite(account.token, vault.vaultId, inviteId);
      return r.ok ? done : r;
    },
    async acceptInvite(fragment) {
      if (!account) return fail("no-account");
      if (vault) return fail("already-in-vault");
      if (hasRecord()) return fail("device-has-record");
      const accepted = await acceptInviteFlow(api(), account.token, fragment);
      if (!accepted.ok) return accepted;
      const { identity } = keysOf(account);
      const code = safetyCodeWith(identity, accepted.value.ownerIdentity);
      if (!code.ok) return code;
      await saveVault({
        vaultId: accepted.value.vaultId,
        role: accepted.value.role,
        state: "waiting",
        ownerAccountId: accepted.value.ownerAccountId,
        ownerSigningKey: accepted.value.ownerIdentity.signingKey,
        keys: [],
      });
      await store.setCanRecord(accepted.value.role !== "viewer");
      pollGrant();
      changed();
      return { ok: true, value: { role: accepted.value.role, safetyCode: code.value } };
    },
    async members() {
      if (!account || !vault) return fail("no-vault");
      const r = await api().members(account.token, vault.vaultId);
      if (!r.ok) return r;
      const me = account.accountId;
      return {
        ok: true,
        value: r.value.members.map((m) => ({ ...m, isMe: m.accountId === me })),
      };
    },
    safetyCodeWith(member) {
      if (!account) return fail("no-account");
      return safetyCodeWith(keysOf(account).identity, member.publicIdentity);
    },
    async confirmMember(accountId) {
      if (!account || !vault || vault.role !== "owner") return fail("forbidden");
      const members = await api().members(account.token, vault.vaultId);
      if (!members.ok) return members;
      const member = members.value.members.find((m) => m.accountId === accountId);
      if (!member) return fail("not-found");
      const keys = vault.keys
        .map((k) => VaultKey.decode(k))
        .flatMap((k) => (k.ok ? [k.value] : []));
      return grantMember(api(), account.token, {
        vaultId: vault.vaultId,
        identity: keysOf(account).identity,
        member,
        keys,
      });
    },
    async removeMember(accountId) {
      if (!account || !vault || vault.role !== "owner") return fail("forbidden");
      const removed = await api().removeMember(account.token, vault.vaultId, accountId);
      if (!removed.ok && removed.error.reason !== "not-found") return removed;
      await saveVault({ ...vault, rotationDue: true });
      if (!crypto) return done;
      epochCheckedAt = Number.NEGATIVE_INFINITY;
      const rotated = await finishRotation();
      engine?.nudge();
      changed();
      // Removed either way; the new key follows as soon as the server can be reached.
      return rotated.ok || rotated.error.reason === "offline" ? done : rotated;
    },
    async leaveVault() {
      if (!account || !vault) return done;
      if (vault.role === "owner") return fail("forbidden");
      const r = await api().removeMember(account.token, vault.vaultId, account.accountId);
      if (!r.ok && r.error.reason !== "not-found") return r;
      await stopEngine();
      await saveVault(null);
      changed();
      return done;
    },
    nudge() {
      engine?.nudge();
      ensureVault();
    },
    checkGrant,
    async close() {
      closed = true;
      listeners.clear();
      unsubscribeRecorded();
      unsubscribeErased();
      await stopEngine();
    },
  };

  if (account && vault?.state === "active") startEngine();
  if (account && vault?.state === "waiting") pollGrant();
  ensureVault();
  snapshot = view();
  return sync;
}

function normalisedUsername(text: string): string {
  return text.trim().toLowerCase();
}
