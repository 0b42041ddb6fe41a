/**
 * What the client's parts share: the storage, the log in memory, the queue
 * that runs one write at a time, and who is told of changes. The queue keeps
 * the clock and the log consistent: each write finishes (stored, clock
 * advanced) before the next starts, so events from one device always sort in
 * the order they were made.
 */
import { type Listeners, listeners } from "../listeners.ts";
import type { EventStorage } from "../storage.ts";
import type { Log } from "./log.ts";
import type { ClientOptions } from "./types.ts";

/** Runs `task` after every task queued before it, whether those succeeded or failed. */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}

/** Who hears of a change: the screens, sync, and other tabs of the same origin. */
export interface Changes {
  /** Every change of the state (for the screens). */
  readonly state: Listeners;
  /** Events recorded or imported here (sync sends them), not those received by sync. */
  readonly recorded: Listeners;
  /** The person erased this device (sync forgets everything it held). */
  readonly erased: Listeners;
  /** Tells other tabs that the log changed (they read it again). */
  broadcast(): void;
}

export function changes(channel: ClientOptions["channel"]): Changes {
  return {
    state: listeners(),
    recorded: listeners(),
    erased: listeners(),
    broadcast: () => channel?.postMessage({ kind: "events-changed" }),
  };
}

export interface ClientParts {
  readonly storage: EventStorage;
  readonly log: Log;
  readonly serial: Serial;
  readonly changes: Changes;
  /** Physical clock in ms. */
  readonly now: () => number;
}
