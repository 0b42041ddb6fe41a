import { describe, expect, it } from "vitest";
import { generateRootKey } from "./root-key.ts";
import { ready } from "./sodium.ts";

describe("ready", () => {
  it("is required before anything else, with a message that says so", () => {
    expect(() => generateRootKey()).toThrow("await ready()");
  });

  it("can be awaited more than once, and then everything is synchronous", async () => {
    await ready();
    await ready();
    expect(generateRootKey()).toHaveLength(32);
  });
});
