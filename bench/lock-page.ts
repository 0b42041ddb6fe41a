/**
 * The page the lock bench runs in Chromium (bundled by bench/lock.ts): stores
 * a journey in the plain database and in the sealed one, and times opening
 * each as the app does (storage, then `openClient`: validate and fold).
 */
import {
  DEVICE_DATABASES,
  type DeviceKey,
  type EventStorage,
  openClient,
  openDeviceLock,
  openIndexedDbStorage,
  openSealedIndexedDbStorage,
} from "@trellis/client";
import type { TrellisEvent } from "@trellis/domain";

export type Kind = "plain" | "sealed";

const PAGE = 500;
let key: DeviceKey | null = null;

function open(kind: Kind): Promise<EventStorage> {
  return kind === "plain"
    ? openIndexedDbStorage(DEVICE_DATABASES.plain)
    : openSealedIndexedDbStorage(key!);
}

/** Events handed over from Node, a chunk at a time. */
const staged: TrellisEvent[] = [];

const bench = {
  stage(chunk: TrellisEvent[]): void {
    staged.push(...chunk);
  },
  /** Stores events: the first `local` as recorded here (one record each), the rest as received pages. */
  async store(kind: Kind, local: number): Promise<void> {
    const events = staged;
    key ??= crypto.getRandomValues(new Uint8Array(32)) as DeviceKey;
    const s = await open(kind);
    for (let i = 0; i < events.length; i += PAGE) {
      const chunk = events.slice(i, i + PAGE);
      const here = chunk.slice(0, Math.max(0, local - i));
      if (here.length) await s.appendEvents(here, "local");
      if (here.length < chunk.length) await s.appendEvents(chunk.slice(here.length), "sync");
    }
    s.close();
  },
  /** Times one opening: storage read, and the whole client. */
  async open(kind: Kind): Promise<{ read: number; client: number; events: number }> {
    const started = performance.now();
    const s = await open(kind);
    const events = (await s.loadEvents()).length;
    const read = performance.now() - started;
    s.close();
    const again = performance.now();
    const client = await openClient({ storage: await open(kind) });
    const opened = performance.now() - again;
    client.close();
    return { read, client: opened, events };
  },
  /** Turns the lock on over the plain database as it is, and unlocks: times both. */
  async turnOn(): Promise<{ turnOn: number; unlock: number }> {
    const lock = await openDeviceLock();
    let t = performance.now();
    const on = await lock.turnOn("plum orchard 42");
    const turnOn = performance.now() - t;
    if (!on.ok) throw new Error(on.error.reason);
    t = performance.now();
    const unlocked = await lock.unlock("plum orchard 42");
    const unlock = performance.now() - t;
    if (!unlocked.ok) throw new Error(unlocked.error.reason);
    lock.close();
    return { turnOn, unlock };
  },
  async clear(): Promise<void> {
    key = null;
    const names = (await indexedDB.databases()).map((d) => d.name!);
    await Promise.all(
      names.map(
        (name) =>
          new Promise((done, failed) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = done;
            request.onerror = failed;
          }),
      ),
    );
  },
};

(globalThis as unknown as { bench: typeof bench }).bench = bench;
export type LockBench = typeof bench;
