/**
 * `EventStorage` over one IndexedDB database, whatever form its records take.
 * What every form shares is written once here: the `known` id cache, each
 * event given back once however often it was stored, queueing only stored
 * events, held events and meta, erasing. A `RecordLayout` says how the log
 * and the outbox are kept and how a held or meta value is stored: as they are
 * in the plain database (`idb-storage.ts`), sealed in the sealed one
 * (`lock/sealed-layout.ts`).
 */
import type { TrellisEvent } from "@trellis/domain";
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { EventOrigin, EventStorage, HeldEvent } from "./storage.ts";

/** The stores of either database; each layout uses some of them. */
export interface RecordDb extends DBSchema {
  events: { key: string | number; value: unknown };
  meta: { key: string; value: unknown };
  outbox: { key: string | number; value: unknown };
  held: { key: string; value: unknown };
  received: { key: number | string; value: unknown };
}

export type Db = IDBPDatabase<RecordDb>;

/** A value and the key it is stored under. */
export interface Keyed {
  readonly value: unknown;
  readonly key: string;
}

/** An event as the log keeps it: anything with an id (validated when loaded, not here). */
export type StoredEvent = { readonly id: string };

/** Everything one database holds: for moving a record between databases. */
export interface RecordContents {
  /** Events stored one per record (recorded here in the plain database, or received before its version 3). */
  readonly singles: readonly StoredEvent[];
  /** Events stored many to a record, as stored. */
  readonly pages: readonly (readonly unknown[])[];
  readonly outbox: readonly string[];
  readonly held: readonly HeldEvent[];
  readonly meta: readonly (readonly [string, unknown])[];
}

/**
 * How one database keeps a record. `read…` functions may throw: a value
 * that cannot be read is never passed on as if it were.
 */
export interface RecordLayout {
  readonly name: string;
  readonly version: number;
  upgrade(db: Db, oldVersion: number): void;
  /** Every stored event, record by record (a single is a group of one), unchecked. */
  readEvents(db: Db): Promise<readonly (readonly unknown[])[]>;
  /**
   * Stores `fresh` (none of them stored as far as this tab knows) in one
   * transaction; local ones enter the outbox in it too, except `keepHere`.
   */
  appendEvents(
    db: Db,
    fresh: readonly TrellisEvent[],
    origin: EventOrigin,
    keepHere: ReadonlySet<string> | undefined,
  ): Promise<void>;
  readOutbox(db: Db): Promise<string[]>;
  /** Puts ids (all stored) in the outbox. */
  enqueue(db: Db, ids: readonly string[]): Promise<void>;
  acknowledge(db: Db, ids: readonly string[]): Promise<void>;
  held(h: HeldEvent): Keyed;
  heldKey(id: string): string;
  readHeld(value: unknown, key: IDBValidKey): HeldEvent;
  meta(name: string, value: unknown): Keyed;
  metaKey(name: string): string;
  /** A meta entry's name and value. */
  readMeta(value: unknown, key: IDBValidKey): readonly [string, unknown];
  /** Everything, in one read-only transaction. */
  readRecord(db: Db): Promise<RecordContents>;
  /** Writes `contents` into an empty database, in one transaction. */
  writeRecord(db: Db, contents: RecordContents): Promise<void>;
}

export function openRecordDb(layout: RecordLayout): Promise<Db> {
  return openDB<RecordDb>(layout.name, layout.version, {
    upgrade: (db, oldVersion) => layout.upgrade(db, oldVersion),
  });
}

/** Every value of a store and their keys, in one transaction. */
export async function valuesAndKeys(
  db: Db,
  name: "meta" | "held" | "outbox" | "received" | "events",
): Promise<{ values: unknown[]; keys: IDBValidKey[] }> {
  const tx = db.transaction(name, "readonly");
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  await tx.done;
  return { values, keys };
}

const byId = (a: HeldEvent, b: HeldEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `EventStorage` over the database `layout` describes. */
export async function openRecordStorage(layout: RecordLayout): Promise<EventStorage> {
  let db = await openRecordDb(layout);
  /**
   * The id of every stored event, read once. Events received by sync are kept
   * many to a record (a new device stores 100,000 of them; one record each
   * cost more than everything else it does), so "is this one stored?" is
   * answered here rather than by a read per event.
   */
  let known: Set<string> | null = null;

  async function readAll(): Promise<unknown[]> {
    const groups = await layout.readEvents(db);
    const ids = new Set<string>();
    const out: unknown[] = [];
    // Stored values are checked by the caller; here only an event's id is read,
    // so that one stored twice (two tabs taking in the same page) comes back once.
    for (const group of groups) {
      for (const e of group) {
        const id = (e as { id?: unknown } | null)?.id;
        if (typeof id === "string") {
          if (ids.has(id)) continue;
          ids.add(id);
        }
        out.push(e);
      }
    }
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
      await layout.appendEvents(db, fresh, origin, keepHere);
      for (const e of fresh) ids.add(e.id);
    },
    async getMeta<T>(name: string) {
      const key = layout.metaKey(name);
      const value = await db.get("meta", key);
      return (value === undefined ? undefined : layout.readMeta(value, key)[1]) as T | undefined;
    },
    async setMeta(name, value) {
      const entry = layout.meta(name, value);
      await db.put("meta", entry.value, entry.key);
    },
    async loadOutbox() {
      return (await layout.readOutbox(db)).sort();
    },
    async enqueue(ids) {
      let stored = await knownIds();
      // Another tab may have stored some since this one read: read again once.
      if (ids.some((id) => !stored.has(id))) {
        known = null;
        stored = await knownIds();
      }
      const queued = ids.filter((id) => stored.has(id));
      if (queued.length > 0) await layout.enqueue(db, queued);
    },
    async acknowledge(ids) {
      if (ids.length > 0) await layout.acknowledge(db, ids);
    },
    async loadHeld() {
      const { values, keys } = await valuesAndKeys(db, "held");
      return values.map((v, i) => layout.readHeld(v, keys[i]!)).sort(byId);
    },
    async hold(batch) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(
        batch.map((h) => {
          const entry = layout.held(h);
          return tx.store.put(entry.value, entry.key);
        }),
      );
      await tx.done;
    },
    async release(ids) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(layout.heldKey(id))));
      await tx.done;
    },
    async erase() {
      db.close();
      await deleteDB(layout.name);
      known = null;
      db = await openRecordDb(layout);
    },
    close() {
      db.close();
    },
  };
}
