import type { TrellisEvent } from "@trellis/domain";
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { EventStorage, HeldEvent } from "./storage.ts";

interface TrellisDb extends DBSchema {
  events: { key: string; value: TrellisEvent };
  meta: { key: string; value: unknown };
  /** Version 2: ids of events recorded here and not yet confirmed by a server. */
  outbox: { key: string; value: true };
  /** Version 2: events received but not applied (see `HeldEvent`). */
  held: { key: string; value: HeldEvent };
}

const VERSION = 2;

/**
 * The event log in IndexedDB, one database per journey on this device.
 * Survives reloads, restarts and going offline; the browser may still clear it
 * under storage pressure unless persistent storage was granted.
 */
export async function openIndexedDbStorage(name = "trellis"): Promise<EventStorage> {
  let db: IDBPDatabase<TrellisDb> = await open(name);
  return {
    async loadEvents() {
      return db.getAll("events");
    },
    async appendEvents(batch, origin = "local") {
      const tx = db.transaction(["events", "outbox"], "readwrite");
      const store = tx.objectStore("events");
      const outbox = tx.objectStore("outbox");
      // `add` fails on an existing key; check first so a replayed event is a no-op,
      // all inside one transaction so the batch lands whole or not at all.
      await Promise.all(
        batch.map(async (e) => {
          if ((await store.getKey(e.id)) !== undefined) return;
          await store.add(e);
          if (origin === "local") await outbox.put(true, e.id);
        }),
      );
      await tx.done;
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
      const tx = db.transaction(["events", "outbox"], "readwrite");
      await Promise.all(
        ids.map(async (id) => {
          if ((await tx.objectStore("events").getKey(id)) !== undefined) {
            await tx.objectStore("outbox").put(true, id);
          }
        }),
      );
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
    },
  });
}
