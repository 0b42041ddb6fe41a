import { LOCK_CHANNEL, type LockChange, onLockChange } from "@trellis/client";
import { useEffect, useRef } from "react";

/**
 * What this tab tells the others around a change it makes: it is about to
 * move the record (let go of it, so nothing is written to the copy being
 * left), or the change did not happen after all (reload as it was).
 */
type LockMessage = { readonly kind: "changing" } | { readonly kind: "unchanged" };

export interface LockChannel {
  tell(message: LockMessage["kind"]): void;
  /**
   * Runs `task`, which may make the lock announce `change` (on, off, erased)
   * on `trellis-lock`: heard here, that announcement is this tab's own and
   * does not reload it. `happened` says from the result whether it did.
   */
  own<T>(change: LockChange, task: () => Promise<T>, happened: (result: T) => boolean): Promise<T>;
}

/**
 * The tabs of Trellis on this device, kept in step: the lock announces on
 * `trellis-lock` when it was turned on or off or the device erased, and every
 * other tab reloads (its record moved or is gone); before a move, this tab
 * says "changing" and the others let go of the record.
 */
export function useLockChannel(onChanging: () => void): LockChannel {
  const channel = useRef<BroadcastChannel | null>(null);
  const expected = useRef(new Map<LockChange, number>());
  const latest = useRef(onChanging);
  latest.current = onChanging;
  useEffect(() => {
    const stop = onLockChange((change) => {
      const mine = expected.current.get(change) ?? 0;
      if (mine > 0) expected.current.set(change, mine - 1);
      else location.reload();
    });
    if (!("BroadcastChannel" in window)) return stop;
    const c = new BroadcastChannel(LOCK_CHANNEL);
    channel.current = c;
    c.onmessage = (e: MessageEvent<Partial<LockMessage> | null>) => {
      if (e.data?.kind === "changing") latest.current();
      else if (e.data?.kind === "unchanged") location.reload();
    };
    return () => {
      stop();
      c.close();
      channel.current = null;
    };
  }, []);
  return {
    tell: (kind) => channel.current?.postMessage({ kind }),
    own: async <T>(
      change: LockChange,
      task: () => Promise<T>,
      happened: (result: T) => boolean,
    ): Promise<T> => {
      const count = () => expected.current.get(change) ?? 0;
      expected.current.set(change, count() + 1);
      let result: T | undefined;
      try {
        result = await task();
        return result;
      } finally {
        if (result === undefined || !happened(result))
          expected.current.set(change, Math.max(0, count() - 1));
      }
    },
  };
}
