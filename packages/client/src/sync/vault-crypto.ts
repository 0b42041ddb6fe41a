/**
 * Sealing and opening one vault's events for the wire. Each event is sealed
 * on its own (`sealEvent`, associated data `vaultId|eventId|epoch|v1`) with
 * the newest vault key this device holds; its body is the JSON of the whole
 * event envelope, so the server sees neither type nor clock nor payload.
 */
import { openEvent, sealEvent, type VaultKey } from "@trellis/crypto";
import type { Result, TrellisEvent } from "@trellis/domain";
import type { SyncFailure } from "./api.ts";
import { toBase64, utf8Decode, utf8Encode } from "./base64.ts";

/** Why a received body could not be opened. `unknown-epoch` may pass once a new key arrives. */
export interface OpenFailure {
  readonly reason:
    | "unknown-epoch"
    | "decrypt-failure"
    | "unsupported-version"
    | "malformed"
    | "not-json";
}

export interface VaultCrypto {
  readonly vaultId: string;
  /** The epoch new events are sealed with: the newest key held. */
  readonly epoch: number;
  /** Every key held, for keeping on the device. */
  keys(): VaultKey[];
  seal(event: TrellisEvent): { readonly id: string; readonly body: string };
  /** Opens a sealed body from the server for event `id`, and parses its JSON (still unvalidated). */
  open(id: string, body: Uint8Array): Result<unknown, OpenFailure>;
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
}

export function createVaultCrypto(options: VaultCryptoOptions): VaultCrypto {
  const byEpoch = new Map<number, VaultKey>(options.keys.map((k) => [k.epoch, k]));
  if (byEpoch.size === 0) throw new RangeError("a vault needs at least one key");
  const newest = () => Math.max(...byEpoch.keys());
  return {
    vaultId: options.vaultId,
    get epoch() {
      return newest();
    },
    keys: () => [...byEpoch.values()],
    seal(event) {
      const key = byEpoch.get(newest())!;
      const sealed = sealEvent(
        { vaultId: options.vaultId, eventId: event.id, epoch: key.epoch },
        key,
        utf8Encode(JSON.stringify(event)),
      );
      return { id: event.id, body: toBase64(sealed) };
    },
    open(id, body) {
      const opened = openEvent({ vaultId: options.vaultId, eventId: id }, byEpoch, body);
      if (!opened.ok) return opened;
      const text = utf8Decode(opened.value);
      if (text === null) return { ok: false, error: { reason: "not-json" } };
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, error: { reason: "not-json" } };
      }
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
