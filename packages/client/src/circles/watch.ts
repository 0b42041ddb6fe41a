/**
 * Seeing what others write while someone is looking: while a screen listens
 * (`subscribe`) and an account is signed in, the circles are pulled now and
 * then (`circlePollMs`, default 30 s; never with `live: false`), and
 * listeners are told when something new arrived. One poll at a time; it
 * stops when the last listener goes or account sync closes.
 */
import type { Listeners } from "../listeners.ts";

export interface CircleWatch {
  /** Adds a listener, starting the polls with the first. */
  subscribe(listener: () => void): () => void;
  stop(): void;
}

export function circleWatch(
  told: Listeners,
  poll: () => Promise<unknown>,
  options: { readonly everyMs: number; readonly enabled: () => boolean },
): CircleWatch {
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped || timer || count === 0 || !options.enabled()) return;
    timer = setTimeout(async () => {
      try {
        await poll();
      } catch {
        // A failed poll is tried again at the next one.
      }
      timer = null;
      schedule();
    }, options.everyMs);
  };
  return {
    subscribe(listener) {
      const remove = told.add(listener);
      count += 1;
      schedule();
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        count -= 1;
        if (count === 0 && timer) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
