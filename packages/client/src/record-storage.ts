/**
 * `EventStorage` over one IndexedDB database, whatever form its records take:
 * the logic (outbox in the same transaction, pages of received events, the
 * `known` id cache, another tab storing the same id) is written once here,
 * and a `RecordCodec` says how each value and key is stored. The plain
 * database (`idb-storage.ts`) keeps values as they are; the sealed one
 * (`lock/sealed-storage.ts`) seals every value and names every key by a
 * keyed hash.
 */
import type { TrellisEvent } from "@trellis/domain";
import { type DBSchema, deleteDB, type IDBPDatabase, openDB, type StoreNames, unwrap } from "idb";
import type { EventStorage, HeldEvent } from "./storage.ts";

export interface RecordDb extends DBSchema {
  events: { key: string; value: unknown };
  meta: { key: string; value: unknown };
  outbox: { key: string; value: unknown };
  held: { key: string; value: unknown };
  received: { key: number | string; value: unknown };
}

/** A value as stored, and its key when the store has no key path or key generator. */
export interface Stored {
  readonly value: unknown;
  readonly key?: string;
}

/** A value and the key it is stored under. */
export interface Keyed {
  readonly value: unknown;
  readonly key: string;
}

/** An event as the log keeps it: anything with an id (validated when loaded, not here). */
export type StoredEvent = { readonly id: string };

/**
 * How records are stored. `read…` functions get what IndexedDB gave back and
 * may throw: a value that cannot be read is never passed on as if it were.
 */
export interface RecordCodec {
  readonly name: string;
  readonly version: number;
  upgrade(db: IDBPDatabase<RecordDb>, oldVersion: number): void;
  /** Whether a value is read with its key (a sealed value is bound to its key): reads fetch keys too. */
  readonly keyed: boolean;
  event(e: StoredEvent): Stored;
  page(events: readonly unknown[]): Stored;
  readEvent(value: unknown, key: IDBValidKey | undefined): unknown;
  readPage(value: unknown, key: IDBValidKey | undefined): readonly unknown[];
  outbox(id: string): Keyed;
  outboxKey(id: string): string;
  readOutbox(value: unknown, key: IDBValidKey): string;
  held(h: HeldEvent): Keyed;
  heldKey(id: string): string;
  readHeld(value: unknown, key: IDBValidKey | undefined): HeldEvent;
  meta(name: string, value: unknown): Keyed;
  metaKey(name: string): string;
  /** The meta entry's name and value. */
  readMeta(value: unknown, key: IDBValidKey): readonly [string, unknown];
}

/** Everything one database holds, in the shape it is stored: for moving a record between databases. */
export interface RecordContents {
  /** Events stored one per record (recorded here, or received before version 3). */
  readonly singles: readonly StoredEvent[];
  /** Events received by sync, as stored, many to a record. */
  readonly pages: readonly (readonly unknown[])[];
  readonly outbox: readonly string[];
  readonly held: readonly HeldEvent[];
  readonly meta: readonly (readonly [string, unknown])[];
}

export function openRecordDb(codec: RecordCodec): Promise<IDBPDatabase<RecordDb>> {
  return openDB<RecordDb>(codec.name, codec.version, {
    upgrade: (db, oldVersion) => codec.upgrade(db, oldVersion),
  });
}

/** What reading a whole store needs of it, in any transaction. */
interface ReadableStore {
  getAll(): Promise<unknown[]>;
  getAllKeys(): Promise<IDBValidKey[]>;
}

/** Every value of a store, and its keys when `withKeys`. */
async function readStore(
  store: ReadableStore,
  withKeys: boolean,
): Promise<{ values: unknown[]; keys: IDBValidKey[] | null }> {
  const [values, keys] = await Promise.all([
    store.getAll(),
    withKeys ? store.getAllKeys() : Promise.resolve(null),
  ]);
  return { values, keys };
}

