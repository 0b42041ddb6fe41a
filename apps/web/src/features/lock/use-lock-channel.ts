import { useEffect, useRef } from "react";

/** The channel every tab of Trellis on this device listens on for lock changes. */
export const LOCK_CHANNEL = "trellis-lock";

/** What one tab tells the others: it is about to change the lock (let go of the record), or it did. */
export type LockMessage = { readonly kind: "changing" } | { readonly kind: "changed" };

/**
 * Tells other tabs when this one turns the lock on or off, and hears them:
 * `changing` lets go of the record here (so the other tab can move it);
 * anything else reloads, so this tab opens the record the new way.
 */
export function useLockChannel(onChanging: () => void): (message: LockMessage) => void {
  const channel = useRef<BroadcastChannel | null>(null);
  const latest = useRef(onChanging);
  latest.current = onChanging;
  useEffect(() => {
    if (!("BroadcastChannel" in window)) return;
    const c = new BroadcastChannel(LOCK_CHANNEL);
    channel.current = c;
    c.onmessage = (e: MessageEvent<LockMessage>) => {
      if (e.data?.kind === "changing") latest.current();
      else location.reload();
    };
    return () => {
      c.close();
      channel.current = null;
    };
  }, []);
  return (message) => channel.current?.postMessage(message);
}
