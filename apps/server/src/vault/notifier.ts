/**
 * Sends the "vault X has events up to seq N" notifications
 * (notifications.ts) once appends have committed, batched: every notice
 * asked for while one batch is on its way goes in the next, one statement.
 *
 * Not inside the append's transaction: PostgreSQL takes one database-wide
 * lock for a transaction that NOTIFYs and holds it through that
 * transaction's commit and WAL flush, so appends that notified committed one
 * disk flush at a time, without group commit (docs/scaling.md).
 * The batch commits asynchronously (`synchronous_commit` off for it alone):
 * a notice needs no durability; after a crash the listeners reconnect and
 * catch up, and a device whose append was not acknowledged sends it again,
 * which notifies again (the store notifies for repeats too).
 */
import type { Queryable } from "../db/types.ts";
import { formatVaultNotification, VAULT_EVENTS_CHANNEL } from "./notifications.ts";

export const NOTIFY_BATCH = `SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, n)
  FROM unnest($2::text[]) AS n`;

export interface Notifier {
  /** Resolves once the notice is sent (never rejects: a lost notice costs only timeliness). */
  notify(vaultId: string, seq: number): Promise<void>;
}

export function createNotifier(db: Queryable): Notifier {
  let pending = new Map<string, number>();
  let waiting: (() => void)[] = [];
  let sending = false;

  const send = async () => {
    while (pending.size > 0) {
      const batch = pending;
      const done = waiting;
      pending = new Map();
      waiting = [];
      try {
        await db.query(NOTIFY_BATCH, [
          VAULT_EVENTS_CHANNEL,
          [...batch].map(([vaultId, seq]) => formatVaultNotification(vaultId, seq)),
        ]);
      } catch {
        // The append itself is stored; its streams hear of it with the next one.
      }
      for (const resolve of done) resolve();
    }
    sending = false;
  };

  return {
    notify(vaultId, seq) {
      pending.set(vaultId, Math.max(pending.get(vaultId) ?? 0, seq));
      const sent = new Promise<void>((resolve) => waiting.push(resolve));
      if (!sending) {
        sending = true;
        void send();
      }
      return sent;
    },
  };
}