/** `EventStorage` over the database `codec` describes. */
export async function openRecordStorage(codec: RecordCodec): Promise<EventStorage> {
  let db = await openRecordDb(codec);
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
      readStore(tx.objectStore("events"), codec.keyed),
      readStore(tx.objectStore("received"), codec.keyed),
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
    for (let i = 0; i < single.values.length; i++) {
      take(codec.readEvent(single.values[i], single.keys?.[i]));
    }
    for (let i = 0; i < batches.values.length; i++) {
      for (const e of codec.readPage(batches.values[i], batches.keys?.[i])) take(e);
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
      const tx = db.transaction(["events", "outbox", "received"], "readwrite");
      if (origin === "sync") {
        // One record for the whole batch; it lands whole or not at all.
        const { value, key } = codec.page(fresh);
        const received = tx.objectStore("received");
        (key === undefined ? received.add(value) : received.add(value, key)).catch(
          () => undefined, // a failure aborts the transaction: tx.done says so
        );
      } else {
        // Local events one record each, each entering the outbox in the same
        // transaction (unless kept on this device). `add` on the bare stores, without a promise per request;
        // an id stored meanwhile by another tab is refused on its request and
        // left as it is, and any other failure aborts the whole batch.
        const store = unwrap(tx.objectStore("events"));
        const outbox = unwrap(tx.objectStore("outbox"));
        for (const e of fresh) {
          const { value, key } = codec.event(e);
          const request = key === undefined ? store.add(value) : store.add(value, key);
          request.onerror = (event) => {
            if (request.error?.name !== "ConstraintError") return;
            event.preventDefault();
            event.stopPropagation();
          };
          if (!keepHere?.has(e.id)) {
            request.onsuccess = () => {
              const queued = codec.outbox(e.id);
              outbox.put(queued.value, queued.key);
            };
          }
        }
      }
      await tx.done;
      for (const e of fresh) ids.add(e.id);
    },
    async getMeta<T>(name: string) {
      const key = codec.metaKey(name);
      const value = await db.get("meta", key);
      return (value === undefined ? undefined : codec.readMeta(value, key)[1]) as T | undefined;
    },
    async setMeta(name, value) {
      const entry = codec.meta(name, value);
      await db.put("meta", entry.value, entry.key);
    },
    async loadOutbox() {
      const tx = db.transaction("outbox", "readonly");
      const [keys, values] = await Promise.all([
        tx.store.getAllKeys(),
        codec.keyed ? tx.store.getAll() : Promise.resolve(null),
      ]);
      await tx.done;
      return keys.map((key, i) => codec.readOutbox(values?.[i], key)).sort();
    },
    async enqueue(ids) {
      let stored = await knownIds();
      // Another tab may have stored some since this one read: read again once.
      if (ids.some((id) => !stored.has(id))) {
        known = null;
        stored = await knownIds();
      }
      const tx = db.transaction("outbox", "readwrite");
      for (const id of ids) {
        if (!stored.has(id)) continue;
        const queued = codec.outbox(id);
        void tx.store.put(queued.value, queued.key).catch(() => undefined);
      }
      await tx.done;
    },
    async acknowledge(ids) {
      const tx = db.transaction("outbox", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(codec.outboxKey(id))));
      await tx.done;
    },
    async loadHeld() {
      const tx = db.transaction("held", "readonly");
      const { values, keys } = await readStore(tx.store, codec.keyed);
      await tx.done;
      const held = values.map((v, i) => codec.readHeld(v, keys?.[i]));
      return held.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async hold(batch) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(
        batch.map((h) => {
          const entry = codec.held(h);
          return tx.store.put(entry.value, entry.key);
        }),
      );
      await tx.done;
    },
    async release(ids) {
      const tx = db.transaction("held", "readwrite");
      await Promise.all(ids.map((id) => tx.store.delete(codec.heldKey(id))));
      await tx.done;
    },
    async erase() {
      db.close();
      await deleteDB(codec.name);
      known = null;
      db = await openRecordDb(codec);
    },
    close() {
      db.close();
    },
  };
}

/** Everything in one database, in one read-only transaction. */
export async function readRecord(
  db: IDBPDatabase<RecordDb>,
  codec: RecordCodec,
): Promise<RecordContents> {
  const tx = db.transaction(["events", "received", "outbox", "held", "meta"], "readonly");
  const [single, batches, outbox, held, meta] = await Promise.all([
    readStore(tx.objectStore("events"), codec.keyed),
    readStore(tx.objectStore("received"), codec.keyed),
    readStore(tx.objectStore("outbox"), true),
    readStore(tx.objectStore("held"), codec.keyed),
    readStore(tx.objectStore("meta"), true),
  ]);
  await tx.done;
  return {
    singles: single.values.map((v, i) => codec.readEvent(v, single.keys?.[i]) as StoredEvent),
    pages: batches.values.map((v, i) => codec.readPage(v, batches.keys?.[i])),
    outbox: outbox.values.map((v, i) => codec.readOutbox(v, outbox.keys![i]!)),
    held: held.values.map((v, i) => codec.readHeld(v, held.keys?.[i])),
    meta: meta.values.map((v, i) => codec.readMeta(v, meta.keys![i]!)),
  };
}

/** Writes `contents` into a database, all in one transaction. */
export async function writeRecord(
  db: IDBPDatabase<RecordDb>,
  codec: RecordCodec,
  contents: RecordContents,
): Promise<void> {
  const tx = db.transaction(["events", "received", "outbox", "held", "meta"], "readwrite");
  const put = (name: StoreNames<RecordDb>, { value, key }: Stored) => {
    const store = unwrap(tx.objectStore(name));
    if (key === undefined) store.put(value);
    else store.put(value, key);
  };
  for (const e of contents.singles) put("events", codec.event(e));
  for (const page of contents.pages) put("received", codec.page(page));
  for (const id of contents.outbox) put("outbox", codec.outbox(id));
  for (const h of contents.held) put("held", codec.held(h));
  for (const [name, value] of contents.meta) put("meta", codec.meta(name, value));
  await tx.done;
}
