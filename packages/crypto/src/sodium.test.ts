import { describe, expect, it } from "vitest";
import { deriveIdentity } from "./identity.ts";
import { generateRootKey } from "./root-key.ts";
import { ready } from "./sodium.ts";

describe("ready", () => {
  it("is required before anything that uses libsodium, with a message that says so", () => {
    // Random bytes come from the platform (WebCrypto), so a root key can be drawn
    // before libsodium loads; deriving keys from it cannot.
    const root = generateRootKey();
    expect(() => deriveIdentity(root)).toThrow("await ready()");
  });

  it("can be awaited more than once, and then everything is synchronous", async () => {
    await ready();
    await ready();
    const identity = deriveIdentity(generateRootKey());
    expect(identity.signing.publicKey).toHaveLength(32);
  });
});
