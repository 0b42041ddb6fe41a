/**
 * What a device trusts when a server hands it keys: only grants signed by the
 * owner the invite link named, sealed to this account, for this vault.
 */
import {
  deriveIdentity,
  generateRecoveryKey,
  generateRootKey,
  ready,
  safetyCode,
  sealVaultKeyFor,
  toBase64Url,
} from "@trellis/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { register, type SignedIn } from "./account.ts";
import { createApi } from "./api.ts";
import { createFakeServer, type FakeServer } from "./fake-server.ts";
import {
  acceptInvite,
  createInvite,
  createVault,
  fetchVaultKeys,
  grantMember,
  safetyCodeWith,
  wireIdentity,
} from "./sharing.ts";
import type { Transport } from "./transport.ts";

let server: FakeServer;
let owner: SignedIn;
let partner: SignedIn;

beforeAll(async () => {
  await ready();
  server = await createFakeServer();
  const api = createApi(server.transport);
  const made = await Promise.all(
    ["owner", "partner"].map((name) =>
      register(api, {
        username: `sharing-${name}`,
        password: `password of the ${name}`,
        deviceName: name,
        recovery: generateRecoveryKey(),
      }),
    ),
  );
  if (!made[0]!.ok || !made[1]!.ok) throw new Error("register");
  owner = made[0]!.value;
  partner = made[1]!.value;
});

async function joined() {
  const api = createApi(server.transport);
  const vault = await createVault(api, owner.session.token, owner.identity);
  if (!vault.ok) throw new Error(vault.error.reason);
  const invite = await createInvite(api, owner.session.token, {
    vaultId: vault.value.vaultId,
    identity: owner.identity,
    role: "partner",
    origin: "https://trellis.test",
    now: Date.now(),
  });
  if (!invite.ok) throw new Error(invite.error.reason);
  return { vault: vault.value, fragment: new URL(invite.value.link).hash };
}

describe("sharing", () => {
  it("the invite link carries the owner's key; both sides compute the same safety code", async () => {
    const { fragment } = await joined();
    const accepted = await acceptInvite(
      createApi(server.transport),
      partner.session.token,
      fragment,
    );
    if (!accepted.ok) throw new Error(accepted.error.reason);
    expect(accepted.value.ownerIdentity).toEqual(wireIdentity(owner.identity));
    const partnerSide = safetyCodeWith(partner.identity, accepted.value.ownerIdentity);
    const ownerSide = safetyCodeWith(owner.identity, wireIdentity(partner.identity));
    expect(partnerSide.ok && ownerSide.ok && partnerSide.value === ownerSide.value).toBe(true);
  });

  it("refuses an invite whose owner key the server swapped", async () => {
    const { fragment } = await joined();
    const stranger = wireIdentity(deriveIdentity(generateRootKey()));
    const lying: Transport = {
      ...server.transport,
      async request(request) {
        const response = await server.transport.request(request);
        if (!request.path.endsWith("/accept") || response?.status !== 200) return response;
        const body = response.body as { owner: { publicIdentity: unknown } };
        return {
          ...response,
          body: { ...body, owner: { ...body.owner, publicIdentity: stranger } },
        };
      },
    };
    const other = await register(createApi(server.transport), {
      username: "sharing-third",
      password: "password of the third",
      deviceName: "third",
      recovery: generateRecoveryKey(),
    });
    if (!other.ok) throw new Error(other.error.reason);
    const r = await acceptInvite(createApi(lying), other.value.session.token, fragment);
    expect(r).toEqual({ ok: false, error: { reason: "identity-mismatch" } });
  });

  it("opens the owner's signed grant, and ignores a key the server signed itself while claiming to be the owner", async () => {
    const { vault, fragment } = await joined();
    const api = createApi(server.transport);
    const other = await register(api, {
      username: `sharing-${Date.now()}`,
      password: "another password here",
      deviceName: "x",
      recovery: generateRecoveryKey(),
    });
    if (!other.ok) throw new Error(other.error.reason);
    const member = other.value;
    const accepted = await acceptInvite(api, member.session.token, fragment);
    if (!accepted.ok) throw new Error(accepted.error.reason);
    const trustedSigner = accepted.value.ownerIdentity.signingKey;

    // Before the owner confirms: no key at all.
    const none = await fetchVaultKeys(api, member.session.token, {
      vaultId: vault.vaultId,
      identity: member.identity,
      trustedSigner,
    });
    expect(none).toEqual({ ok: true, value: [] });

    // A server in the middle makes its own grant and claims the owner signed it.
    const attacker = deriveIdentity(generateRootKey());
    const forged = toBase64Url(
      sealVaultKeyFor(member.identity.box.publicKey, vault.key, {
        vaultId: vault.vaultId,
        signer: attacker.signing.secretKey,
      }),
    );
    const lying: Transport = {
      ...server.transport,
      async request(request) {
        if (!request.path.endsWith("/grants/mine")) return server.transport.request(request);
        return {
          status: 200,
          body: {
            grants: [
              { epoch: 1, grant: forged, grantedBy: owner.accountId, signerKey: trustedSigner },
            ],
          },
        };
      },
    };
    const refused = await fetchVaultKeys(createApi(lying), member.session.token, {
      vaultId: vault.vaultId,
      identity: member.identity,
      trustedSigner,
    });
    expect(refused).toEqual({ ok: false, error: { reason: "bad-signature" } });

    // The owner's real grant opens.
    const granted = await grantMember(api, owner.session.token, {
      vaultId: vault.vaultId,
      identity: owner.identity,
      member: { accountId: member.accountId, publicIdentity: wireIdentity(member.identity) },
      keys: [vault.key],
    });
    expect(granted.ok).toBe(true);
    const keys = await fetchVaultKeys(api, member.session.token, {
      vaultId: vault.vaultId,
      identity: member.identity,
      trustedSigner,
    });
    expect(keys.ok && keys.value.map((k) => k.epoch)).toEqual([1]);
    expect(keys.ok && toBase64Url(keys.value[0]!.bytes)).toBe(toBase64Url(vault.key.bytes));
    // The code the member compares is the crypto package's, for the two real identities.
    expect(safetyCodeWith(member.identity, accepted.value.ownerIdentity)).toEqual({
      ok: true,
      value: safetyCode(
        { signingKey: member.identity.signing.publicKey, boxKey: member.identity.box.publicKey },
        { signingKey: owner.identity.signing.publicKey, boxKey: owner.identity.box.publicKey },
      ),
    });
  });
});

