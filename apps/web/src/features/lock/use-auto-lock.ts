import { useEffect, useRef } from "react";

const VEIL = "lock-veil";

/**
 * Locks once the page has been hidden `minutes` minutes (0: as soon as it is
 * hidden), checked when it is hidden (a timer, which a browser may slow down
 * in the background) and again when it shows (the time actually spent
 * away). While hidden with the lock on, the page is veiled, so the app
 * switcher's picture shows a plain cover, as far as the platform allows.
 */
export function useAutoLock(on: boolean, minutes: number, lockNow: () => void): void {
  const latest = useRef(lockNow);
  latest.current = lockNow;
  useEffect(() => {
    if (!on) return;
    const limit = minutes * 60_000;
    let hiddenAt: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const root = document.documentElement;
    function changed() {
      if (document.visibilityState === "hidden") {
        root.classList.add(VEIL);
        hiddenAt = Date.now();
        if (limit === 0) latest.current();
        else timer = setTimeout(() => latest.current(), limit);
        return;
      }
      clearTimeout(timer);
      if (hiddenAt !== null && Date.now() - hiddenAt >= limit) latest.current();
      hiddenAt = null;
      root.classList.remove(VEIL);
    }
    document.addEventListener("visibilitychange", changed);
    return () => {
      document.removeEventListener("visibilitychange", changed);
      clearTimeout(timer);
      root.classList.remove(VEIL);
    };
  }, [on, minutes]);
}
