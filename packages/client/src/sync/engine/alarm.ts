/**
 * The engine's rest between rounds: a wait that ends when its time is up,
 * when something wakes it (a new entry, a live notice, a nudge), or when the
 * engine stops. A wake that comes while nothing rests is kept, so the next
 * rest ends at once and no notice is missed.
 */
import type { SyncClock } from "./clock.ts";

export interface Alarm {
  /** Ends the current rest, or the next one if none is under way. */
  wake(): void;
  /** Waits `ms`, or less if woken or if `lifetime` aborts; not at all once stopped. */
  rest(ms: number, lifetime: AbortSignal, running: boolean): Promise<void>;
}

export function alarm(clock: SyncClock): Alarm {
  let wakeUp: (() => void) | null = null;
  let wakeQueued = false;
  return {
    wake() {
      wakeQueued = true;
      wakeUp?.();
    },
    async rest(ms, lifetime, running) {
      if (wakeQueued || !running) {
        wakeQueued = false;
        return;
      }
      const early = new AbortController();
      const onStop = () => early.abort();
      lifetime.addEventListener("abort", onStop, { once: true });
      wakeUp = () => early.abort();
      await clock.sleep(ms, early.signal);
      lifetime.removeEventListener("abort", onStop);
      wakeUp = null;
      wakeQueued = false;
    },
  };
}
