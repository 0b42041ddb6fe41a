import { describe, expect, it } from "vitest";
import { type StreamMessage, StreamRefused, type Transport } from "../transport.ts";
import type { SyncClock } from "./clock.ts";
import { listen, type StreamOptions } from "./stream.ts";

/** What one connection does: yields these messages then ends, or fails. */
type Connection = readonly StreamMessage[] | { drop: true } | { refused: number };

/**
 * A live stream scripted connection by connection, with a clock whose waits
 * end at once and are recorded; the engine "stops" after `stopAfterWaits`.
 */
function scripted(connections: Connection[], stopAfterWaits: number, knownUpTo = 0) {
  const paths: string[] = [];
  const waits: number[] = [];
  const connected: boolean[] = [];
  let wakes = 0;
  let running = true;
  let cursor = 0;
  const transport: Transport = {
    request: async () => null,
    async *stream({ path }) {
      paths.push(path);
      const next = connections.shift();
      if (!next) {
        running = false;
        return;
      }
      if ("drop" in next) throw new Error("connection reset");
      if ("refused" in next) throw new StreamRefused(next.refused);
      yield* next;
    },
  };
  const clock: SyncClock = {
    now: () => 0,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      if (waits.length >= stopAfterWaits) running = false;
    },
  };
  const options: StreamOptions = {
    transport,
    token: "token",
    clock,
    path: (after) => `/stream?after=${after}`,
    cursor: async () => (cursor += 10),
    knownUpTo: () => knownUpTo,
    running: () => running,
    signal: new AbortController().signal,
    onConnected: (c) => connected.push(c),
    wake: () => {
      wakes += 1;
    },
  };
  return {
    run: () => listen(options),
    paths,
    waits,
    connected,
    wakes: () => wakes,
  };
}

const notice = (data: string, event = "events"): StreamMessage => ({ event, data });

describe("listening to the live stream", () => {
  it("wakes the engine only for a notice of events past what this device knows", async () => {
    const s = scripted(
      [
        [
          notice('{"upTo":5}'), // already known
          notice('{"upTo":9}', "message"), // not an events notice
          notice("not json"),
          notice('{"upTo":6.5}'),
          notice('{"upTo":7}'),
        ],
      ],
      1,
      5,
    );
    await s.run();
    expect(s.wakes()).toBe(1);
  });

  it("reconnects after drops with growing delays, from the cursor it has then, and starts over once connected", async () => {
    const s = scripted(
      [{ drop: true }, { drop: true }, { drop: true }, [notice("{}", "ready")], { drop: true }],
      5,
    );
    await s.run();
    expect(s.waits).toEqual([750, 1500, 3000, 750, 1500]);
    expect(s.paths).toEqual([10, 20, 30, 40, 50].map((n) => `/stream?after=${n}`));
    expect(s.connected).toEqual([true, false]);
  });

  it.each([
    [401, 1],
    [403, 1],
    [404, 0],
  ])(
    "stops for good when the server refuses the stream with %i (waking the engine %i time)",
    async (status, wakes) => {
      const s = scripted([{ refused: status }, [notice('{"upTo":99}')]], 10);
      await s.run();
      expect(s.paths).toHaveLength(1);
      expect(s.waits).toEqual([]);
      expect(s.wakes()).toBe(wakes);
    },
  );

  it.each([429, 503])("tries again after a %i, as after a drop", async (status) => {
    const s = scripted([{ refused: status }, { refused: status }], 2);
    await s.run();
    expect(s.waits).toEqual([750, 1500]);
    expect(s.wakes()).toBe(0);
  });
});
