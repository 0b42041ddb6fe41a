/**
 * The owner's invites, run against both backends: listing them with where
 * each stands, revoking one so its link no longer works (and says so to
 * whoever holds it), and nobody else seeing or touching them.
 */
import { randomBytes } from "node:crypto";
import { inviteListResponse } from "@trellis/sync";
import { expect, it } from "vitest";
import type { Db } from "../db/types.ts";
import { sweepExpired } from "../housekeeping.ts";
import { type Invite, type TestAccount, uuidV7 } from "./client.ts";
import { count, expectError } from "./expect.ts";
import { type Harness, uniqueName } from "./harness.ts";

const HOUR = 60 * 60 * 1000;

export function defineInvitesSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  const register = (base: string) => client().register({ username: uniqueName(base) });
  const asMember = (account: TestAccount) => ({
    accountId: account.accountId,
    boxKey: account.publicIdentity.boxKey,
  });

  const list = (by: TestAccount, vaultId: string) =>
    client().request({
      method: "GET",
      path: `/api/v1/vaults/${vaultId}/invites`,
      token: by.session.token,
    });
  const revoke = (by: TestAccount, vaultId: string, inviteId: string) =>
    client().request({
      method: "DELETE",
      path: `/api/v1/vaults/${vaultId}/invites/${inviteId}`,
      token: by.session.token,
    });
  const accept = (by: TestAccount, invite: Invite) =>
    client().request({
      method: "POST",
      path: `/api/v1/invites/${invite.inviteId}/accept`,
      token: by.session.token,
      body: { token: invite.token },
    });
  async function listed(by: TestAccount, vaultId: string) {
    const response = await list(by, vaultId);
    expect(response.status, response.text).toBe(200);
    return inviteListResponse.parse(response.body).invites;
  }
  const statusOf = async (by: TestAccount, vaultId: string, inviteId: string) =>
    (await listed(by, vaultId)).find((i) => i.inviteId === inviteId)?.status;

  /** Maya's vault with Sam (partner) and Lee (viewer) active, and Eve, a stranger with a vault of her own. */
  async function household() {
    const c = client();
    const maya = await register("maya");
    const sam = await register("sam");
    const lee = await register("lee");
    const eve = await register("eve");
    const vault = await c.createVault(maya);
    await c.acceptInvite(sam, await c.invite(maya, vault.vaultId, "partner"));
    await c.acceptInvite(lee, await c.invite(maya, vault.vaultId, "viewer"));
    await c.grant(maya, vault, [asMember(sam), asMember(lee)]);
    await c.createVault(eve);
    return { maya, sam, lee, eve, vault };
  }

  it("the owner sees every invite, newest first, with its role, dates and status, and nothing secret", async () => {
    const c = client();
    const maya = await register("maya");
    const joiner = await register("joiner");
    const vault = await c.createVault(maya);
    const expiresAt = new Date(Date.now() + 48 * HOUR);
    const used = await c.invite(maya, vault.vaultId, "viewer", expiresAt);
    await c.acceptInvite(joiner, used);
    const expired = await c.invite(maya, vault.vaultId, "partner", expiresAt);
    await db().query("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      expired.inviteId,
    ]);
    const withdrawn = await c.invite(maya, vault.vaultId, "partner", expiresAt);
    expect((await revoke(maya, vault.vaultId, withdrawn.inviteId)).status).toBe(204);
    const pending = await c.invite(maya, vault.vaultId, "partner", expiresAt);
    // Made in this order, some minutes apart; the list puts the newest first.
    for (const [invite, minutes] of [
      [used, 40],
      [expired, 30],
      [withdrawn, 20],
      [pending, 10],
    ] as const) {
      await db().query(
        "UPDATE invites SET created_at = now() - make_interval(mins => $2::int) WHERE id = $1",
        [invite.inviteId, minutes],
      );
    }

    const response = await list(maya, vault.vaultId);
    const invites = inviteListResponse.parse(response.body).invites;
    expect(invites.map((i) => [i.inviteId, i.role, i.status])).toEqual([
      [pending.inviteId, "partner", "pending"],
      [withdrawn.inviteId, "partner", "revoked"],
      [expired.inviteId, "partner", "expired"],
      [used.inviteId, "viewer", "used"],
    ]);
    const first = invites[0]!;
    expect(first.expiresAt).toBe(expiresAt.toISOString());
    expect(Math.abs(Date.parse(first.createdAt) - (Date.now() - 10 * 60_000))).toBeLessThan(60_000);
    expect(Date.parse(invites[2]!.expiresAt)).toBeLessThan(Date.now());
    // Neither the token, nor its hash, nor who joined with it.
    const { rows } = await db().query<{ token_hash: Uint8Array }>(
      "SELECT token_hash FROM invites WHERE vault_id = $1",
      [vault.vaultId],
    );
    for (const row of rows) {
      const hash = Buffer.from(row.token_hash);
      expect(response.text).not.toContain(hash.toString("base64url"));
      expect(response.text).not.toContain(hash.toString("base64"));
      expect(response.text).not.toContain(hash.toString("hex"));
    }
    for (const invite of [used, expired, withdrawn, pending]) {
      expect(response.text).not.toContain(invite.token);
    }
    expect(response.text).not.toContain(joiner.accountId);

    // A vault with no invites lists none.
    const other = await c.createVault(maya);
    expect(await listed(maya, other.vaultId)).toEqual([]);
  });

  it("a revoked invite's link is refused with invite-revoked, only to someone holding its token", async () => {
    const c = client();
    const maya = await register("maya");
    const wrongPerson = await register("wrong-person");
    const vault = await c.createVault(maya);
    const invite = await c.invite(maya, vault.vaultId, "partner");
    expect(await statusOf(maya, vault.vaultId, invite.inviteId)).toBe("pending");
    expect((await revoke(maya, vault.vaultId, invite.inviteId)).status).toBe(204);
    expect(await statusOf(maya, vault.vaultId, invite.inviteId)).toBe("revoked");

    const refused = await accept(wrongPerson, invite);
    expect(expectError(refused, 410, "invite-revoked")).toMatch(/withdrawn/);
    expect(refused.text).not.toContain(vault.vaultId);
    expect(refused.text).not.toContain(maya.accountId);
    // A wrong token learns only "invalid", as for any invite.
    const guessed = await accept(wrongPerson, {
      inviteId: invite.inviteId,
      token: randomBytes(32).toString("base64url"),
    });
    const unknown = await accept(wrongPerson, { inviteId: uuidV7(), token: invite.token });
    expectError(guessed, 404, "invite-invalid");
    expect(guessed.text).toBe(unknown.text);
    expect((await c.members(maya, vault.vaultId)).members.map((m) => m.accountId)).toEqual([
      maya.accountId,
    ]);
    expect((await c.listVaults(wrongPerson)).vaults).toEqual([]);

    // Even after it would have expired, it says "withdrawn", the truer answer.
    await db().query("UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1", [
      invite.inviteId,
    ]);
    expectError(await accept(wrongPerson, invite), 410, "invite-revoked");
    expect(await statusOf(maya, vault.vaultId, invite.inviteId)).toBe("revoked");
  });

  it("revoking again is fine; a used invite can't be revoked; unknown invites and other vaults' invites are 404", async () => {
    const c = client();
    const maya = await register("maya");
    const sam = await register("sam");
    const vault = await c.createVault(maya);
    const second = await c.createVault(maya);
    const invite = await c.invite(maya, vault.vaultId);
    expect((await revoke(maya, vault.vaultId, invite.inviteId)).status).toBe(204);
    const revokedAt = async () => {
      const { rows } = await db().query<{ at: unknown }>(
        "SELECT revoked_at::text AS at FROM invites WHERE id = $1",
        [invite.inviteId],
      );
      return rows[0]!.at;
    };
    const first = await revokedAt();
    expect(first).not.toBeNull();
    expect((await revoke(maya, vault.vaultId, invite.inviteId)).status).toBe(204); // a retry
    expect(await revokedAt()).toBe(first);

    const used = await c.invite(maya, vault.vaultId);
    await c.acceptInvite(sam, used);
    expect(
      expectError(await revoke(maya, vault.vaultId, used.inviteId), 409, "invite-used"),
    ).toMatch(/remove the member/);
    expect(await statusOf(maya, vault.vaultId, used.inviteId)).toBe("used");
    expect((await c.members(maya, vault.vaultId)).members).toHaveLength(2);

    // An invite of Maya's other vault, asked for through this one: not here.
    const elsewhere = await c.invite(maya, second.vaultId);
    const crossed = await revoke(maya, vault.vaultId, elsewhere.inviteId);
    const madeUp = await revoke(maya, vault.vaultId, uuidV7());
    expectError(crossed, 404, "not-found");
    expect(crossed.text).toBe(madeUp.text);
    expect(await statusOf(maya, second.vaultId, elsewhere.inviteId)).toBe("pending");

    expect(
      expectError(await revoke(maya, vault.vaultId, "not-an-id"), 400, "invalid-request"),
    ).toMatch(/^inviteId /);
    expectError(
      await c.request({
        method: "GET",
        path: `/api/v1/vaults/${vault.vaultId}/invites?status=pending`,
        token: maya.session.token,
      }),
      400,
      "invalid-request",
    );
  });

  it("only the owner lists or revokes: members get 403, strangers the same 404 as for no vault, and nothing changes", async () => {
    const c = client();
    const { maya, sam, lee, eve, vault } = await household();
    const invite = await c.invite(maya, vault.vaultId);
    const pendingMember = await register("pending");
    await c.acceptInvite(pendingMember, await c.invite(maya, vault.vaultId));
    const before = await listed(maya, vault.vaultId);
    const secrets = [vault.vaultId, maya.accountId, sam.accountId, invite.inviteId, invite.token];

    for (const member of [sam, lee, pendingMember]) {
      for (const response of [
        await list(member, vault.vaultId),
        await revoke(member, vault.vaultId, invite.inviteId),
      ]) {
        expectError(response, 403, "forbidden");
        for (const secret of [invite.inviteId, invite.token]) {
          expect(response.text).not.toContain(secret);
        }
      }
    }
    const nowhere = uuidV7();
    for (const [real, control] of [
      [await list(eve, vault.vaultId), await list(eve, nowhere)],
      [
        await revoke(eve, vault.vaultId, invite.inviteId),
        await revoke(eve, nowhere, invite.inviteId),
      ],
    ] as const) {
      expectError(real, 404, "not-found");
      expect(real.text).toBe(control.text);
      for (const secret of secrets) expect(real.text).not.toContain(secret);
    }
    expect(await listed(maya, vault.vaultId)).toEqual(before);
    // The invite still works for the person it was meant for.
    const meantFor = await register("meant-for");
    expect((await accept(meantFor, invite)).status).toBe(200);
  });

  it("a revoke and an accept at the same moment: exactly one wins, and the record agrees", async () => {
    const c = client();
    for (let round = 0; round < 4; round += 1) {
      const maya = await register("maya");
      const sam = await register("sam");
      const vault = await c.createVault(maya);
      const invite = await c.invite(maya, vault.vaultId);
      const [revoked, accepted] = await Promise.all([
        revoke(maya, vault.vaultId, invite.inviteId),
        accept(sam, invite),
      ]);
      const members = (await c.members(maya, vault.vaultId)).members.map((m) => m.accountId);
      const status = await statusOf(maya, vault.vaultId, invite.inviteId);
      if (revoked.status === 204) {
        expectError(accepted, 410, "invite-revoked");
        expect(status).toBe("revoked");
        expect(members).toEqual([maya.accountId]);
      } else {
        expectError(revoked, 409, "invite-used");
        expect(accepted.status).toBe(200);
        expect(status).toBe("used");
        expect(members).toEqual([maya.accountId, sam.accountId]);
      }
    }
  });

  it("housekeeping forgets a revoked invite a week after it would have expired, like any other", async () => {
    const c = client();
    const maya = await register("maya");
    const vault = await c.createVault(maya);
    const [recent, old] = [
      await c.invite(maya, vault.vaultId),
      await c.invite(maya, vault.vaultId),
    ];
    for (const invite of [recent, old]) await revoke(maya, vault.vaultId, invite.inviteId);
    await db().query("UPDATE invites SET expires_at = now() - interval '6 days' WHERE id = $1", [
      recent.inviteId,
    ]);
    await db().query("UPDATE invites SET expires_at = now() - interval '8 days' WHERE id = $1", [
      old.inviteId,
    ]);
    await sweepExpired(db(), 900);
    expect((await listed(maya, vault.vaultId)).map((i) => [i.inviteId, i.status])).toEqual([
      [recent.inviteId, "revoked"],
    ]);
    expect(
      await count(db(), "SELECT count(*) AS n FROM invites WHERE id = $1", [old.inviteId]),
    ).toBe(0);
  });
}
