/**
 * The record behind the lock: the same `EventStorage` as the plain database
 * (the logic is shared, `record-storage.ts`), over `DEVICE_DATABASES.sealed`,
 * where every value is sealed with the device key and every key that could
 * say something is a keyed name.
 *
 * | store      | key                          | value, sealed                       |
 * | ---------- | ---------------------------- | ----------------------------------- |
 * | `events`   | name("events", event id)     | the event's JSON                    |
 * | `received` | 16 random bytes (base64url)  | the page's JSON (an array of events)|
 * | `outbox`   | name("outbox", event id)     | the event id                        |
 * | `held`     | name("held", event id)       | the held event's JSON               |
 * | `meta`     | name("meta", meta key)       | JSON `{n: key, v: value}`           |
 *
 * Each value is sealed for its place (`<store>|<key>`), so a value copied to
 * another key or store does not open. A value that does not open (changed,
 * moved, or sealed with another key) is refused with `SealedRecordError`:
 * the read fails, loudly, and nothing of it is passed on.
 *
 * Values are JSON: events and held events are JSON already, and so is every
 * meta value the client keeps; `undefined` reads back as absent.
 */
import { type AtRestSealer, atRestSealer, ready, toBase64Url } from "@trellis/crypto";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { openRecordStorage, type RecordCodec } from "../record-storage.ts";
import type { EventStorage, HeldEvent } from "../storage.ts";
import type { DeviceKey } from "./types.ts";

/** A stored value that did not open with this device key: changed, moved, or not ours. */
export class SealedRecordError extends Error {
  override readonly name = "SealedRecordError";
  constructor(readonly store: string) {
    super(`a sealed ${store} record did not open: changed, moved or sealed with another key`);
  }
}

const VERSION = 1;
const STORES = ["events", "meta", "outbox", "held", "received"] as const;

/** A key that says nothing (pages of received events have no id of their own). */
function randomName(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function sealedCodec(sealer: AtRestSealer): RecordCodec {
  const seal = (store: string, key: string, text: string) => ({
    key,
    value: sealer.sealText(`${store}|${key}`, text),
  });
  const open = (store: string, key: IDBValidKey | undefined, value: unknown): string => {
    const text =
      typeof key === "string" && value instanceof Uint8Array
        ? sealer.openText(`${store}|${key}`, value)
        : null;
    if (text === null) throw new SealedRecordError(store);
    return text;
  };
  return {
    name: DEVICE_DATABASES.sealed,
    version: VERSION,
    upgrade(db, oldVersion) {
      if (oldVersion < 1) for (const store of STORES) db.createObjectStore(store);
    },
    keyed: true,
    event: (e) => seal("events", sealer.name("events", e.id), JSON.stringify(e)),
    page: (events) => seal("received", randomName(), JSON.stringify(events)),
    readEvent: (value, key) => JSON.parse(open("events", key, value)),
    readPage(value, key) {
      const page: unknown = JSON.parse(open("received", key, value));
      if (!Array.isArray(page)) throw new SealedRecordError("received");
      return page;
    },
    outbox: (id) => seal("outbox", sealer.name("outbox", id), id),
    outboxKey: (id) => sealer.name("outbox", id),
    readOutbox: (value, key) => open("outbox", key, value),
    held: (h) => seal("held", sealer.name("held", h.id), JSON.stringify(h)),
    heldKey: (id) => sealer.name("held", id),
    readHeld: (value, key) => JSON.parse(open("held", key, value)) as HeldEvent,
    meta: (name, value) =>
      seal("meta", sealer.name("meta", name), JSON.stringify({ n: name, v: value })),
    metaKey: (name) => sealer.name("meta", name),
    readMeta(value, key) {
      const entry = JSON.parse(open("meta", key, value)) as { n?: unknown; v?: unknown };
      if (typeof entry?.n !== "string") throw new SealedRecordError("meta");
      return [entry.n, entry.v];
    },
  };
}

/** The record behind the lock: the same EventStorage as openIndexedDbStorage, every value sealed. */
export async function openSealedIndexedDbStorage(key: DeviceKey): Promise<EventStorage> {
  await ready();
  const sealer = atRestSealer(key);
  const storage = await openRecordStorage(sealedCodec(sealer));
  return {
    ...storage,
    close() {
      storage.close();
      sealer.wipe();
    },
  };
}
