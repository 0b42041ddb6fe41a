/**
 * The owner's costs grants, whatever happens to the vault: after any run of
 * people added, removed, made partner or viewer, and the switch turned on
 * and off, with `settleCosts` after each step, the log (checked as every
 * device checks it) gives the newest costs key to exactly those who may
 * read costs, every older one to them too, and the same key to all.
 */
import {
  deriveIdentity,
  generateRootKey,
  generateVaultKey,
  type Identity,
  ready,
  sealVaultKeyFor,
  toBase64Url,
} from "@trellis/crypto";
import type { Role } from "@trellis/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SyncApi } from "./api.ts";
import { costsScope, mayReadCosts, openCostsKeys, settleCosts } from "./costs-keys.ts";
import {
  appendChange,
  applyChange,
  emptyMembership,
  fetchMembership,
  type Membership,
  type MembershipChange,
} from "./membership.ts";

const VAULT = "0190d6c0-0000-7000-8000-00000000c057";

/** A server that keeps one log and nothing else. */
function logServer(): SyncApi {
  const log: string[] = [];
  return {
    membershipLog: async () => ({
      ok: true,
      value: { entries: log.map((entry, position) => ({ position, entry })) },
    }),
    appendMembershipLog: async (
      _token: string,
      _vault: string,
      body: { position: number; entry: string },
    ) => {
      if (body.position !== log.length) return { ok: false, error: { reason: "log-conflict" } };
      log.push(body.entry);
      return { ok: true, value: undefined };
    },
  } as unknown as SyncApi;
}

let people: { accountId: string; identity: Identity }[] = [];
beforeAll(async () => {
  await ready();
  people = ["maya", "sam", "ana", "grandma", "dad"].map((accountId) => ({
    accountId,
    identity: deriveIdentity(generateRootKey()),
  }));
});

type Step =
  | { kind: "add"; who: number; role: "partner" | "viewer" }
  | { kind: "remove"; who: number }
  | { kind: "role"; who: number; role: "partner" | "viewer" }
  | { kind: "switch"; show: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("add" as const),
    who: fc.integer({ min: 1, max: 4 }),
    role: fc.constantFrom("partner" as const, "viewer" as const),
  }),
  fc.record({ kind: fc.constant("remove" as const), who: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant("role" as const),
    who: fc.integer({ min: 1, max: 4 }),
    role: fc.constantFrom("partner" as const, "viewer" as const),
  }),
  fc.record({ kind: fc.constant("switch" as const), show: fc.boolean() }),
);

/** The change a step signs, if it makes sense now. */
function changeOf(m: Membership, s: Step): MembershipChange | null {
  if (s.kind === "switch") return { kind: "costs-viewers", show: s.show };
  const p = people[s.who]!;
  const pinned = m.members.get(p.accountId);
  const isIn = pinned !== undefined && pinned.removedUpToSeq === undefined;
  if (s.kind === "add") {
    if (isIn) return null;
    return {
      kind: "add",
      accountId: p.accountId,
      role: s.role as Role,
      signingKey: toBase64Url(p.identity.signing.publicKey),
      boxKey: toBase64Url(p.identity.box.publicKey),
    };
  }
  if (!isIn) return null;
  return s.kind === "remove"
    ? { kind: "remove", accountId: p.accountId, upToSeq: 0 }
    : { kind: "role", accountId: p.accountId, role: s.role };
}

