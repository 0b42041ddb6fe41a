import { MAX_APPEND_BYTES } from "@trellis/sync";
import { describe, expect, it } from "vitest";
import type { SyncApi } from "../api.ts";
import { appendRequests, sealAndSend } from "./push.ts";

const entry = (i: number, size: number) => ({ id: `id-${i}`, body: "x".repeat(size) });

describe("append requests", () => {
  it("hold at most the given number of entries, in order", () => {
    const sealed = Array.from({ length: 5 }, (_, i) => entry(i, 10));
    const requests = appendRequests(sealed, 2);
    expect(requests.map((r) => r.map((e) => e.id))).toEqual([
      ["id-0", "id-1"],
      ["id-2", "id-3"],
      ["id-4"],
    ]);
  });

  it("stay under MAX_APPEND_BYTES of bodies, and a body larger than that still goes, alone", () => {
    const big = Math.floor(MAX_APPEND_BYTES / 3);
    const sealed = [
      entry(0, big),
      entry(1, big),
      entry(2, big),
      entry(3, MAX_APPEND_BYTES + 1),
      entry(4, 1),
    ];
    const requests = appendRequests(sealed);
    expect(requests.map((r) => r.map((e) => e.id))).toEqual([
      ["id-0", "id-1"],
      ["id-2"],
      ["id-3"],
      ["id-4"],
    ]);
  });
});

describe("sealing and sending", () => {
  const events = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}` })) as never[];

  it("seals the next batch while one is on its way, and reports each batch once confirmed", async () => {
    const log: string[] = [];
    const answers: (() => void)[] = [];
    const api = {
      append: (_t: string, _v: string, body: { events: { id: string }[] }) => {
        log.push(`send ${body.events.map((e) => e.id).join(",")}`);
        return new Promise((resolve) => {
          answers.push(() =>
            resolve({
              ok: true,
              value: {
                results: body.events.map((e, i) => ({ id: e.id, seq: i + 1, stored: true })),
              },
            }),
          );
        });
      },
    } as unknown as SyncApi;
    const crypto = {
      vaultId: "v",
      seal: (e: { id: string }) => {
        log.push(`seal ${e.id}`);
        return { id: e.id, body: "b" };
      },
    };
    const done = sealAndSend({ api, token: "t", crypto, events, batch: 2 }, (batch) => {
      log.push(`confirmed ${batch.map((e) => (e as { id: string }).id).join(",")}`);
    });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    // The first batch is on its way, unanswered, and the second is already sealed.
    expect(log).toEqual(["seal e0", "seal e1", "send e0,e1", "seal e2", "seal e3"]);
    while (answers.length > 0) {
      answers.shift()!();
      await tick();
    }
    expect(log.slice(5)).toEqual([
      "confirmed e0,e1",
      "send e2,e3",
      "seal e4",
      "confirmed e2,e3",
      "send e4",
      "confirmed e4",
    ]);
    await done;
  });
});
