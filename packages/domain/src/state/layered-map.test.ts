import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayeredMap } from "./layered-map.ts";

/** A map and its copies beside native maps doing the same: they must read the same, always. */
type Pair = { layered: LayeredMap<string, number>; model: Map<string, number> };

// Often the same few keys (changed, deleted, re-added), sometimes many new ones
// (the layers outgrow the base and fold back into one map).
const key = fc.oneof(fc.nat(12), fc.nat(400));
const op = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      at: fc.nat(),
      key: key,
      value: fc.integer(),
    }),
    weight: 20,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), key: key }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant("copy" as const), at: fc.nat() }), weight: 1 },
);

function same({ layered, model }: Pair): void {
  expect([...layered]).toEqual([...model]);
  expect([...layered.keys()]).toEqual([...model.keys()]);
  expect([...layered.values()]).toEqual([...model.values()]);
  expect(layered.size).toBe(model.size);
  const seen: [string, number][] = [];
  layered.forEach((v, k, map) => {
    expect(map).toBe(layered);
    seen.push([k, v]);
  });
  expect(seen).toEqual([...model.entries()]);
  for (let k = 0; k <= 400; k += 3) {
    expect(layered.get(`k${k}`)).toBe(model.get(`k${k}`));
    expect(layered.has(`k${k}`)).toBe(model.has(`k${k}`));
  }
}

describe("LayeredMap", () => {
  it("reads like a native map through any sets, deletes and copies, and a copy never sees its original's changes (nor the reverse)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            key.map((k) => `k${k}`),
            fc.integer(),
          ),
          { maxLength: 40 },
        ),
        fc.array(op, { minLength: 100, maxLength: 600, size: "max" }),
        (start, ops) => {
          const pairs: Pair[] = [{ layered: new LayeredMap(start), model: new Map(start) }];
          for (const o of ops) {
            const pair = pairs[o.at % pairs.length]!;
            if (o.kind === "set") {
              expect(pair.layered.set(`k${o.key}`, o.value)).toBe(pair.layered);
              pair.model.set(`k${o.key}`, o.value);
            } else if (o.kind === "delete") {
              expect(pair.layered.delete(`k${o.key}`)).toBe(pair.model.delete(`k${o.key}`));
            } else {
              pairs.push({ layered: pair.layered.copy(), model: new Map(pair.model) });
            }
          }
          for (const pair of pairs) same(pair);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps a changed key in its place and puts a deleted and re-added one last, as Map does", () => {
    const original = new LayeredMap([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    const copy = original.copy();
    copy.set("a", 10);
    copy.delete("b");
    copy.set("b", 20);
    copy.set("d", 4);
    expect([...copy]).toEqual([
      ["a", 10],
      ["c", 3],
      ["b", 20],
      ["d", 4],
    ]);
    expect([...original]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(copy.delete("b")).toBe(true);
    expect(copy.delete("b")).toBe(false);
    expect(copy.has("b")).toBe(false);
    expect(original.get("b")).toBe(2);
  });

  it("a copy of 75,000 entries with one more is its own map and leaves the original as it was", () => {
    const big = new LayeredMap<string, number>(
      Array.from({ length: 75_000 }, (_, i) => [`n${i}`, i] as const),
    );
    let state = big;
    // Many single writes, each on a fresh copy, as `foldMore` does note by note:
    // the layers fold back into one map now and then, and nothing leaks between copies.
    for (let i = 0; i < 5_000; i++) {
      const next = state.copy();
      next.set(`new${i}`, i);
      if (i % 3 === 0) next.set(`n${i}`, -i);
      state = next;
    }
    expect(big.size).toBe(75_000);
    expect(big.get("n3")).toBe(3);
    expect(big.has("new0")).toBe(false);
    expect(state.size).toBe(80_000);
    expect(state.get("n3")).toBe(-3);
    expect(state.get("new4999")).toBe(4_999);
    expect([...state.keys()].slice(74_999, 75_001)).toEqual(["n74999", "new0"]);
  });

  it("says whether it was written since it was made or copied", () => {
    const map = new LayeredMap([["a", 1]]);
    const copy = map.copy();
    expect(copy.written).toBe(false);
    copy.get("a");
    expect(copy.written).toBe(false);
    copy.set("a", 2);
    expect(copy.written).toBe(true);
  });

  it("reads as a Map to tools, and equal contents compare equal whatever the layers", () => {
    const a = new LayeredMap([
      ["x", { n: 1 }],
      ["y", { n: 2 }],
    ]);
    const b = new LayeredMap([["x", { n: 1 }]]).copy();
    b.set("y", { n: 2 });
    expect(Object.prototype.toString.call(a)).toBe("[object Map]");
    expect(a).toEqual(b);
    b.set("y", { n: 3 });
    expect(a).not.toEqual(b);
  });

  it("shares with a native map only by copying it", () => {
    const native = new Map([["a", 1]]);
    const layered = LayeredMap.of(native);
    native.set("a", 2);
    expect(layered.get("a")).toBe(1);
    const again = LayeredMap.of(layered);
    again.set("a", 3);
    expect(layered.get("a")).toBe(1);
  });
});
