/**
 * Runs the sync engine for the vault this device follows, while that vault
 * is active: builds the vault's crypto from the keys the device holds (and
 * saves new ones as they arrive), starts and stops the engine, and before
 * each round finishes a removal's key rotation and now and then asks
 * whether another device moved the vault to a new key.
 */
import { Ed25519PublicKey, RootKey, VaultKey } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import { serialQueue } from "../../client/parts.ts";
import type { SyncFailure } from "../api.ts";
import { costsKeyring, openCostsKeys, settleCosts } from "../costs-keys.ts";
import { deviceSigner } from "../device-signer.ts";
import { createSyncEngine, type SyncEngine, type SyncStatus } from "../engine.ts";
import type { Membership } from "../membership.ts";
import { ownerMembership, rotatePinned } from "../pinned.ts";
import { fetchVaultKeys } from "../sharing.ts";
import { createVaultCrypto, type VaultCrypto } from "../vault-crypto.ts";
import { identityOf } from "./session.ts";
import { type VaultTrust, vaultTrust } from "./vault-trust.ts";
import { done, fail, pulledUpTo, type Wiring } from "./wiring.ts";

/** How often a running device asks whether the vault moved to a new key. */
const EPOCH_CHECK_MS = 60_000;

export interface VaultEngine {
  /** The engine's status while it runs; null otherwise. */
  readonly status: SyncStatus | null;
  /** Whether an engine runs (and the vault's keys are loaded). */
  readonly running: boolean;
  /** Starts the engine if the device has an account and an active vault with keys. */
  start(): void;
  /** Stops the engine; it stops listening to it at once, before the last round ends. */
  stop(): Promise<void>;
  nudge(): void;
  /** A member was removed: move the vault to a new key now, and ask the epoch again next round. */
  rotateNow(): Promise<Result<void, SyncFailure>>;
  /** The verified author (account id) of an entry received from the server; null if unknown. */
  authorOf(eventId: string): string | null;
  /**
   * Reads the membership log now and takes its costs keys (on the owner's
   * devices, first grants or rotates them to match who may read costs:
   * `costs-keys.ts`). Runs before every round; flows call it at once.
   */
  settleCosts(): Promise<Result<void, SyncFailure>>;
}

