/**
 * Sealing and opening one vault's events for the wire. Each event is sealed
 * on its own (`sealEvent`, associated data `vaultId|eventId|epoch|v1`) with
 * the newest vault key this device holds; its body is the JSON of the whole
 * event envelope, so the server sees neither type nor clock nor payload.
 * With a `signer`, the sealed plaintext is a signed entry (`signEntry`: the
 * device's signature and its certificate from the account's identity key,
 * inside the envelope) and `open` gives who signed it.
 *
 * With a costs keyring (`costs-keys.ts`), a cost event's JSON is sealed a
 * second time under the newest costs key before it is signed and sealed
 * under the vault key, and `open` opens it again when this device holds
 * the key of its epoch (`costs: "withheld"` otherwise).
 */
import {
  type DeviceSigner,
  type EntrySigner,
  eventEpoch,
  openEvent,
  openSignedEntry,
  sealEvent,
  signEntry,
  type VaultKey,
} from "@trellis/crypto";
import type { Result, TrellisEvent } from "@trellis/domain";
import type { SyncFailure } from "./api.ts";
import { toBase64, utf8Decode, utf8Encode } from "./base64.ts";
import {
  type CostsKeyring,
  isCostEventType,
  isSealedCost,
  openCost,
  sealCost,
} from "./costs-keys.ts";

/** Why a received body could not be opened. `unknown-epoch` may pass once a new key arrives. */
export interface OpenFailure {
  readonly reason:
    | "unknown-epoch"
    | "decrypt-failure"
    | "unsupported-version"
    | "malformed"
    | "not-json"
    | "unsigned"
    | "bad-certificate"
    | "bad-signature"
    /** A sealed cost that does not open with the costs key of its epoch, held here. */
    | "costs-broken";
}

/** An opened body: its JSON (still unvalidated), its epoch, and its signer when signed. */
export interface OpenedBody {
  readonly value: unknown;
  readonly epoch: number;
  readonly signer: EntrySigner | null;
  /**
   * With a costs keyring: `opened`, a sealed cost opened here (`value` is
   * the event inside); `withheld`, a sealed cost this device holds no key
   * for (`value` is null; who signed it is still checked).
   */
  readonly costs?: "opened" | "withheld";
}

export interface VaultCrypto {
  readonly vaultId: string;
  /** The epoch new events are sealed with: the newest key held. */
  readonly epoch: number;
  /** Every key held, for keeping on the device. */
  keys(): VaultKey[];
  seal(event: TrellisEvent): { readonly id: string; readonly body: string };
  /** Whether `seal` can seal this event now (a cost needs a costs key; a partner may wait for one). */
  canSeal(event: TrellisEvent): boolean;
  /** Whether cost events are sealed under a costs key (account sync always; engine tests need not). */
  readonly guardsCosts: boolean;
  /** Seals any JSON value as entry `id` (a snapshot's parts), signed like an event. */
  sealEntry(id: string, value: unknown): { readonly id: string; readonly body: string };
  /**
   * Opens a sealed body from the server for event `id`, checks its signature
   * when signed, and parses its JSON (still unvalidated).
   */
  open(id: string, body: Uint8Array): Result<OpenedBody, OpenFailure>;
  /**
   * Fetches keys this device does not hold yet (after a member was removed
   * and the vault moved to a new epoch). True when a new key arrived.
   */
  refresh(): Promise<Result<boolean, SyncFailure>>;
}

export interface VaultCryptoOptions {
  readonly vaultId: string;
  readonly keys: readonly VaultKey[];
  /** Where new keys come from (the vault's grants); none in tests that never rotate. */
  readonly fetchKeys?: () => Promise<Result<VaultKey[], SyncFailure>>;
  /** Called when new keys arrived, to keep them on the device. */
  readonly onKeys?: (keys: VaultKey[]) => Promise<void>;
  /** This device's certified key: every entry sealed is signed with it. */
  readonly signer?: DeviceSigner;
  /** The costs keys this device holds: cost events are sealed under them and only them. */
  readonly costs?: CostsKeyring;
}

export function createVaultCrypto(options: VaultCryptoOptions): VaultCrypto {
  const byEpoch = new Map<number, VaultKey>(options.keys.map((k) => [k.epoch, k]));
  if (byEpoch.size === 0) throw new RangeError("a vault needs at least one key");
  const newest = () => Math.max(...byEpoch.keys());
  const signer = options.signer;
  const costs = options.costs;
  const isCost = (event: TrellisEvent) => costs !== undefined && isCostEventType(event.type);
  /** Device certificates already checked: one check per device, not per entry. */
  const certificates = new Set<string>();
  function sealEntry(id: string, value: unknown): { id: string; body: string } {
    const key = byEpoch.get(newest())!;
    const address = { vaultId: options.vaultId, eventId: id, epoch: key.epoch };
    const json = utf8Encode(JSON.stringify(value));
    const sealed = sealEvent(address, key, signer ? signEntry(address, signer, json) : json);
    return { id, body: toBase64(sealed) };
  }
  return {
    vaultId: options.vaultId,
    get epoch() {
      return newest();
    },
    keys: () => [...byEpoch.values()],
    guardsCosts: costs !== undefined,
    canSeal: (event) => !isCost(event) || costs?.newest != null,
    seal(event) {
      if (!isCost(event)) return sealEntry(event.id, event);
      const key = costs?.newest;
      // Never under the vault key alone: every viewer holds that one.
      if (!key) throw new Error(`no costs key to seal ${event.type} with`);
      return sealEntry(event.id, sealCost(options.vaultId, event.id, key, event));
    },
    sealEntry,
    open(id, body) {
      const opened = openEvent({ vaultId: options.vaultId, eventId: id }, byEpoch, body);
      if (!opened.ok) return opened;
      const epoch = eventEpoch(body) ?? 0;
      let plain = opened.value;
      let entrySigner: EntrySigner | null = null;
      // A signed entry starts with its version byte (0x01); plain JSON never does.
      if (plain[0] !== 0x7b) {
        const signed = openSignedEntry(
          { vaultId: options.vaultId, eventId: id, epoch },
          plain,
          certificates,
        );
        if (!signed.ok) return signed;
        plain = signed.value.body;
        entrySigner = signed.value.signer;
      }
      const text = utf8Decode(plain);
      if (text === null) return { ok: false, error: { reason: "not-json" } };
      let value: unknown;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        return { ok: false, error: { reason: "not-json" } };
      }
      if (!costs || !isSealedCost(value)) {
        return { ok: true, value: { value, epoch, signer: entrySigner } };
      }
      const cost = openCost(options.vaultId, id, costs.keys, value);
      if (cost.ok) {
        return {
          ok: true,
          value: { value: cost.value, epoch, signer: entrySigner, costs: "opened" },
        };
      }
      if (cost.reason === "broken") return { ok: false, error: { reason: "costs-broken" } };
      return { ok: true, value: { value: null, epoch, signer: entrySigner, costs: "withheld" } };
    },
    async refresh() {
      if (!options.fetchKeys) return { ok: true, value: false };
      const fetched = await options.fetchKeys();
      if (!fetched.ok) return fetched;
      const fresh = fetched.value.filter((k) => !byEpoch.has(k.epoch));
      for (const k of fresh) byEpoch.set(k.epoch, k);
      if (fresh.length > 0) await options.onKeys?.([...byEpoch.values()]);
      return { ok: true, value: fresh.length > 0 };
    },
  };
}