describe("settleCosts", () => {
  it("after any run of changes, exactly those who may read costs hold every costs key", async () => {
    const owner = people[0]!;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const api = logServer();
        const input = { vaultId: VAULT, identity: owner.identity };
        let m = await appendChange(
          api,
          "t",
          { ...input, membership: emptyMembership },
          {
            kind: "create",
            accountId: owner.accountId,
            signingKey: toBase64Url(owner.identity.signing.publicKey),
            boxKey: toBase64Url(owner.identity.box.publicKey),
            legacyUpToSeq: 0,
          },
        );
        for (const s of [null, ...steps]) {
          if (!m.ok) throw new Error(m.error.reason);
          const change = s && changeOf(m.value, s);
          if (change) m = await appendChange(api, "t", { ...input, membership: m.value }, change);
          if (!m.ok) throw new Error(m.error.reason);
          const settled = await settleCosts(api, "t", {
            ...input,
            ownerAccountId: owner.accountId,
            membership: m.value,
          });
          if (!settled.ok) throw new Error(settled.error.reason);
          // As any device reads it: every entry checked against the owner's key.
          m = await fetchMembership(api, "t", VAULT, owner.identity.signing.publicKey);
          if (!m.ok) throw new Error(m.error.reason);
          const log = m.value;
          expect(log.costsEpoch).toBeGreaterThan(0);
          const newest = new Map<number, string>();
          for (const p of people) {
            const keys = openCostsKeys(log, {
              ...p,
              vaultId: VAULT,
              owner: owner.identity.signing.publicKey,
            });
            const pinned = log.members.get(p.accountId);
            const allowed = pinned !== undefined && mayReadCosts(log, pinned);
            expect(keys.some((k) => k.epoch === log.costsEpoch)).toBe(allowed);
            if (allowed) {
              // Every epoch, so every cost ever recorded opens for them.
              expect(keys.map((k) => k.epoch).sort((a, b) => a - b)).toEqual(
                Array.from({ length: log.costsEpoch }, (_, i) => i + 1),
              );
            }
            for (const k of keys) {
              const bytes = toBase64Url(k.bytes);
              expect(newest.get(k.epoch) ?? bytes).toBe(bytes);
              newest.set(k.epoch, bytes);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it("the log refuses a costs key for a viewer while the switch is off, and one for someone not in", () => {
    const owner = people[0]!;
    const viewer = people[3]!;
    let m = applyChange(emptyMembership, {
      kind: "create",
      accountId: owner.accountId,
      signingKey: toBase64Url(owner.identity.signing.publicKey),
      boxKey: toBase64Url(owner.identity.box.publicKey),
    })!;
    m = { ...m, length: 1 };
    const grant = toBase64Url(
      sealVaultKeyFor(viewer.identity.box.publicKey, generateVaultKey(1), {
        vaultId: costsScope(VAULT),
        signer: owner.identity.signing.secretKey,
      }),
    );
    const costsKey = { kind: "costs-key" as const, epoch: 1, accountId: viewer.accountId, grant };
    expect(applyChange(m, costsKey)).toBeNull();
    m = applyChange(m, {
      kind: "add",
      accountId: viewer.accountId,
      role: "viewer",
      signingKey: toBase64Url(viewer.identity.signing.publicKey),
      boxKey: toBase64Url(viewer.identity.box.publicKey),
    })!;
    expect(applyChange(m, costsKey)).toBeNull();
    const on = applyChange(m, { kind: "costs-viewers", show: true })!;
    expect(applyChange(on, costsKey)?.costsGrants).toEqual([
      { epoch: 1, accountId: viewer.accountId, grant },
    ]);
    const removed = applyChange(on, { kind: "remove", accountId: viewer.accountId, upToSeq: 3 })!;
    expect(applyChange(removed, costsKey)).toBeNull();
  });

  it("a costs key grant signed by anyone but the owner, or sealed for the vault key, is not a costs key", () => {
    const owner = people[0]!;
    const partner = people[1]!;
    const viewer = people[3]!;
    const key = generateVaultKey(1);
    const forged = (signer: Identity, scope: string) =>
      toBase64Url(
        sealVaultKeyFor(viewer.identity.box.publicKey, key, {
          vaultId: scope,
          signer: signer.signing.secretKey,
        }),
      );
    const log: Membership = {
      length: 3,
      head: null,
      epoch: 1,
      legacyUpToSeq: 0,
      members: new Map(),
      costsForViewers: true,
      costsEpoch: 1,
      costsGrants: [
        {
          epoch: 1,
          accountId: viewer.accountId,
          grant: forged(partner.identity, costsScope(VAULT)),
        },
        { epoch: 1, accountId: viewer.accountId, grant: forged(owner.identity, VAULT) },
        { epoch: 2, accountId: viewer.accountId, grant: forged(owner.identity, costsScope(VAULT)) },
      ],
    };
    const opened = openCostsKeys(log, {
      ...viewer,
      vaultId: VAULT,
      owner: owner.identity.signing.publicKey,
    });
    expect(opened).toEqual([]);
  });
});
