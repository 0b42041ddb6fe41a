/**
 * How the sealed database (`DEVICE_DATABASES.sealed`) keeps a record: every
 * value sealed with the device key, no key that says anything.
 *
 * | store    | key                      | value, sealed                                  |
 * | -------- | ------------------------ | ---------------------------------------------- |
 * | `events` | 1, 2, 3… (order stored)  | a page: JSON array of events                   |
 * | `outbox` | 1, 2, 3…                 | a change: JSON `{a: ids}` added, `{r: ids}` taken out |
 * | `held`   | name("held", event id)   | the held event's JSON                          |
 * | `meta`   | name("meta", meta key)   | JSON `{n: key, v: value}`                      |
 *
 * `name` is a keyed hash (`AtRestSealer.name`). Each value is sealed for its
 * place, `<store>|<key>`, so a value copied to another key or store does not
 * open; one that does not open is refused with `SealedRecordError`, loudly,
 * and nothing of it is passed on.
 *
 * Why pages and a log: opening 100,000 sealed records one by one cost three
 * times what the plain database costs (IndexedDB reads many small binary
 * values slowly, and each is one more seal to open). So every append is one
 * page (a recorded event is a page of one) and every outbox change one log
 * entry, and when small pages or log entries pile up (`PILE`), the next read
 * merges them into pages of up to `PAGE` events, in one transaction.
 *
 * Values are JSON: events and held events are JSON already, and so is every
 * meta value the client keeps; `undefined` reads back as absent.
 */
import type { AtRestSealer } from "@trellis/crypto";
import { DEVICE_DATABASES } from "../device-databases.ts";
import type { Db, RecordContents, RecordLayout } from "../record-storage.ts";
import { valuesAndKeys } from "../record-storage.ts";
import type { HeldEvent } from "../storage.ts";

/** A stored value that did not open with this device key: changed, moved, or not ours. */
export class SealedRecordError extends Error {
  override readonly name = "SealedRecordError";
  constructor(readonly store: string) {
    super(`a sealed ${store} record did not open: changed, moved or sealed with another key`);
  }
}

const VERSION = 1;
/** Events in a merged page. */
export const PAGE = 1000;
/** Small pages (or outbox entries) that make the next read merge them. */
export const PILE = 50;

type Change = { readonly a: readonly string[] } | { readonly r: readonly string[] };
type Logged = "events" | "outbox";
/** What appending needs of a store in a read-write transaction. */
interface Store {
  openKeyCursor(query: null, direction: "prev"): Promise<{ readonly key: IDBValidKey } | null>;
  add(value: unknown, key: number): Promise<unknown>;
}

