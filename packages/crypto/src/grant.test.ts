import { describe, expect, it } from "vitest";
import { secretsEqual } from "./bytes.ts";
import { generateVaultKey, openEvent, sealEvent } from "./event.ts";
import { openVaultKeyGrant, sealVaultKeyFor } from "./grant.ts";
import { deriveIdentity, type Identity } from "./identity.ts";
import { generateRootKey } from "./root-key.ts";
import { ready } from "./sodium.ts";
import { text } from "./testing.ts";

await ready();

const vaultId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const otherVault = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e";
const person = (): Identity => deriveIdentity(generateRootKey());

const owner = person();
const partner = person();
const stranger = person();
const vaultKey = generateVaultKey(3);

function grantForPartner() {
  return sealVaultKeyFor(partner.box.publicKey, vaultKey, {
    vaultId,
    signer: owner.signing.secretKey,
  });
}

function openAsPartner(grant: Uint8Array, overrides: Partial<{ vaultId: string }> = {}) {
  return openVaultKeyGrant(grant, {
    recipient: partner.box,
    expectedSigner: owner.signing.publicKey,
    vaultId,
    ...overrides,
  });
}

describe("vault-key grants", () => {
  it("gives the partner the owner's vault key and epoch", () => {
    const opened = openAsPartner(grantForPartner());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.epoch).toBe(3);
    expect(secretsEqual(opened.value.bytes, vaultKey.bytes)).toBe(true);
  });

  it("lets the partner read events the owner sealed", () => {
    const opened = openAsPartner(grantForPartner());
    if (!opened.ok) throw new Error("grant should open");
    const address = { vaultId, eventId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c" };
    const sealed = sealEvent({ ...address, epoch: 3 }, vaultKey, text("retrieval: 12 eggs"));
    expect(openEvent(address, new Map([[3, opened.value]]), sealed)).toEqual({
      ok: true,
      value: text("retrieval: 12 eggs"),
    });
  });

  it("is 186 + 2 x (vault id length) bytes and starts with version 1", () => {
    const grant = grantForPartner();
    expect(grant.length).toBe(186 + 2 * vaultId.length);
    expect(grant[0]).toBe(1);
  });

  it("refuses a grant made for someone else", () => {
    const grant = grantForPartner();
    expect(
      openVaultKeyGrant(grant, {
        recipient: stranger.box,
        expectedSigner: owner.signing.publicKey,
        vaultId,
      }),
    ).toEqual({ ok: false, error: { reason: "wrong-recipient" } });
  });

  it("refuses a grant whose recipient field was rewritten", () => {
    const grant = Uint8Array.from(grantForPartner());
    grant.set(stranger.box.publicKey, 5);
    expect(
      openVaultKeyGrant(grant, {
        recipient: stranger.box,
        expectedSigner: owner.signing.publicKey,
        vaultId,
      }),
    ).toEqual({ ok: false, error: { reason: "bad-signature" } });
  });

  it("refuses a grant for another vault", () => {
    expect(openAsPartner(grantForPartner(), { vaultId: otherVault })).toEqual({
      ok: false,
      error: { reason: "wrong-vault" },
    });
  });

  it("refuses a grant whose vault id was rewritten to the expected one", () => {
    const forOther = Uint8Array.from(
      sealVaultKeyFor(partner.box.publicKey, vaultKey, {
        vaultId: otherVault,
        signer: owner.signing.secretKey,
      }),
    );
    forOther.set(text(vaultId), 38);
    expect(openAsPartner(forOther)).toEqual({ ok: false, error: { reason: "bad-signature" } });
  });

  it("refuses a grant signed by anyone but the expected owner", () => {
    const forged = sealVaultKeyFor(partner.box.publicKey, generateVaultKey(3), {
      vaultId,
      signer: stranger.signing.secretKey,
    });
    expect(openAsPartner(forged)).toEqual({ ok: false, error: { reason: "bad-signature" } });
  });

  it("refuses a grant with any byte changed", () => {
    const grant = grantForPartner();
    for (let i = 1; i < grant.length; i++) {
      const tampered = Uint8Array.from(grant);
      tampered[i]! ^= 0x01;
      const opened = openAsPartner(tampered);
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(["bad-signature", "wrong-recipient", "wrong-vault", "malformed"]).toContain(
          opened.error.reason,
        );
      }
    }
  });

  it("reports unsupported-version and malformed grants", () => {
    const grant = Uint8Array.from(grantForPartner());
    expect(openAsPartner(new Uint8Array(0))).toEqual({ ok: false, error: { reason: "malformed" } });
    expect(openAsPartner(grant.subarray(0, 100))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
    grant[0] = 2;
    expect(openAsPartner(grant)).toEqual({ ok: false, error: { reason: "unsupported-version" } });
  });

  it("after a member is removed, grants the new epoch only to those who stay", () => {
    const nextKey = generateVaultKey(4);
    const remaining = sealVaultKeyFor(partner.box.publicKey, nextKey, {
      vaultId,
      signer: owner.signing.secretKey,
    });
    const opened = openAsPartner(remaining);
    expect(opened.ok && opened.value.epoch).toBe(4);
    // The removed member kept only epoch 3: new events stay shut to them.
    const address = { vaultId, eventId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60" };
    const sealed = sealEvent({ ...address, epoch: 4 }, nextKey, text("beta: 312"));
    expect(openEvent(address, new Map([[3, vaultKey]]), sealed)).toEqual({
      ok: false,
      error: { reason: "unknown-epoch" },
    });
  });

  it("refuses to seal for a vault id that could be ambiguous", () => {
    expect(() =>
      sealVaultKeyFor(partner.box.publicKey, vaultKey, {
        vaultId: "a|b",
        signer: owner.signing.secretKey,
      }),
    ).toThrow(TypeError);
  });
});
