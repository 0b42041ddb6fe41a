import { createHlc, type Hlc } from "../core/hlc.ts";
import { uuidV7FromParts } from "../core/ids.ts";
import { describeProblem, type Problem, type Result } from "../core/result.ts";
import type { EventType, PayloadInput } from "../events/catalog.ts";
import type { EventOf, TrellisEvent } from "../events/envelope.ts";
import { prepareEvent } from "../events/prepare.ts";
import { fold, foldInto } from "../state/fold.ts";
import { type Draft, draftFrom, type JourneyState } from "../state/state.ts";

/**
 * Small deterministic generator (mulberry32) for ids in fixtures and demos.
 * Not for anything secret.
 */
export function seededBytes(seed: number): (n: number) => Uint8Array {
  let a = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return out;
  };
}

/**
 * Records events the way a device does (clock, validation, state check),
 * with ids from a seed: for fixture journeys, demos and benchmarks.
 */
export class Recorder {
  private clock: Hlc;
  private readonly bytes: (n: number) => Uint8Array;
  /** Kept up to date in place: `state` is live, not a snapshot. Use `snapshot()` to keep one. */
  private current: Draft = draftFrom(fold([]));
  readonly events: TrellisEvent[] = [];

  constructor(device: string, seed = 1) {
    this.clock = createHlc(device);
    this.bytes = seededBytes(seed);
  }

  get state(): JourneyState {
    return this.current;
  }

  /** A copy of the state now, unaffected by later records. */
  snapshot(): JourneyState {
    return draftFrom(this.current);
  }

  get device(): string {
    return this.clock.node;
  }

  newId(nowMs: number): string {
    return uuidV7FromParts(Math.floor(nowMs), this.bytes(10));
  }

  tryRecord<K extends EventType>(
    type: K,
    payload: PayloadInput<K>,
    nowMs: number,
  ): Result<EventOf<K>, Problem> {
    const prepared = prepareEvent(this.current, this.clock, {
      id: this.newId(nowMs),
      nowMs,
      type,
      payload,
    });
    if (!prepared.ok) return prepared;
    this.clock = prepared.value.clock;
    this.events.push(prepared.value.event);
    if (!foldInto(this.current, [prepared.value.event]))
      this.current = draftFrom(fold(this.events));
    return { ok: true, value: prepared.value.event };
  }

  /** Like `tryRecord`, but a refused event is a bug in the fixture: it throws. */
  record<K extends EventType>(type: K, payload: PayloadInput<K>, nowMs: number): EventOf<K> {
    const r = this.tryRecord(type, payload, nowMs);
    if (!r.ok) throw new Error(`fixture event ${type} refused: ${describeProblem(r.error)}`);
    return r.value;
  }

  /** Takes in events made elsewhere (another device), as sync would. */
  receive(events: readonly TrellisEvent[]): void {
    this.events.push(...events);
    this.current = draftFrom(fold(this.events));
  }
}
