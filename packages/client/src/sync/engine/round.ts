/**
 * One sync round for one vault: finish what must come first (e.g. a key
 * rotation), try held events again, push the outbox, then pull everything
 * new. What every step of a round shares is a `RoundContext`.
 */
import type { Result } from "@trellis/domain";
import type { SyncStore } from "../../client.ts";
import type { SyncApi, SyncFailure } from "../api.ts";
import type { EntryTrust } from "../entry-trust.ts";
import { type HistoryProgress, pullHistory } from "../snapshot/history.ts";
import { sealSnapshotIfDue } from "../snapshot/seal.ts";
import type { VaultCrypto } from "../vault-crypto.ts";
import type { SyncClock } from "./clock.ts";
import { pull } from "./pull.ts";
import { push } from "./push.ts";
import { heldToTell, retryHeld } from "./receive.ts";

/** What each step of a round works with: the device's side, the server's, and the vault's keys. */
export interface RoundContext {
  readonly storage: SyncStore;
  readonly api: SyncApi;
  readonly crypto: VaultCrypto;
  readonly vaultId: string;
  /** The session's bearer token. */
  readonly token: string;
  readonly clock: SyncClock;
  readonly pushBatch: number;
  readonly pullLimit: number;
  /**
   * Whose entries apply (account sync always gives one). Without it,
   * signatures are not required: only for tests of the engine's mechanics.
   */
  readonly trust?: EntryTrust | undefined;
  /**
   * Seal a snapshot every this many entries taken in, and open a new device
   * from the newest one (`sync/snapshot/`); 0 for neither.
   */
  readonly snapshotEvery: number;
  /** The history behind a snapshot this device opened from, as it arrives (`snapshot/history.ts`). */
  readonly history: HistoryProgress;
}

export interface RoundHooks {
  /** Runs first; a failure ends the round. */
  readonly beforeRound?: (() => Promise<Result<void, SyncFailure>>) | undefined;
  /** After each batch the server confirmed: the outbox is smaller. */
  readonly onPushed: () => void;
  /** The highest sequence number seen on the server so far. */
  readonly onCursor: (cursor: number) => void;
}

/** Runs one round; `held` is how many events of this vault are held aside afterwards. */
export async function runRound(
  ctx: RoundContext,
  hooks: RoundHooks,
): Promise<{
  result: Result<void, SyncFailure>;
  held?: number;
  more?: boolean;
  /** Costs in the outbox waiting for a costs key (sent once one arrives, not before). */
  waiting?: number;
}> {
  const before = (await hooks.beforeRound?.()) ?? { ok: true };
  if (!before.ok) return { result: before };
  await retryHeld(ctx);
  const pushed = await push(ctx, hooks.onPushed);
  const pulled = pushed.ok ? await pull(ctx, hooks.onCursor) : pushed;
  if (!pulled.ok) return { result: pulled, held: await heldToTell(ctx) };
  // In the background of a round that already brought everything new; a
  // device that just opened from a snapshot says "synced" first, and pulls
  // the history from the next round on.
  await sealSnapshotIfDue(ctx);
  const opened = ctx.history.started !== true;
  ctx.history.started = true;
  const history =
    opened && !ctx.storage.wholeRecord
      ? { ok: true as const, value: true }
      : await pullHistory(ctx);
  return {
    waiting: ctx.storage.pending().filter((e) => !ctx.crypto.canSeal(e)).length,
    result: history.ok ? pulled : history,
    held: await heldToTell(ctx),
    more: history.ok && history.value,
  };
}
