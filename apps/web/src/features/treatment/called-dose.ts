import { useEffect } from "react";

/**
 * Today opened from a reminder (`/?dose=<key>[,<key>…]`, see the service
 * worker's notification click): scrolls the first named dose into view and
 * moves focus to it, once, so the person lands on the dose the reminder was
 * about rather than at the top of the page.
 */
export function useCalledDose(): void {
  useEffect(() => {
    const first = new URLSearchParams(window.location.search).get("dose")?.split(",")[0];
    if (!first) return;
    const row = document.querySelector<HTMLElement>(`[data-dose-key="${CSS.escape(first)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    row.focus({ preventScroll: true });
  }, []);
}
