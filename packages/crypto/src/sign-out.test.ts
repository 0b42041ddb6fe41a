import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveIdentity, type Identity } from "./identity.ts";
import { generateRootKey } from "./root-key.ts";
import { SIGN_OUT_SIGNATURE_BYTES, signSignOut, verifySignOut } from "./sign-out.ts";
import { ready } from "./sodium.ts";

await ready();

const person = (): Identity => deriveIdentity(generateRootKey());
const account = person();
const other = person();
const address = {
  accountId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  sessionId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c",
};

describe("signed sign-outs", () => {
  it("verifies the account's signature on exactly that session", () => {
    const signature = signSignOut(address, account.signing.secretKey);
    expect(signature).toHaveLength(SIGN_OUT_SIGNATURE_BYTES);
    expect(verifySignOut(address, signature, account.signing.publicKey)).toBe(true);
  });

  it("refuses another key: a server cannot sign in the account's name", () => {
    const forged = signSignOut(address, other.signing.secretKey);
    expect(verifySignOut(address, forged, account.signing.publicKey)).toBe(false);
  });

  it("refuses a signature replayed for another session or account", () => {
    const signature = signSignOut(address, account.signing.secretKey);
    const otherSession = { ...address, sessionId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d" };
    const otherAccount = { ...address, accountId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e" };
    expect(verifySignOut(otherSession, signature, account.signing.publicKey)).toBe(false);
    expect(verifySignOut(otherAccount, signature, account.signing.publicKey)).toBe(false);
  });

  it("binds the ids' boundaries: moving a character between them breaks it", () => {
    const a = { accountId: "ab", sessionId: "c" };
    const b = { accountId: "a", sessionId: "bc" };
    const signature = signSignOut(a, account.signing.secretKey);
    expect(verifySignOut(b, signature, account.signing.publicKey)).toBe(false);
  });

  it("answers false, never throws, for any damaged input", () => {
    const good = signSignOut(address, account.signing.secretKey);
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.nat({ max: SIGN_OUT_SIGNATURE_BYTES - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (junk, at, flip) => {
          expect(verifySignOut(address, junk, account.signing.publicKey)).toBe(false);
          const bent = good.slice();
          bent[at]! ^= flip;
          expect(verifySignOut(address, bent, account.signing.publicKey)).toBe(false);
          expect(verifySignOut(address, good, junk)).toBe(false);
        },
      ),
    );
    expect(verifySignOut({ ...address, sessionId: "a|b" }, good, account.signing.publicKey)).toBe(
      false,
    );
  });
});
