/**
 * Recording on this device: each event is prepared by the domain's rules
 * against the current state, stored (and put in the outbox) in one
 * transaction, and only then applied. If anything is wrong, or the device
 * cannot save, nothing changes. An event kept on this device (a private note
 * or remembrance, and what is done to it later) is stored without entering
 * the outbox. A viewer of someone else's record is
 * refused with `read-only`.
 */
import {
  foldMore,
  formatHlc,
  keptOnDevice,
  prepareEvent,
  type TrellisEvent,
} from "@trellis/domain";
import { newEventId } from "../ids.ts";
import { clientProblem } from "../refusals.ts";
import { absorb, CLOCK_KEY, foldWith, keepSettings, storageFailed } from "./log.ts";
import type { ClientParts } from "./parts.ts";
import type { TrellisClient } from "./types.ts";

export const refuseReadOnly = () => ({
  ok: false as const,
  error: clientProblem("read-only", "access"),
});

export function recorder({
  storage,
  log,
  serial,
  changes,
  now,
}: ClientParts): Pick<TrellisClient, "record" | "recordBatch"> {
  return {
    record(type, payload) {
      return serial(async () => {
        if (log.readOnly) return refuseReadOnly();
        const at = now();
        const prepared = prepareEvent(log.state, log.clock, {
          id: newEventId(at),
          nowMs: at,
          type,
          payload,
        });
        if (!prepared.ok) return prepared;
        const { event, clock: next } = prepared.value;
        const keepHere = new Set(keptOnDevice(log.state, event) ? [event.id] : []);
        try {
          await storage.appendEvents([event], "local", keepHere);
          await storage.setMeta(CLOCK_KEY, formatHlc(next));
        } catch (cause) {
          return { ok: false as const, error: storageFailed(cause) };
        }
        log.clock = next;
        absorb(log, [event]);
        await keepSettings(log, storage);
        if (!keepHere.has(event.id)) log.outbox.add(event.id);
        changes.broadcast();
        changes.state.emit();
        changes.recorded.emit();
        return { ok: true as const, value: event };
      });
    },
    recordBatch(drafts) {
      return serial(async () => {
        if (log.readOnly) return refuseReadOnly();
        const at = now();
        let working = log.state;
        let nextClock = log.clock;
        const made: TrellisEvent[] = [];
        const keepHere = new Set<string>();
        for (const [i, draft] of drafts.entries()) {
          const prepared = prepareEvent(working, nextClock, {
            id: newEventId(at),
            nowMs: at,
            type: draft.type,
            payload: draft.payload as never,
          });
          if (!prepared.ok) {
            const p = prepared.error;
            return {
              ok: false as const,
              error: { ...p, field: `[${i}].${p.field}` },
            };
          }
          made.push(prepared.value.event);
          if (keptOnDevice(working, prepared.value.event)) keepHere.add(prepared.value.event.id);
          nextClock = prepared.value.clock;
          working = foldMore(working, [prepared.value.event]) ?? foldWith(log, made);
        }
        if (made.length === 0) return { ok: true as const, value: [] };
        try {
          await storage.appendEvents(made, "local", keepHere);
          await storage.setMeta(CLOCK_KEY, formatHlc(nextClock));
        } catch (cause) {
          return { ok: false as const, error: storageFailed(cause) };
        }
        log.clock = nextClock;
        absorb(log, made, working);
        await keepSettings(log, storage);
        for (const e of made) if (!keepHere.has(e.id)) log.outbox.add(e.id);
        changes.broadcast();
        changes.state.emit();
        changes.recorded.emit();
        return { ok: true as const, value: made };
      });
    },
  };
}
