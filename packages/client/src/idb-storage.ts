import type { TrellisEvent } from "@trellis/domain";
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { EventStorage } from "./storage.ts";

interface TrellisDb extends DBSchema {
  events: { key: string; value: TrellisEvent };
  meta: { key: string; value: unknown };
}

const VERSION = 1;

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
    async appendEvents(batch) {
      const tx = db.transaction("events", "readwrite");
      const store = tx.objectStore("events");
      // `add` fails on an existing key; check first so a replayed event is a no-op,
      // all inside one transaction so the batch lands whole or not at all.
      await Promise.all(
        batch.map(async (e) => {
          if ((await store.getKey(e.id)) === undefined) await store.add(e);
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
    },
  });
}
