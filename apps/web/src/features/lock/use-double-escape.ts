import { useEffect, useRef } from "react";

/** Two presses of Escape this close together are a quick exit (a common pattern on safety sites). */
const WITHIN_MS = 600;

export function useDoubleEscape(on: boolean, exit: () => void): void {
  const latest = useRef(exit);
  latest.current = exit;
  useEffect(() => {
    if (!on) return;
    let last = Number.NEGATIVE_INFINITY;
    function pressed(e: KeyboardEvent) {
      if (e.key !== "Escape") return;
      const now = e.timeStamp;
      if (now - last < WITHIN_MS) latest.current();
      last = now;
    }
    window.addEventListener("keydown", pressed);
    return () => window.removeEventListener("keydown", pressed);
  }, [on]);
}
