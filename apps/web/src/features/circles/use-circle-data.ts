/**
 * What the circle screens show, asked of `Circles` when the screen opens,
 * again whenever circles say something changed, and gently every few
 * seconds while the screen is open (someone joined, a post arrived). A
 * failed ask keeps what was shown and says why. Opening a circle marks it
 * seen, which circles tell their listeners about: a circle's page does not
 * listen (it would open itself again and again), it asks again after the
 * person's own changes instead.
 */
import type { Result } from "@trellis/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { useT } from "../../i18n/i18n.tsx";
import type { CircleSummary, Circles, CircleView } from "./circles-api.ts";

/** How often an open screen asks again. */
export const POLL_MS = 4_000;

export interface Loaded<T> {
  readonly circles: Circles | null;
  /** Null until the first answer. */
  readonly value: T | null;
  /** Why the last ask failed, in words; null when it worked. */
  readonly error: string | null;
  /** The same, as the client's reason (`circle-waiting`...). */
  readonly reason: string | null;
  reload(): Promise<void>;
}

export function useCircleData<T>(
  load: (circles: Circles) => Promise<Result<T, { reason: string }>>,
  key: string,
  { pollMs = POLL_MS, listen = true }: { pollMs?: number; listen?: boolean } = {},
): Loaded<T> {
  const t = useT();
  const circles = useCircles();
  const [value, setValue] = useState<{ key: string; value: T } | null>(null);
  const [failure, setFailure] = useState<{ reason: string; words: string } | null>(null);
  const latest = useRef(load);
  latest.current = load;

  const reload = useCallback(async () => {
    if (!circles) return;
    const r = await latest.current(circles);
    if (r.ok) {
      setValue({ key, value: r.value });
      setFailure(null);
    } else setFailure({ reason: r.error.reason, words: reasonText(t, r.error.reason) });
  }, [circles, key, t]);

  useEffect(() => {
    if (!circles) return;
    let stopped = false;
    const again = () => {
      if (!stopped) void reload();
    };
    again();
    const unsubscribe = listen ? circles.subscribe(again) : () => {};
    const timer = pollMs > 0 ? setInterval(again, pollMs) : undefined;
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
    };
  }, [circles, reload, pollMs, listen]);

  return {
    circles,
    value: value?.key === key ? value.value : null,
    error: failure?.words ?? null,
    reason: failure?.reason ?? null,
    reload,
  };
}

/** The person's circles, owned and read. */
export function useCircleList(): Loaded<CircleSummary[]> {
  return useCircleData((c) => c.list(), "list");
}

/** One circle as this account may see it; marks it seen on this device. */
export function useCircleView(circleId: string): Loaded<CircleView> {
  return useCircleData((c) => c.open(circleId), `open:${circleId}`, { listen: false });
}
