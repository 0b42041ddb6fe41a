/**
 * The side of the client that sync works with (`TrellisClient.sync`): the
 * outbox, taking in events from other devices, held events, and sync's own
 * settings. Every write goes through the same queue as recording, and a view
 * made before the device was erased refuses to write, so nothing a sync
 * round had under way lands in the fresh, empty store.
 */
import { compareEvents, formatHlc, parseHlc, receiveHlc, type TrellisEvent } from "@trellis/domain";
import { absorb, CLOCK_KEY, keepSettings, keptHere, READ_ONLY_KEY } from "./log.ts";
import type { ClientParts } from "./parts.ts";
import type { SyncStore } from "./types.ts";

/** A view bound to the device as it was at `generation` (see `TrellisClient.sync`). */
export function syncStore(
  { storage, log, serial, changes, now }: ClientParts,
  generation: () => number,
): SyncStore {
  const bound = generation();
  /** A write in the queue, unless the device was erased since this view was made. */
  const guarded = <T>(task: () => Promise<T>) =>
    serial(async () => {
      if (bound !== generation()) throw new Error("this device was erased; sync stopped");
      return task();
    });
  return {
    pending() {
      const out: TrellisEvent[] = [];
      for (const id of log.outbox) {
        const e = log.byId.get(id);
        if (e) out.push(e);
      }
      return out.sort(compareEvents);
    },
    get pendingCount() {
      return log.outbox.size;
    },
    acknowledge(confirmed) {
      return guarded(async () => {
        await storage.acknowledge(confirmed);
        for (const id of confirmed) log.outbox.delete(id);
        changes.state.emit();
      });
    },
    enqueueAll() {
      return guarded(async () => {
        // Everything but what stays on this device (private notes and remembrances).
        const here = keptHere(log.state, log.events);
        const all = log.events.filter((e) => !here.has(e.id)).map((e) => e.id);
        await storage.enqueue(all);
        for (const id of all) log.outbox.add(id);
        changes.state.emit();
        changes.recorded.emit();
      });
    },
    receive(incoming) {
      return guarded(async () => {
        const fresh = new Map<string, TrellisEvent>();
        const tooFarAhead: TrellisEvent[] = [];
        let merged = log.clock;
        const at = now();
        for (const e of incoming) {
          if (log.byId.has(e.id) || fresh.has(e.id)) continue;
          const stamp = parseHlc(e.hlc);
          const next = stamp.ok ? receiveHlc(merged, stamp.value, at) : stamp;
          if (!next.ok) {
            tooFarAhead.push(e);
            continue;
          }
          merged = next.value;
          fresh.set(e.id, e);
        }
        const added = [...fresh.values()];
        if (added.length === 0) return { added: 0, tooFarAhead };
        await storage.appendEvents(added, "sync");
        await storage.setMeta(CLOCK_KEY, formatHlc(merged));
        log.clock = merged;
        absorb(log, added);
        await keepSettings(log, storage);
        changes.broadcast();
        changes.state.emit();
        return { added: added.length, tooFarAhead };
      });
    },
    held: () => storage.loadHeld(),
    hold: (batch) => guarded(() => storage.hold(batch)),
    release: (released) => guarded(() => storage.release(released)),
    getMeta: (key) => storage.getMeta(key),
    setMeta: (key, value) => guarded(() => storage.setMeta(key, value)),
    setCanRecord(canRecord) {
      return guarded(async () => {
        await storage.setMeta(READ_ONLY_KEY, !canRecord);
        log.readOnly = !canRecord;
        changes.broadcast();
        changes.state.emit();
      });
    },
    onRecorded: changes.recorded.add,
    onErased: changes.erased.add,
  };
}
