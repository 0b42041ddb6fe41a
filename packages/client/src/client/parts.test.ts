import { describe, expect, it } from "vitest";
import { serialQueue } from "./parts.ts";

describe("the client's write queue", () => {
  it("runs writes one at a time in the order asked, and a failed write does not stop the next", async () => {
    const serial = serialQueue();
    const log: string[] = [];
    const write = (name: string, ms: number, fail = false) =>
      serial(async () => {
        log.push(`${name} starts`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} ends`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([
      write("slow", 20),
      write("failing", 1, true),
      write("quick", 0),
    ]);
    expect(log).toEqual([
      "slow starts",
      "slow ends",
      "failing starts",
      "failing ends",
      "quick starts",
      "quick ends",
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
