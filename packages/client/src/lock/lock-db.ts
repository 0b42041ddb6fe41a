/**
 * The lock database (`DEVICE_DATABASES.lock`): one record saying whether the
 * lock is on, its settings, the device key wrapped by the passphrase (and by
 * a device unlock), and the wrong tries. Nothing of the record itself.
 *
 * Its connection closes itself when another one wants the database gone
 * (`forgetThisDevice`, here or in another tab), and opens again when next
 * needed, so it never holds up an erase.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { DEFAULT_LOCK_SETTINGS, type LockSettings } from "./types.ts";

export interface LockRecord {
  readonly on: boolean;
  readonly settings: LockSettings;
  /** The passphrase's Argon2id salt, and the device key wrapped by the key it gives. */
  readonly passphrase?: { readonly salt: Uint8Array; readonly wrap: Uint8Array };
  /** A WebAuthn credential with PRF: its id, the PRF input, the device key wrapped by the PRF output. */
  readonly device?: {
    readonly credentialId: string;
    readonly prfSalt: string;
    readonly wrap: Uint8Array;
  };
  /** A keyed name under the device key: tells the right key from another without holding it. */
  readonly keyCheck?: string;
  readonly wrongTries: number;
  readonly nextTryAt: number;
}

interface LockDb extends DBSchema {
  lock: { key: "state"; value: LockRecord };
}

const VERSION = 1;
const STATE = "state";

export const NO_LOCK: LockRecord = {
  on: false,
  settings: DEFAULT_LOCK_SETTINGS,
  wrongTries: 0,
  nextTryAt: 0,
};

export interface LockDatabase {
  read(): Promise<LockRecord>;
  /**
   * Reads and (when `change` gives a `next`) writes the record in one
   * transaction, so tabs changing it at once never lose a change.
   */
  update<T>(change: (record: LockRecord) => { next?: LockRecord; out: T }): Promise<T>;
  close(): void;
}

export function lockDatabase(): LockDatabase {
  let connection: Promise<IDBPDatabase<LockDb>> | null = null;
  const db = () => {
    connection ??= openDB<LockDb>(DEVICE_DATABASES.lock, VERSION, {
      upgrade(db) {
        db.createObjectStore("lock");
      },
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        connection = null;
      },
      terminated() {
        connection = null;
      },
    });
    return connection;
  };
  return {
    async read() {
      return (await (await db()).get("lock", STATE)) ?? NO_LOCK;
    },
    async update(change) {
      const tx = (await db()).transaction("lock", "readwrite");
      const { next, out } = change((await tx.store.get(STATE)) ?? NO_LOCK);
      if (next) await tx.store.put(next, STATE);
      await tx.done;
      return out;
    },
    close() {
      const open = connection;
      connection = null;
      void open?.then((d) => d.close()).catch(() => undefined);
    },
  };
}
