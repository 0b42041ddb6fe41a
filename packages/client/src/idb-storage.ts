/**
 * The browser's event store: `EventStorage` over one IndexedDB database
 * (`events`, `meta`; since version 2 `outbox` and `held`; since version 3
 * `received`, events from sync stored many to a record), every value kept as
 * it is. With the app lock on, the record lives in the sealed database
 * instead (`lock/sealed-layout.ts`); both share `record-storage.ts`.
 */
import { unwrap } from "idb";
import {
  type Db,
  openRecordStorage,
  type RecordContents,
  type RecordLayout,
  type StoredEvent,
} from "./record-storage.ts";
import type { EventStorage, HeldEvent } from "./storage.ts";

const VERSION = 3;
const ALL = ["events", "received", "outbox", "held", "meta"] as const;

/** The plain database: values as they are, keyed by event id, meta name and number. */
export function plainLayout(name: string): RecordLayout {
  async function readEvents(db: Db) {
    const tx = db.transaction(["events", "received"], "readonly");
    const [single, batches] = await Promise.all([
      tx.objectStore("events").getAll(),
      tx.objectStore("received").getAll(),
    ]);
    await tx.done;
    return { single, batches: batches as unknown[][] };
  }
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
    async readEvents(db) {
      const { single, batches } = await readEvents(db);
      return [single, ...batches];
    },
    async appendEvents(db, fresh, origin, keepHere) {
      const tx = db.transaction(["events", "outbox", "received"], "readwrite");
      if (origin === "sync") {
        // One record for the whole batch; it lands whole or not at all.
        tx.objectStore("received")
          .add(fresh)
          .catch(() => undefined); // a failure aborts the transaction: tx.done says so
      } else {
        // Local events one record each, each entering the outbox in the same
        // transaction (unless kept on this device). `add` on the bare stores, without a promise per request;
        // an id stored meanwhile by another tab is refused on its request and
        // left as it is, and any other failure aborts the whole batch.
        const store = unwrap(tx.objectStore("events"));
        const outbox = unwrap(tx.objectStore("outbox"));
        for (const e of fresh) {
          const request = store.add(e);
          request.onerror = (event) => {
            if (request.error?.name !== "ConstraintError") return;
            event.preventDefault();
            event.stopPropagation();
          };
          if (!keepHere?.has(e.id)) request.onsuccess = () => outbox.put(true, e.id);
        }
      }
      await tx.done;
    },
    async readOutbox(db) {
      return (await db.getAllKeys("outbox")) as string[];
    },
    async enqueue(db, ids) {
      const tx = db.transaction("outbox", "readwrite");
      for (const id of ids) void tx.store.put(true, id).catch(() => undefined);
      await tx.done;
    },
    async acknowledge(db, ids) {
      const tx = db.transaction("outbox", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(id)));
      await tx.done;
    },
    held: (h) => ({ value: h, key: h.id }),
    heldKey: (id) => id,
    readHeld: (value) => value as HeldEvent,
    meta: (name, value) => ({ value, key: name }),
    metaKey: (name) => name,
    readMeta: (value, key) => [key as string, value],
    async readRecord(db): Promise<RecordContents> {
      const tx = db.transaction([...ALL], "readonly");
      const [single, batches, outbox, held, metaValues, metaKeys] = await Promise.all([
        tx.objectStore("events").getAll(),
        tx.objectStore("received").getAll(),
        tx.objectStore("outbox").getAllKeys(),
        tx.objectStore("held").getAll(),
        tx.objectStore("meta").getAll(),
        tx.objectStore("meta").getAllKeys(),
      ]);
      await tx.done;
      return {
        singles: single as StoredEvent[],
        pages: batches as unknown[][],
        outbox: outbox as string[],
        held: held as HeldEvent[],
        meta: metaValues.map((v, i) => [metaKeys[i] as string, v] as const),
      };
    },
    async writeRecord(db, contents) {
      const tx = db.transaction([...ALL], "readwrite");
      const store = (name: (typeof ALL)[number]) => unwrap(tx.objectStore(name));
      for (const e of contents.singles) store("events").put(e);
      for (const page of contents.pages) store("received").put(page);
      for (const id of contents.outbox) store("outbox").put(true, id);
      for (const h of contents.held) store("held").put(h, h.id);
      for (const [key, value] of contents.meta) store("meta").put(value, key);
      await tx.done;
    },
  };
}

/**
 * The event log in IndexedDB, one database per journey on this device.
 * Survives reloads, restarts and going offline; the browser may still clear it
 * under storage pressure unless persistent storage was granted.
 */
export function openIndexedDbStorage(name = "trellis"): Promise<EventStorage> {
  return openRecordStorage(plainLayout(name));
}
