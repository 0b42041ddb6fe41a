/**
 * Fan-out of "vault X has events up to seq N" to this instance's open
 * streams. One LISTEN per process on `trellis_vault_events`, whatever the
 * number of streams; with PostgreSQL the notification comes from whichever
 * instance committed the append, with PGlite from this process. Same code
 * path either way: the append does `pg_notify`, the hub listens.
 */
import type { Db } from "../db/types.ts";
import { parseVaultNotification, VAULT_EVENTS_CHANNEL } from "./notifications.ts";

/**
 * Called with the highest seq a vault now has, or with `undefined` when
 * notifications may have been missed (the listening connection was lost and
 * re-established): then look up the latest seq.
 */
export type VaultListener = (upTo: number | undefined) => void;

export interface VaultEventsHub {
  /** Resolves once listening, so no append committed after it resolves can be missed. */
  subscribe(vaultId: string, listener: VaultListener): Promise<() => void>;
  /** Number of listeners, for tests and shutdown checks. */
  readonly size: number;
  /** Stops listening and forgets every listener. */
  close(): Promise<void>;
}

export function createVaultEventsHub(db: Db): VaultEventsHub {
  const listeners = new Map<string, Set<VaultListener>>();
  let listening: Promise<() => Promise<void>> | undefined;
  let closed = false;
  let size = 0;

  const onNotify = (payload: string) => {
    const notice = parseVaultNotification(payload);
    if (notice === undefined) return;
    for (const listener of listeners.get(notice.vaultId) ?? []) listener(notice.seq);
  };
  const onReconnect = () => {
    for (const set of listeners.values()) for (const listener of set) listener(undefined);
  };

  const ensureListening = () => {
    listening ??= db.listen(VAULT_EVENTS_CHANNEL, { onNotify, onReconnect }).catch((error) => {
      listening = undefined; // try again on the next subscribe
      throw error;
    });
    return listening;
  };

  return {
    get size() {
      return size;
    },
    async subscribe(vaultId, listener) {
      if (closed) throw new Error("The server is shutting down.");
      await ensureListening();
      let set = listeners.get(vaultId);
      if (set === undefined) {
        set = new Set();
        listeners.set(vaultId, set);
      }
      set.add(listener);
      size += 1;
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        size -= 1;
        const current = listeners.get(vaultId);
        current?.delete(listener);
        if (current?.size === 0) listeners.delete(vaultId);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      size = 0;
      const stop = await listening?.catch(() => undefined);
      listening = undefined;
      await stop?.().catch(() => {});
    },
  };
}
