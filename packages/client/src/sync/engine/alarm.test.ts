import { describe, expect, it } from "vitest";
import { alarm } from "./alarm.ts";
import type { SyncClock } from "./clock.ts";

/** A clock whose waits end only when aborted or released by the test. */
function heldClock() {
  const waits: { ms: number; release: () => void }[] = [];
  const clock: SyncClock = {
    now: () => 0,
    random: () => 0.5,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        waits.push({ ms, release: () => resolve() });
        signal.addEventListener("abort", () => resolve(), { once: true });
      }),
  };
  return { clock, waits };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe("the engine's rest between rounds", () => {
  it("waits its full time when nothing happens", async () => {
    const { clock, waits } = heldClock();
    const rest = alarm(clock).rest(20_000, new AbortController().signal, true);
    expect(await settled(rest)).toBe(false);
    expect(waits.map((w) => w.ms)).toEqual([20_000]);
    waits[0]!.release();
    expect(await settled(rest)).toBe(true);
  });

  it("ends at once when woken, or when the engine stops", async () => {
    const { clock } = heldClock();
    const a = alarm(clock);
    const lifetime = new AbortController();
    const woken = a.rest(20_000, lifetime.signal, true);
    a.wake();
    expect(await settled(woken)).toBe(true);
    const stopped = a.rest(20_000, lifetime.signal, true);
    lifetime.abort();
    expect(await settled(stopped)).toBe(true);
  });

  it("keeps a wake that came between rests, so the next rest does not wait (once)", async () => {
    const { clock, waits } = heldClock();
    const a = alarm(clock);
    const lifetime = new AbortController().signal;
    a.wake();
    expect(await settled(a.rest(20_000, lifetime, true))).toBe(true);
    expect(waits).toHaveLength(0);
    expect(await settled(a.rest(20_000, lifetime, true))).toBe(false);
    expect(waits).toHaveLength(1);
  });

  it("does not rest at all once the engine is not running", async () => {
    const { clock, waits } = heldClock();
    expect(await settled(alarm(clock).rest(20_000, new AbortController().signal, false))).toBe(
      true,
    );
    expect(waits).toHaveLength(0);
  });
});
