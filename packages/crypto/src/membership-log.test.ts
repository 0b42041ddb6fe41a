import { describe, expect, it } from "vitest";
import { ed25519FromSeed } from "./identity.ts";
import { membershipEntryHash, openMembershipEntry, signMembershipEntry } from "./membership-log.ts";
import { ready } from "./sodium.ts";
import { counting, hex, text } from "./testing.ts";

await ready();

const vaultId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const owner = () => ed25519FromSeed(counting(0, 32));

describe("membership log entries", () => {
  it("signs the first entry to the pinned bytes (pins current behaviour)", () => {
    const first = signMembershipEntry(
      { vaultId, position: 0, previous: null },
      owner().secretKey,
      text('{"kind":"create"}'),
    );
    expect(hex(first)).toBe(
      "01" +
        "00000000" +
        "0000000000000000000000000000000000000000000000000000000000000000" +
        "a8fa3a0672958aec35a3b952ee7c0012af8826cfc1a653b85473ff55ed6f0e9c" +
        "fdfb396c73800579557f884fe82600f242eed12f2d6ebfb185688c1511fbc306" + // signature
        hex(text('{"kind":"create"}')),
    );
    expect(hex(membershipEntryHash(first))).toBe(
      "b99a4935a17fb5881c4696b1a50c29f928cea0ef0a6aba8b29ac990ac9d6a07f",
    );
  });

  it("opens a chain in order, and refuses an entry out of place", () => {
    const o = owner();
    const first = signMembershipEntry(
      { vaultId, position: 0, previous: null },
      o.secretKey,
      text("a"),
    );
    const previous = membershipEntryHash(first);
    const second = signMembershipEntry({ vaultId, position: 1, previous }, o.secretKey, text("b"));
    expect(
      openMembershipEntry({ vaultId, position: 0, previous: null }, o.publicKey, first),
    ).toEqual({ ok: true, value: text("a") });
    expect(openMembershipEntry({ vaultId, position: 1, previous }, o.publicKey, second)).toEqual({
      ok: true,
      value: text("b"),
    });
    // The same entry offered at another place, or after another entry.
    expect(openMembershipEntry({ vaultId, position: 2, previous }, o.publicKey, second)).toEqual({
      ok: false,
      error: { reason: "broken-chain" },
    });
    expect(
      openMembershipEntry(
        { vaultId, position: 1, previous: membershipEntryHash(second) },
        o.publicKey,
        second,
      ),
    ).toEqual({ ok: false, error: { reason: "broken-chain" } });
  });

  it("refuses an entry signed by anyone but the owner, or for another vault, or altered", () => {
    const o = owner();
    const first = signMembershipEntry(
      { vaultId, position: 0, previous: null },
      o.secretKey,
      text("a"),
    );
    const at0 = { vaultId, position: 0, previous: null };
    const stranger = ed25519FromSeed(counting(1, 32));
    expect(openMembershipEntry(at0, stranger.publicKey, first)).toEqual({
      ok: false,
      error: { reason: "bad-signature" },
    });
    expect(
      openMembershipEntry(
        { ...at0, vaultId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c" },
        o.publicKey,
        first,
      ),
    ).toEqual({ ok: false, error: { reason: "bad-signature" } });
    const altered = Uint8Array.from(first);
    altered[altered.length - 1]! ^= 1;
    expect(openMembershipEntry(at0, o.publicKey, altered)).toEqual({
      ok: false,
      error: { reason: "bad-signature" },
    });
    expect(openMembershipEntry(at0, o.publicKey, Uint8Array.of(2))).toEqual({
      ok: false,
      error: { reason: "unsupported-version" },
    });
  });
});