/** The key after the last one in `store` (1 for an empty one). */
async function nextKey(store: Store): Promise<number> {
  const last = await store.openKeyCursor(null, "prev");
  return typeof last?.key === "number" ? last.key + 1 : 1;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function replay(changes: readonly Change[]): Set<string> {
  const outbox = new Set<string>();
  for (const change of changes) {
    if ("a" in change) for (const id of change.a) outbox.add(id);
    else for (const id of change.r) outbox.delete(id);
  }
  return outbox;
}

export function sealedLayout(sealer: AtRestSealer): RecordLayout {
  const seal = (store: string, key: IDBValidKey, value: unknown) =>
    sealer.sealText(`${store}|${key}`, JSON.stringify(value));
  const open = (store: string, key: IDBValidKey | undefined, value: unknown): unknown => {
    const text =
      (typeof key === "string" || typeof key === "number") && value instanceof Uint8Array
        ? sealer.openText(`${store}|${key}`, value)
        : null;
    if (text === null) throw new SealedRecordError(store);
    return JSON.parse(text);
  };
  const openAll = <T>(
    store: Logged,
    { values, keys }: { values: unknown[]; keys: IDBValidKey[] },
  ) => values.map((v, i) => open(store, keys[i], v) as T);

  /** Adds values under the next keys of `store`, in its transaction. */
  async function append(store: Store, name: Logged, values: readonly unknown[]): Promise<void> {
    let key = await nextKey(store);
    for (const value of values) {
      void store.add(seal(name, key, value), key).catch(() => undefined); // tx.done reports it
      key += 1;
    }
  }

  /**
   * Merges small pages into pages of up to `PAGE` events, if they still all
   * exist (another tab may have merged them first): one transaction.
   */
  async function mergePages(db: Db, small: readonly { key: IDBValidKey; page: unknown[] }[]) {
    const tx = db.transaction("events", "readwrite");
    const still = await Promise.all(small.map((p) => tx.store.getKey(p.key as number)));
    if (still.every((k) => k !== undefined)) {
      await append(
        tx.store,
        "events",
        chunks(
          small.flatMap((p) => p.page),
          PAGE,
        ),
      );
      for (const p of small) void tx.store.delete(p.key as number);
    }
    await tx.done;
  }

  /** The outbox as one entry: read, replayed and written back in one transaction. */
  async function mergeOutbox(db: Db): Promise<string[]> {
    const tx = db.transaction("outbox", "readwrite");
    const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
    const outbox = [...replay(openAll<Change>("outbox", { values, keys }))];
    await tx.store.clear();
    await append(tx.store, "outbox", [{ a: outbox }]);
    await tx.done;
    return outbox;
  }

  function held(h: HeldEvent) {
    const key = sealer.name("held", h.id);
    return { key, value: seal("held", key, h) };
  }
  function meta(name: string, value: unknown) {
    const key = sealer.name("meta", name);
    return { key, value: seal("meta", key, { n: name, v: value }) };
  }

  return {
    name: DEVICE_DATABASES.sealed,
    version: VERSION,
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        for (const store of ["events", "outbox", "held", "meta"] as const) {
          db.createObjectStore(store);
        }
      }
    },
    async readEvents(db) {
      const stored = await valuesAndKeys(db, "events");
      const pages = openAll<unknown[]>("events", stored);
      if (!pages.every(Array.isArray)) throw new SealedRecordError("events");
      const small = pages
        .map((page, i) => ({ key: stored.keys[i]!, page }))
        .filter((p) => p.page.length < PAGE / 2);
      if (small.length >= PILE) await mergePages(db, small);
      return pages;
    },
    async appendEvents(db, fresh, origin, keepHere) {
      const tx = db.transaction(["events", "outbox"], "readwrite");
      // One page for the batch, and its ids in the outbox, landing together or not at all.
      const queued = origin === "local" ? fresh.filter((e) => !keepHere?.has(e.id)) : [];
      await Promise.all([
        append(tx.objectStore("events"), "events", [fresh]),
        queued.length > 0
          ? append(tx.objectStore("outbox"), "outbox", [{ a: queued.map((e) => e.id) }])
          : undefined,
      ]);
      await tx.done;
    },
    async readOutbox(db) {
      const stored = await valuesAndKeys(db, "outbox");
      if (stored.values.length >= PILE) return mergeOutbox(db);
      return [...replay(openAll<Change>("outbox", stored))];
    },
    async enqueue(db, ids) {
      const tx = db.transaction("outbox", "readwrite");
      await append(tx.store, "outbox", [{ a: ids }]);
      await tx.done;
    },
    async acknowledge(db, ids) {
      const tx = db.transaction("outbox", "readwrite");
      await append(tx.store, "outbox", [{ r: ids }]);
      await tx.done;
    },
    held,
    heldKey: (id) => sealer.name("held", id),
    readHeld: (value, key) => open("held", key, value) as HeldEvent,
    meta,
    metaKey: (name) => sealer.name("meta", name),
    readMeta(value, key) {
      const entry = open("meta", key, value) as { n?: unknown; v?: unknown } | null;
      if (typeof entry?.n !== "string") throw new SealedRecordError("meta");
      return [entry.n, entry.v];
    },
    async readRecord(db): Promise<RecordContents> {
      const tx = db.transaction(["events", "outbox", "held", "meta"], "readonly");
      const read = (name: "events" | "outbox" | "held" | "meta") =>
        Promise.all([tx.objectStore(name).getAll(), tx.objectStore(name).getAllKeys()]).then(
          ([values, keys]) => ({ values, keys }),
        );
      const [events, outbox, held, meta] = await Promise.all([
        read("events"),
        read("outbox"),
        read("held"),
        read("meta"),
      ]);
      await tx.done;
      return {
        singles: [],
        pages: openAll<unknown[]>("events", events),
        outbox: [...replay(openAll<Change>("outbox", outbox))],
        held: held.values.map((v, i) => open("held", held.keys[i], v) as HeldEvent),
        meta: meta.values.map((v, i) => {
          const entry = open("meta", meta.keys[i], v) as { n: string; v: unknown };
          return [entry.n, entry.v] as const;
        }),
      };
    },
    async writeRecord(db, contents) {
      const events = [...contents.singles, ...contents.pages.flat()];
      const tx = db.transaction(["events", "outbox", "held", "meta"], "readwrite");
      await Promise.all([
        append(tx.objectStore("events"), "events", chunks(events, PAGE)),
        append(tx.objectStore("outbox"), "outbox", [{ a: contents.outbox }]),
      ]);
      for (const h of contents.held) {
        const { key, value } = held(h);
        void tx.objectStore("held").put(value, key);
      }
      for (const [name, v] of contents.meta) {
        const { key, value } = meta(name, v);
        void tx.objectStore("meta").put(value, key);
      }
      await tx.done;
    },
  };
}
