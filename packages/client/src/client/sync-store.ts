/**
 * The side of the client that sync works with (`TrellisClient.sync`): the
 * outbox, taking in events from other devices, held events, and sync's own
 * settings. Every write goes through the same queue as recording, and a view
 * made before the device was erased refuses to write, so nothing a sync
 * round had under way lands in the fresh, empty store.
 */
import {
  compareEvents,
  fold,
  formatHlc,
  parseHlc,
  receiveHlc,
  type TrellisEvent,
} from "@trellis/domain";
import { SNAPSHOT_BASE_KEY, sameState } from "../snapshot/base.ts";
import { absorb, CLOCK_KEY, keepSettings, keptHere, mergeStamp, READ_ONLY_KEY } from "./log.ts";
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
    get state() {
      return log.state;
    },
    get wholeRecord() {
      return log.base === null;
    },
    get canRecord() {
      return !log.readOnly;
    },
    startFromSnapshot(state, base) {
      return guarded(async () => {
        if (log.events.length > 0 || log.base) return false;
        await storage.setMeta(SNAPSHOT_BASE_KEY, base);
        log.base = state;
        log.state = state;
        if (state.lastHlc) log.clock = mergeStamp(log.clock, state.lastHlc, now);
        await storage.setMeta(CLOCK_KEY, formatHlc(log.clock));
        changes.state.emit();
        return true;
      });
    },
    completeHistory(history) {
      return guarded(async () => {
        const fresh = [...new Map(history.map((e) => [e.id, e])).values()].filter(
          (e) => !log.byId.has(e.id),
        );
        if (fresh.length > 0) await storage.appendEvents(fresh, "sync");
        await storage.setMeta(SNAPSHOT_BASE_KEY, null);
        for (const e of fresh) log.byId.set(e.id, e);
        log.events = log.events.concat(fresh);
        const full = fold(log.events);
        const matched = log.base !== null && sameState(full, log.state);
        log.base = null;
        log.state = full;
        await keepSettings(log, storage);
        changes.broadcast();
        changes.state.emit();
        return { matched };
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
