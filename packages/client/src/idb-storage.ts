/**
 * The browser's event store: `EventStorage` over one IndexedDB database
 * (`events`, `meta`; since version 2 `outbox` and `held`; since version 3
 * `received`, events from sync stored many to a record), every value kept as
 * it is. With the app lock on, the record lives in the sealed database
 * instead (`lock/sealed-storage.ts`); both share `record-storage.ts`.
 */
import type { RecordCodec } from "./record-storage.ts";
import { openRecordStorage } from "./record-storage.ts";
import type { EventStorage, HeldEvent } from "./storage.ts";

const VERSION = 3;

/** The plain database's codec: values as they are, keys as they are (ids, meta names). */
export function plainCodec(name: string): RecordCodec {
  return {
    name,
    version: VERSION,
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore("events", { keyPath: "id" });
        db.createObjectStore("meta");
      }
      if (oldVersion < 2) {
        // Existing events stay where they are. They enter the outbox only if
        // the person creates an account (the whole record becomes the vault).
        db.createObjectStore("outbox");
        db.createObjectStore("held");
      }
      if (oldVersion < 3) {
        // Events received before version 3 stay one per record in `events`.
        db.createObjectStore("received", { autoIncrement: true });
      }
    },
    keyed: false,
    event: (e) => ({ value: e }),
    page: (events) => ({ value: events }),
    readEvent: (value) => value,
    readPage: (value) => value as unknown[],
    outbox: (id) => ({ value: true, key: id }),
    outboxKey: (id) => id,
    readOutbox: (_value, key) => key as string,
    held: (h) => ({ value: h, key: h.id }),
    heldKey: (id) => id,
    readHeld: (value) => value as HeldEvent,
    meta: (name, value) => ({ value, key: name }),
    metaKey: (name) => name,
    readMeta: (value, key) => [key as string, value],
  };
}

/**
 * The event log in IndexedDB, one database per journey on this device.
 * Survives reloads, restarts and going offline; the browser may still clear it
 * under storage pressure unless persistent storage was granted.
 */
export function openIndexedDbStorage(name = "trellis"): Promise<EventStorage> {
  return openRecordStorage(plainCodec(name));
}
