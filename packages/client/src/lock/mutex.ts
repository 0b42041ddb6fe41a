/**
 * One lock change at a time on this device: in this tab through a queue, and
 * across tabs through the Web Locks API where the browser has it (all current
 * ones), so a tab opening never tidies up a move another tab is making.
 */
import { serialQueue } from "../client/parts.ts";

const NAME = "trellis-lock";

export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

export function deviceMutex(): Exclusive {
  const here = serialQueue();
  return <T>(task: () => Promise<T>) =>
    here(() => {
      const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
      return locks ? (locks.request(NAME, task) as Promise<T>) : task();
    });
}