export function vaultEngine(w: Wiring): VaultEngine {
  const s = w.session;
  let engine: SyncEngine | null = null;
  let crypto: VaultCrypto | null = null;
  let trust: VaultTrust | null = null;
  let unsubscribe: (() => void) | null = null;
  let epochCheckedAt = Number.NEGATIVE_INFINITY;
  /** The costs keys of the running vault, read from the log before every round. */
  const costs = costsKeyring();
  /**
   * The owner's appends to the log (costs grants, a rotation) one at a time:
   * two at once (a round's and a button's) would both see a rotation due and
   * make two new keys, or grant the same costs key twice.
   */
  const oneAtATime = serialQueue();

  function start(): void {
    const vault = s.vault;
    if (s.closed || !s.account || !vault || vault.state !== "active" || engine) return;
    const a = s.account;
    const identity = identityOf(a);
    const keys = vault.keys.map((k) => VaultKey.decode(k)).flatMap((k) => (k.ok ? [k.value] : []));
    if (keys.length === 0) return;
    const vaultId = vault.vaultId;
    const trustedSigner = vault.ownerSigningKey;
    const root = RootKey.decode(a.rootKey);
    const owner = Ed25519PublicKey.decode(trustedSigner);
    if (!root.ok || !owner.ok) return;
    trust = vaultTrust(w, {
      vaultId,
      owner: owner.value,
      ownerAccountId: vault.ownerAccountId,
      isOwner: vault.role === "owner",
    });
    crypto = createVaultCrypto({
      signer: deviceSigner(root.value, w.client.device),
      vaultId,
      keys,
      costs,
      fetchKeys: () => fetchVaultKeys(w.api(), a.token, { vaultId, identity, trustedSigner }),
      onKeys: async (all) => {
        if (s.vault?.vaultId === vaultId) {
          await s.saveVault({ ...s.vault, keys: all.map((k) => VaultKey.encode(k)) });
        }
      },
    });
    engine = createSyncEngine({
      storage: s.store,
      transport: w.connect(a.serverUrl),
      crypto,
      token: a.token,
      ...(w.options.clock && { clock: w.options.clock }),
      ...(w.options.live !== undefined && { live: w.options.live }),
      ...(w.options.backoff && { backoff: w.options.backoff }),
      ...(w.options.snapshotEvery !== undefined && { snapshotEvery: w.options.snapshotEvery }),
      beforeRound,
      trust,
    });
    unsubscribe = engine.subscribe(s.changed);
    engine.start();
    s.changed();
  }

  async function stop(): Promise<void> {
    unsubscribe?.();
    unsubscribe = null;
    const running = engine;
    engine = null;
    crypto = null;
    trust = null;
    costs.set([]);
    await running?.stop();
  }

  /** The costs keys the log grants this account, and what the screens show of them. */
  function takeCosts(m: Membership): void {
    const a = s.account;
    const vault = s.vault;
    if (!a || !vault) return;
    const owner = Ed25519PublicKey.decode(vault.ownerSigningKey);
    if (!owner.ok) return;
    costs.set(
      openCostsKeys(m, {
        vaultId: vault.vaultId,
        accountId: a.accountId,
        identity: identityOf(a),
        owner: owner.value,
      }),
    );
    const view = {
      forViewers: m.costsForViewers,
      readable: m.costsEpoch > 0 && costs.keys.has(m.costsEpoch),
    };
    const was = s.costs;
    if (was?.forViewers !== view.forViewers || was?.readable !== view.readable) {
      s.costs = view;
      s.changed();
    }
  }

  /** The owner's grants made to match the log, then this device's keys taken from it. */
  async function settle(m: Membership): Promise<Result<Membership, SyncFailure>> {
    const a = s.account;
    const vault = s.vault;
    if (!a || !vault || vault.role !== "owner") return { ok: true, value: m };
    return settleCosts(w.api(), a.token, {
      vaultId: vault.vaultId,
      identity: identityOf(a),
      ownerAccountId: a.accountId,
      membership: m,
    });
  }

  const settleNow = () => oneAtATime(settleHere);
  async function settleHere(): Promise<Result<void, SyncFailure>> {
    const a = s.account;
    const vault = s.vault;
    if (!a || !vault) return fail("no-vault");
    if (trust) {
      const loaded = await trust.load();
      if (!loaded.ok) return loaded;
      const settled = await settle(trust.membership);
      if (!settled.ok) return settled;
      await trust.use(settled.value);
      takeCosts(settled.value);
      return done;
    }
    // Not syncing now: the owner's grants are still made (the next start reads them).
    if (vault.role !== "owner") return done;
    const log = await ownerMembership(w.api(), a.token, {
      vaultId: vault.vaultId,
      identity: identityOf(a),
      accountId: a.accountId,
      cursor: await pulledUpTo(s, vault.vaultId),
    });
    if (!log.ok) return log;
    const settled = await settle(log.value);
    return settled.ok ? done : settled;
  }

  /**
   * Before each round: finish a removal's rotation if one is due, and now and
   * then ask the vault's current epoch, so this device seals with a new key
   * as soon as another device of the owner rotated (a server need not refuse
   * events sealed with an older key).
   */
  async function beforeRound(): Promise<Result<void, SyncFailure>> {
    const loaded = await settleNow();
    if (!loaded.ok) return loaded;
    const rotated = await finishRotation();
    if (!rotated.ok) return rotated;
    if (!s.account || !s.vault || !crypto || w.now() - epochCheckedAt < EPOCH_CHECK_MS) return done;
    const listed = await w.api().listVaults(s.account.token);
    if (!listed.ok) return listed;
    epochCheckedAt = w.now();
    const current = listed.value.vaults.find((v) => v.vaultId === s.vault?.vaultId);
    if (!current) return fail("not-found");
    if (current.epoch > crypto.epoch) {
      const refreshed = await crypto.refresh();
      if (!refreshed.ok) return refreshed;
    }
    return done;
  }

  /** A removal is not finished until the vault has a new key: retried before every round. */
  const finishRotation = () => oneAtATime(rotateHere);
  async function rotateHere(): Promise<Result<void, SyncFailure>> {
    if (!s.account || !s.vault?.rotationDue || !crypto) return done;
    const rotated = await rotatePinned(w.api(), s.account.token, {
      vaultId: s.vault.vaultId,
      identity: identityOf(s.account),
      ownerAccountId: s.account.accountId,
      cursor: await pulledUpTo(s, s.vault.vaultId),
    });
    if (!rotated.ok) return rotated;
    await s.saveVault({
      ...s.vault,
      rotationDue: false,
      keys: [...s.vault.keys, VaultKey.encode(rotated.value)],
    });
    await crypto.refresh();
    return done;
  }

  return {
    get status() {
      return engine?.status ?? null;
    },
    get running() {
      return crypto !== null;
    },
    start,
    stop,
    nudge: () => engine?.nudge(),
    authorOf: (eventId) => trust?.authorOf(eventId) ?? null,
    settleCosts: settleNow,
    rotateNow() {
      epochCheckedAt = Number.NEGATIVE_INFINITY;
      return finishRotation();
    },
  };
}
