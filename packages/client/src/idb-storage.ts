/**
 * The browser's event store: `EventStorage` over one IndexedDB database
 * (`events`, `meta`; since version 2 `outbox` and `held`; since version 3
 * `received`, events from sync stored many to a record).
 */
import type { TrellisEvent } from "@trellis/domain";
import { type DBSchema, deleteDB, type IDBPDatabase, openDB, unwrap } from "idb";
import type { EventStorage, HeldEvent } from "./storage.ts";

interface TrellisDb extends DBSchema {
  events: { key: string; value: TrellisEvent };
  meta: { key: string; value: unknown };
  /** Version 2: ids of events recorded here and not yet confirmed by a server. */
  outbox: { key: string; value: true };
  /** Version 2: events received but not applied (see `HeldEvent`). */
  held: { key: string; value: HeldEvent };
  /** Version 3: events received by sync, stored as they came, many to a record. */
  received: { key: number; value: TrellisEvent[] };
}

const VERSION = 3;

/**
 * The event log in IndexedDB, one database per journey on this device.
 * Survives reloads, restarts and going offline; the browser may still clear it
 * under storage pressure unless persistent storage was granted.
 */
export async function openIndexedDbStorage(name = "trellis"): Promise<EventStorage> {
  let db: IDBPDatabase<TrellisDb> = await open(name);
  /**
   * The id of every stored event, read once. Events received by sync are kept
   * many to a record (a new device stores 100,000 of them; one record each
   * cost more than everything else it does), so "is this one stored?" is
   * answered here rather than by a read per event.
   */
  let known: Set<string> | null = null;

  async function readAll(): Promise<unknown[]> {
    const tx = db.transaction(["events", "received"], "readonly");
    const [single, batches] = await Promise.all([
      tx.objectStore("events").getAll(),
      tx.objectStore("received").getAll(),
    ]);
    await tx.done;
    const ids = new Set<string>();
    const out: unknown[] = [];
    // Stored values are checked by the caller; here only an event's id is read,
    // so that one stored twice (two tabs taking in the same page) comes back once.
    const take = (e: unknown) => {
      const id = (e as { id?: unknown } | null)?.id;
      if (typeof id === "string") {
        if (ids.has(id)) return;
        ids.add(id);
      }
      out.push(e);
    };
    for (const e of single) take(e);
    for (const batch of batches) for (const e of batch) take(e);
    known = ids;
    return out;
  }

  async function knownIds(): Promise<Set<string>> {
    if (!known) await readAll();
    return known!;
  }

  return {
    loadEvents: readAll,
    async appendEvents(batch, origin = "local", keepHere) {
      const ids = await knownIds();
      const fresh: TrellisEvent[] = [];
      const here = new Set<string>();
      for (const e of batch) {
        if (ids.has(e.id) || here.has(e.id)) continue; // already stored: left as it is
        here.add(e.id);
        fresh.push(e);
      }
      if (fresh.length === 0) return;
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
      for (const e of fresh) ids.add(e.id);
    },
    async getMeta<T>(key: string) {
      return (await db.get("meta", key)) as T | undefined;
    },
    async setMeta(key, value) {
      await db.put("meta", value, key);
    },
    async loadOutbox() {
      return db.getAllKeys("outbox");
    },
    async enqueue(ids) {
      let stored = await knownIds();
      // Another tab may have stored some since this one read: read again once.
      if (ids.some((id) => !stored.has(id))) {
        known = null;
        stored = await knownIds();
      }
      const tx = db.transaction("outbox", "readwrite");
      for (const id of ids) if (stored.has(id)) void tx.store.put(true, id).catch(() => undefined);
      await tx.done;
    },
    async acknowledge(ids) {
      const tx = db.transaction("outbox", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(id)));
      await tx.done;
    },
    async loadHeld() {
      return db.getAll("held");
    },
    async hold(batch) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(batch.map((h) => tx.store.put(h, h.id)));
      await tx.done;
    },
    async release(ids) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(id)));
      await tx.done;
    },
    async erase() {
      db.close();
      await deleteDB(name);
      known = null;
      db = await open(name);
    },
    close() {
      db.close();
    },
  };
}

function open(name: string): Promise<IDBPDatabase<TrellisDb>> {
  return openDB<TrellisDb>(name, VERSION, {
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
  });
}