describe("the owner's invites", () => {
  it("lists them with where each stands, revokes one, and its link then says it was withdrawn", async () => {
    const api = createApi(server.transport);
    const { vault, fragment: used } = await joined();
    const second = await createInvite(api, owner.session.token, {
      vaultId: vault.vaultId,
      identity: owner.identity,
      role: "viewer",
      origin: "https://trellis.test",
      now: Date.now(),
    });
    if (!second.ok) throw new Error(second.error.reason);
    expect((await acceptInvite(api, partner.session.token, used)).ok).toBe(true);

    const listed = await api.invites(owner.session.token, vault.vaultId);
    if (!listed.ok) throw new Error(listed.error.reason);
    expect(listed.value.invites.map((i) => [i.inviteId, i.role, i.status])).toEqual([
      [second.value.inviteId, "viewer", "pending"],
      [new URLSearchParams(used.slice(1)).get("i"), "partner", "used"],
    ]);
    expect(listed.value.invites[0]!.expiresAt).toBe(second.value.expiresAt);

    expect(
      await api.revokeInvite(owner.session.token, vault.vaultId, second.value.inviteId),
    ).toEqual({ ok: true, value: {} });
    const after = await api.invites(owner.session.token, vault.vaultId);
    expect(after.ok && after.value.invites[0]!.status).toBe("revoked");
    const late = await register(api, {
      username: `sharing-late-${Date.now()}`,
      password: "a password for someone late",
      deviceName: "x",
      recovery: generateRecoveryKey(),
    });
    if (!late.ok) throw new Error(late.error.reason);
    const refused = await acceptInvite(
      api,
      late.value.session.token,
      new URL(second.value.link).hash,
    );
    expect(refused).toEqual({ ok: false, error: { reason: "invite-revoked", status: 410 } });

    // A used invite can't be withdrawn; someone who isn't the owner may neither look nor withdraw.
    const usedId = listed.value.invites[1]!.inviteId;
    expect(await api.revokeInvite(owner.session.token, vault.vaultId, usedId)).toEqual({
      ok: false,
      error: { reason: "invite-used", status: 409 },
    });
    expect(await api.invites(partner.session.token, vault.vaultId)).toEqual({
      ok: false,
      error: { reason: "forbidden", status: 403 },
    });
    expect(await api.revokeInvite(late.value.session.token, vault.vaultId, usedId)).toEqual({
      ok: false,
      error: { reason: "not-found", status: 404 },
    });
  });

  it("checks the list against the contract before anyone uses it", async () => {
    const answers: unknown[] = [
      { invites: [{ inviteId: "not-a-uuid", role: "partner", status: "pending" }] },
      {
        invites: [
          {
            inviteId: crypto.randomUUID(),
            role: "owner",
            status: "pending",
            createdAt: "2025-05-12T19:00:00.000Z",
            expiresAt: "2025-05-19T19:00:00.000Z",
          },
        ],
      },
      {
        invites: [
          {
            inviteId: crypto.randomUUID(),
            role: "partner",
            status: "forgotten",
            createdAt: "2025-05-12T19:00:00.000Z",
            expiresAt: "2025-05-19T19:00:00.000Z",
          },
        ],
      },
      {
        invites: [
          {
            inviteId: crypto.randomUUID(),
            role: "partner",
            status: "pending",
            createdAt: "2025-05-12T19:00:00.000Z",
            expiresAt: "2025-05-19T19:00:00.000Z",
            tokenHash: "leaked",
          },
        ],
      },
    ];
    for (const body of answers) {
      const stub: Transport = { ...server.transport, request: async () => ({ status: 200, body }) };
      expect(await createApi(stub).invites(owner.session.token, crypto.randomUUID())).toEqual({
        ok: false,
        error: { reason: "bad-response", status: 200 },
      });
    }
  });
});
