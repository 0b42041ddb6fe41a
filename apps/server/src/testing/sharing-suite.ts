/**
 * Vaults, members, grants and invites, run against both backends; and the
 * isolation test: another account tries every endpoint against a vault that
 * is not theirs and is refused every time, learning nothing.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { decodeEventPage, EVENT_PAGE_CONTENT_TYPE } from "@trellis/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/types.ts";
import {
  type ApiRequest,
  openEventStream,
  type TestAccount,
  type TestVault,
  uuidV7,
} from "./client.ts";
import { count, expectError } from "./expect.ts";
import { type Harness, uniqueName } from "./harness.ts";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

export function defineSharingSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  const register = (base: string) => client().register({ username: uniqueName(base) });
  const asMember = (account: TestAccount) => ({
    accountId: account.accountId,
    boxKey: account.publicIdentity.boxKey,
  });

  /** Maya's vault with Sam as an active partner. */
  async function sharedVault(role: "partner" | "viewer" = "partner") {
    const c = client();
    const maya = await register("maya");
    const sam = await register("sam");
    const vault = await c.createVault(maya);
    await c.acceptInvite(sam, await c.invite(maya, vault.vaultId, role));
    await c.grant(maya, vault, [asMember(sam)]);
    return { maya, sam, vault };
  }

  describe("vaults", () => {
    it("creating a vault makes the owner's membership and epoch-1 grant; a retry is fine; the id is then taken", async () => {
      const c = client();
      const maya = await register("maya");
      const vault = await c.createVault(maya);
      expect(await c.listVaults(maya)).toEqual({
        vaults: [{ vaultId: vault.vaultId, role: "owner", epoch: 1, kind: "record" }],
      });
      const members = await c.members(maya, vault.vaultId);
      expect(members.epoch).toBe(1);
      expect(members.members).toEqual([
        expect.objectContaining({
          accountId: maya.accountId,
          role: "owner",
          status: "active",
          publicIdentity: maya.publicIdentity,
        }),
      ]);
      const { grants } = await c.myGrants(maya, vault.vaultId);
      expect(grants).toEqual([
        expect.objectContaining({
          epoch: 1,
          grantedBy: maya.accountId,
          signerKey: maya.publicIdentity.signingKey,
        }),
      ]);
      // The grant opens with Maya's keys and is signed by her: the key round-trips.
      const key = await c.receiveKey(maya, vault, maya.publicIdentity.signingKey, 1);
      expect(Buffer.from(key.bytes).equals(Buffer.from(vault.keys.get(1)!.bytes))).toBe(true);

      const grant = grants[0]!.grant;
      const create = (account: TestAccount) =>
        c.request({
          method: "POST",
          path: "/api/v1/vaults",
          token: account.session.token,
          body: { vaultId: vault.vaultId, ownerGrant: grant },
        });
      const retry = await create(maya);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({
        vaultId: vault.vaultId,
        role: "owner",
        epoch: 1,
        kind: "record",
      });
      const eve = await register("eve");
      expect(expectError(await create(eve), 409, "invalid-request")).toMatch(/^vaultId /);
      expect(
        await count(db(), "SELECT count(*) AS n FROM memberships WHERE vault_id = $1", [
          vault.vaultId,
        ]),
      ).toBe(1);

      for (const [body, pattern] of [
        [{ vaultId: "V1", ownerGrant: grant }, /^vaultId must be a lowercase UUID\.$/],
        [{ vaultId: uuidV7() }, /^ownerGrant is required\.$/],
        [{ vaultId: uuidV7(), ownerGrant: "a/b" }, /^ownerGrant must be unpadded base64url\.$/],
      ] as const) {
        const response = await c.request({
          method: "POST",
          path: "/api/v1/vaults",
          token: maya.session.token,
          body,
        });
        expect(expectError(response, 400, "invalid-request")).toMatch(pattern);
      }
    });

    it("the owner deletes a vault with its events, members, grants and invites", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault();
      await c.append(maya, vault.vaultId, c.seal(vault, ["a", "b"]));
      await c.invite(maya, vault.vaultId);
      const remove = (account: TestAccount) =>
        c.request({
          method: "DELETE",
          path: `/api/v1/vaults/${vault.vaultId}`,
          token: account.session.token,
        });
      expectError(await remove(sam), 403, "forbidden");
      expect((await remove(maya)).status).toBe(204);
      for (const table of [
        "vaults WHERE id",
        "vault_events WHERE vault_id",
        "memberships WHERE vault_id",
        "grants WHERE vault_id",
        "invites WHERE vault_id",
      ]) {
        expect(
          await count(db(), `SELECT count(*) AS n FROM ${table} = $1`, [vault.vaultId]),
          table,
        ).toBe(0);
      }
      expectError(await remove(maya), 404, "not-found");
      expect((await c.listVaults(sam)).vaults).toEqual([]);
    });
  });

  describe("invites, members and keys", () => {
    it("an invited partner is pending until the owner grants the current key, then reads and writes", async () => {
      const c = client();
      const maya = await register("maya");
      const sam = await register("sam");
      const vault = await c.createVault(maya);
      await c.append(maya, vault.vaultId, c.seal(vault, ["Day 3: E2 412 pg/mL"]));
      const invite = await c.invite(maya, vault.vaultId, "partner");
      const accepted = await c.acceptInvite(sam, invite);
      expect(accepted).toEqual({
        vaultId: vault.vaultId,
        role: "partner",
        owner: { accountId: maya.accountId, publicIdentity: maya.publicIdentity },
      });
      // A retry of the same accept (lost response) gets the same answer.
      expect(await c.acceptInvite(sam, invite)).toEqual(accepted);
      expect((await c.members(maya, vault.vaultId)).members.map((m) => [m.role, m.status])).toEqual(
        [
          ["owner", "active"],
          ["partner", "pending"],
        ],
      );
      // Pending: no key yet, so no ciphertext either.
      expect((await c.myGrants(sam, vault.vaultId)).grants).toEqual([]);
      const pull = await c.request({
        method: "GET",
        path: `/api/v1/vaults/${vault.vaultId}/events`,
        token: sam.session.token,
      });
      expect(expectError(pull, 403, "forbidden")).toMatch(/safety code/);
      expect((await c.listVaults(sam)).vaults).toEqual([
        { vaultId: vault.vaultId, role: "partner", epoch: 1, kind: "record" },
      ]);

      // Maya compares the safety code (on the phones), then sends the key.
      await c.grant(maya, vault, [asMember(sam)]);
      expect((await c.members(sam, vault.vaultId)).members.map((m) => m.status)).toEqual([
        "active",
        "active",
      ]);
      const key = await c.receiveKey(sam, vault, accepted.owner.publicIdentity.signingKey, 1);
      const samsVault: TestVault = { vaultId: vault.vaultId, keys: new Map([[1, key]]), epoch: 1 };
      await c.append(sam, vault.vaultId, c.seal(samsVault, ["Trigger at 21:30, done"]));
      const { events } = await c.pullAll(maya, vault.vaultId);
      expect(c.open(vault, events)).toEqual(["Day 3: E2 412 pg/mL", "Trigger at 21:30, done"]);
    });

    it("pages come in binary to a device that asks: the same events, bodies as bytes; errors stay JSON", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault("viewer");
      await c.append(maya, vault.vaultId, c.seal(vault, ["one", "two", "three"]));
      const path = `/api/v1/vaults/${vault.vaultId}/events?after=0&limit=2`;
      const json = await c.pull(sam, vault.vaultId, 0, 2);
      const binary = await c.request({
        method: "GET",
        path,
        token: sam.session.token,
        headers: { accept: `${EVENT_PAGE_CONTENT_TYPE}, application/json;q=0.9` },
      });
      expect(binary.status).toBe(200);
      expect(binary.headers["content-type"]).toBe(EVENT_PAGE_CONTENT_TYPE);
      expect(binary.headers.vary).toMatch(/accept/i);
      const page = decodeEventPage(binary.raw);
      if (!page.ok) throw new Error(page.error.problem);
      expect(page.value.more).toBe(true);
      expect(page.value.next).toBe(json.next);
      expect(
        page.value.events.map((e) => ({
          seq: e.seq,
          id: e.id,
          body: Buffer.from(e.body).toString("base64"),
          receivedAt: new Date(e.receivedAt).toISOString(),
        })),
      ).toEqual(json.events);
      // A binary page is a third smaller than the same page in JSON.
      expect(binary.raw.length).toBeLessThan(
        0.8 * (await c.request({ method: "GET", path, token: sam.session.token })).raw.length,
      );
      const stranger = await register("lee");
      const refused = await c.request({
        method: "GET",
        path,
        token: stranger.session.token,
        headers: { accept: EVENT_PAGE_CONTENT_TYPE },
      });
      expectError(refused, 404, "not-found");
    });

    it("a viewer reads but can't append", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault("viewer");
      await c.append(maya, vault.vaultId, c.seal(vault, ["hello"]));
      expect((await c.pullAll(sam, vault.vaultId)).events).toHaveLength(1);
      const append = await c.request({
        method: "POST",
        path: `/api/v1/vaults/${vault.vaultId}/events`,
        token: sam.session.token,
        body: { events: c.seal(vault, ["not allowed"]) },
      });
      expectError(append, 403, "forbidden");
      expect((await c.pullAll(maya, vault.vaultId)).events).toHaveLength(1);
    });

    it("an invite works once: used, expired, wrong token or unknown id are refused without naming the vault", async () => {
      const c = client();
      const maya = await register("maya");
      const sam = await register("sam");
      const lee = await register("lee");
      const vault = await c.createVault(maya);
      const accept = (account: TestAccount, inviteId: string, token: string) =>
        c.request({
          method: "POST",
          path: `/api/v1/invites/${inviteId}/accept`,
          token: account.session.token,
          body: { token },
        });

      const invite = await c.invite(maya, vault.vaultId);
      const wrong = await accept(sam, invite.inviteId, randomBytes(32).toString("base64url"));
      const unknown = await accept(sam, uuidV7(), invite.token);
      expectError(wrong, 404, "invite-invalid");
      expect(unknown.text).toBe(wrong.text);
      await c.acceptInvite(sam, invite);
      const used = await accept(lee, invite.inviteId, invite.token);
      expectError(used, 410, "invite-used");

      const expiring = await c.invite(maya, vault.vaultId);
      await db().query(
        "UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1",
        [expiring.inviteId],
      );
      const expired = await accept(lee, expiring.inviteId, expiring.token);
      expectError(expired, 410, "invite-expired");
      // A wrong token on an expired or used invite says only "invalid".
      expect(
        (await accept(lee, expiring.inviteId, randomBytes(32).toString("base64url"))).text,
      ).toBe(wrong.text);
      for (const response of [wrong, unknown, used, expired]) {
        expect(response.text).not.toContain(vault.vaultId);
        expect(response.text).not.toContain(maya.accountId);
      }
      expect((await c.members(maya, vault.vaultId)).members.map((m) => m.accountId)).toEqual([
        maya.accountId,
        sam.accountId,
      ]);
      // The owner accepting their own invite changes nothing.
      const own = await c.invite(maya, vault.vaultId);
      expectError(await accept(maya, own.inviteId, own.token), 403, "forbidden");
      expect((await c.listVaults(maya)).vaults[0]!.role).toBe("owner");
    });

    it("only the owner invites; expiry at most 7 days; tokenHash is a SHA-256; an invite id can't be reused", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault();
      const tokenHash = createHash("sha256").update(randomBytes(32)).digest("base64url");
      const create = (account: TestAccount, body: Record<string, unknown>) =>
        c.request({
          method: "POST",
          path: `/api/v1/vaults/${vault.vaultId}/invites`,
          token: account.session.token,
          body: {
            inviteId: uuidV7(),
            tokenHash,
            role: "partner",
            expiresAt: inDays(1).toISOString(),
            ...body,
          },
        });
      expectError(await create(sam, {}), 403, "forbidden");
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ expiresAt: inDays(8).toISOString() }, /^expiresAt must be at most 7 days from now\.$/],
        [{ expiresAt: inDays(-1).toISOString() }, /^expiresAt must be in the future\.$/],
        [{ expiresAt: "next tuesday" }, /^expiresAt must be an ISO 8601 instant/],
        [{ expiresAt: "2026-13-45T25:00:00Z" }, /^expiresAt must be an ISO 8601 instant/],
        [{ tokenHash: tokenHash.slice(0, 40) }, /^tokenHash must be 32 bytes/],
        [{ role: "owner" }, /^role must be one of "partner", "viewer"\.$/],
        [{ inviteId: "x" }, /^inviteId must be a lowercase UUID\.$/],
        [{ token: "raw" }, /^token is not an allowed field\.$/],
      ];
      for (const [body, pattern] of cases) {
        expect(
          expectError(await create(maya, body), 400, "invalid-request"),
          JSON.stringify(body),
        ).toMatch(pattern);
      }
      expect((await create(maya, { expiresAt: inDays(7).toISOString() })).status).toBe(204);
      const inviteId = uuidV7();
      const first = { inviteId, expiresAt: inDays(2).toISOString() };
      expect((await create(maya, first)).status).toBe(204);
      expect((await create(maya, first)).status).toBe(204); // a retry
      const other = createHash("sha256").update(randomBytes(32)).digest("base64url");
      expectError(await create(maya, { ...first, tokenHash: other }), 409, "invalid-request");
      const { rows } = await db().query<{ token_hash: Uint8Array }>(
        "SELECT token_hash FROM invites WHERE id = $1",
        [inviteId],
      );
      expect(Buffer.from(rows[0]!.token_hash).toString("base64url")).toBe(tokenHash);
    });

    it("removing a member refuses them everywhere at once; the owner rotates to a new epoch for those who stay", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault();
      const lee = await register("lee");
      await c.acceptInvite(lee, await c.invite(maya, vault.vaultId, "viewer"));
      await c.grant(maya, vault, [asMember(lee)]);
      await c.append(maya, vault.vaultId, c.seal(vault, ["before"]));
      const samStream = await openEventStream(harness().url, sam.session.token, vault.vaultId, 0);
      expect(samStream.status).toBe(200);

      await c.removeMember(maya, vault.vaultId, sam.accountId);
      expect(
        await count(
          db(),
          "SELECT count(*) AS n FROM grants WHERE vault_id = $1 AND account_id = $2",
          [vault.vaultId, sam.accountId],
        ),
      ).toBe(0);
      const path = `/api/v1/vaults/${vault.vaultId}`;
      const refusals: ApiRequest[] = [
        { method: "GET", path: `${path}/events` },
        { method: "POST", path: `${path}/events`, body: { events: c.seal(vault, ["after"]) } },
        { method: "GET", path: `${path}/members` },
        { method: "GET", path: `${path}/grants/mine` },
        { method: "DELETE", path: `${path}/members/${sam.accountId}` },
      ];
      for (const request of refusals) {
        expectError(await c.request({ ...request, token: sam.session.token }), 404, "not-found");
      }
      const reopened = await openEventStream(harness().url, sam.session.token, vault.vaultId, 0);
      expect(reopened.status).toBe(404);
      // The open stream gets nothing about later appends, and ends.
      const later = await c.append(maya, vault.vaultId, c.seal(vault, ["after removal"]));
      await samStream.ended;
      expect(samStream.frames.some((f) => f.data?.includes(String(later.results[0]!.seq)))).toBe(
        false,
      );
      expect((await c.listVaults(sam)).vaults).toEqual([]);

      // Rotation: a new key for epoch 2, for Maya and Lee only.
      await c.rotate(maya, vault, [asMember(lee)]);
      const members = await c.members(maya, vault.vaultId);
      expect(members.epoch).toBe(2);
      expect(members.members.map((m) => [m.accountId, m.status])).toEqual([
        [maya.accountId, "active"],
        [lee.accountId, "active"],
      ]);
      await c.append(maya, vault.vaultId, c.seal(vault, ["epoch 2"]));
      // A device still sealing with the retired key is told to fetch the new one.
      const stale = c.seal({ ...vault, epoch: 1 }, ["sealed with the old key"]);
      const refused = await c.request({
        method: "POST",
        path: `/api/v1/vaults/${vault.vaultId}/events`,
        token: maya.session.token,
        body: { events: [...c.seal(vault, ["fine"]), ...stale] },
      });
      expect(expectError(refused, 409, "stale-epoch")).toMatch(
        /^events\[1\] is sealed with the key of epoch 1/,
      );
      const leeKeys = new Map([
        [1, await c.receiveKey(lee, vault, maya.publicIdentity.signingKey, 1)],
        [2, await c.receiveKey(lee, vault, maya.publicIdentity.signingKey, 2)],
      ]);
      const { events } = await c.pullAll(lee, vault.vaultId);
      expect(c.open({ vaultId: vault.vaultId, keys: leeKeys, epoch: 2 }, events)).toEqual([
        "before",
        "after removal",
        "epoch 2",
      ]);
    });

    it("grants: epoch must be current or next (older ones only as history), a rotation must include the owner, only members, once each", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault();
      const outsider = await register("outsider");
      const put = (body: unknown) =>
        c.request({
          method: "PUT",
          path: `/api/v1/vaults/${vault.vaultId}/grants`,
          token: maya.session.token,
          body,
        });
      const grant = randomBytes(258).toString("base64url");
      for (const epoch of [3, 0]) {
        const response = await put({ epoch, grants: [{ accountId: sam.accountId, grant }] });
        if (epoch === 0) expectError(response, 400, "invalid-request");
        else expect(expectError(response, 409, "stale-epoch")).toMatch(/\(1\).*\(2\)/);
      }
      expect(
        expectError(
          await put({ epoch: 2, grants: [{ accountId: sam.accountId, grant }] }),
          400,
          "invalid-request",
        ),
      ).toMatch(/include one for the owner/);
      expect(
        expectError(
          await put({ epoch: 1, grants: [{ accountId: outsider.accountId, grant }] }),
          400,
          "invalid-request",
        ),
      ).toBe("grants[0].accountId is not a member of this vault.");
      expect(
        expectError(
          await put({
            epoch: 1,
            grants: [
              { accountId: sam.accountId, grant },
              { accountId: sam.accountId, grant },
            ],
          }),
          400,
          "invalid-request",
        ),
      ).toMatch(/^grants\[1\]\.accountId appears twice/);
      expect(expectError(await put({ epoch: 1, grants: [] }), 400, "invalid-request")).toBe(
        "grants must hold at least 1 items.",
      );
      // A partner can't hand out keys.
      const asSam = await c.request({
        method: "PUT",
        path: `/api/v1/vaults/${vault.vaultId}/grants`,
        token: sam.session.token,
        body: { epoch: 1, grants: [{ accountId: sam.accountId, grant }] },
      });
      expectError(asSam, 403, "forbidden");
      expect((await c.members(maya, vault.vaultId)).epoch).toBe(1);
      // A rotation sent twice (the answer was lost) is harmless: the second is "current".
      await c.rotate(maya, vault, [asMember(sam)]);
      await c.grant(maya, vault, [asMember(maya), asMember(sam)], 2);
      expect((await c.members(maya, vault.vaultId)).epoch).toBe(2);
      // Older keys (for reading the history) go only to members holding the current one.
      const lee = await register("lee");
      await c.acceptInvite(lee, await c.invite(maya, vault.vaultId));
      const oldKeyFirst = await put({ epoch: 1, grants: [{ accountId: lee.accountId, grant }] });
      expectError(oldKeyFirst, 409, "stale-epoch");
      await c.grant(maya, vault, [asMember(lee)], 2);
      await c.grant(maya, vault, [asMember(lee)], 1);
      expect((await c.myGrants(lee, vault.vaultId)).grants.map((g) => g.epoch)).toEqual([1, 2]);
      expect((await c.members(maya, vault.vaultId)).epoch).toBe(2);
    });

    it("a member can leave; the owner can't leave, a partner can't remove others, strangers get 404", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault();
      const lee = await register("lee");
      await c.acceptInvite(lee, await c.invite(maya, vault.vaultId));
      const remove = (by: TestAccount, who: string) =>
        c.request({
          method: "DELETE",
          path: `/api/v1/vaults/${vault.vaultId}/members/${who}`,
          token: by.session.token,
        });
      expectError(await remove(maya, maya.accountId), 403, "forbidden");
      expectError(await remove(sam, lee.accountId), 403, "forbidden");
      expectError(await remove(maya, randomUUID()), 404, "not-found");
      expectError(await remove(maya, "me"), 400, "invalid-request");
      expect((await remove(lee, lee.accountId)).status).toBe(204); // leaving while pending
      expect((await remove(sam, sam.accountId)).status).toBe(204);
      expect((await c.members(maya, vault.vaultId)).members.map((m) => m.accountId)).toEqual([
        maya.accountId,
      ]);
    });
  });

  it("property: any JSON body to any vault endpoint gets a 4xx, never a 500, and changes nothing", async () => {
    const c = client();
    const { maya, sam, vault } = await sharedVault();
    await c.append(maya, vault.vaultId, c.seal(vault, ["kept"]));
    const before = await count(db(), "SELECT count(*) AS n FROM vault_events WHERE vault_id = $1", [
      vault.vaultId,
    ]);
    const path = `/api/v1/vaults/${vault.vaultId}`;
    const targets: Pick<ApiRequest, "method" | "path">[] = [
      { method: "POST", path: `${path}/events` },
      { method: "PUT", path: `${path}/grants` },
      { method: "POST", path: `${path}/invites` },
      { method: "POST", path: "/api/v1/vaults" },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            // Never 1 or 2 (current, next): those could be valid.
            epoch: fc.oneof(
              fc.integer({ max: 0 }),
              fc.integer({ min: 3 }),
              fc.double().filter((x) => !Number.isInteger(x)),
            ),
            grants: fc.array(
              fc.record({ accountId: fc.constant(sam.accountId), grant: fc.string() }),
            ),
          }),
          fc.record({
            // `!` is never base64: no batch can be valid.
            events: fc.array(
              fc.record({ id: fc.uuid(), body: fc.string().map((text) => `${text}!`) }),
              { maxLength: 3 },
            ),
          }),
          fc.record({
            inviteId: fc.uuid(),
            tokenHash: fc.base64String(),
            role: fc.string().filter((role) => role !== "partner" && role !== "viewer"),
            expiresAt: fc.string(),
          }),
        ),
        async (target, body) => {
          const response = await c.request({ ...target, body, token: maya.session.token });
          expect(response.status, response.text).toBeGreaterThanOrEqual(400);
          expect(response.status, response.text).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    expect(
      await count(db(), "SELECT count(*) AS n FROM vault_events WHERE vault_id = $1", [
        vault.vaultId,
      ]),
    ).toBe(before);
    expect((await c.members(maya, vault.vaultId)).epoch).toBe(1);
  });

  describe("membership log", () => {
    const entry = (n: number) => randomBytes(120 + n).toString("base64url");
    const logPath = (vaultId: string) => `/api/v1/vaults/${vaultId}/log`;

    it("keeps the owner's entries in order, refuses a wrong position, and serves them to members only", async () => {
      const c = client();
      const { maya, sam, vault } = await sharedVault("viewer");
      const append = (who: TestAccount, position: number, bytes: string) =>
        c.request({
          method: "POST",
          path: logPath(vault.vaultId),
          token: who.session.token,
          body: { position, entry: bytes },
        });
      const first = entry(0);
      const second = entry(1);
      expect((await append(maya, 0, first)).status).toBe(204);
      expectError(await append(maya, 0, entry(2)), 409, "log-conflict");
      expectError(await append(maya, 2, entry(2)), 409, "log-conflict");
      expect((await append(maya, 1, second)).status).toBe(204);
      expectError(await append(sam, 2, entry(3)), 403, "forbidden");
      expectError(
        await c.request({
          method: "POST",
          path: logPath(vault.vaultId),
          token: maya.session.token,
          body: { position: 2, entry: "not base64url!" },
        }),
        400,
        "invalid-request",
      );

      const read = (who: TestAccount) =>
        c.request({ method: "GET", path: logPath(vault.vaultId), token: who.session.token });
      const expected = {
        entries: [
          { position: 0, entry: first },
          { position: 1, entry: second },
        ],
      };
      expect((await read(maya)).body).toEqual(expected);
      expect((await read(sam)).body).toEqual(expected);
      const stranger = await register("eve");
      expectError(await read(stranger), 404, "not-found");
      expect(
        await count(db(), "SELECT count(*) AS n FROM membership_log WHERE vault_id = $1", [
          vault.vaultId,
        ]),
      ).toBe(2);
    });
  });

  describe("isolation", () => {
    let maya: TestAccount;
    let sam: TestAccount;
    let lee: TestAccount;
    let pendingMember: TestAccount;
    let eve: TestAccount;
    let vault: TestVault;
    let eventIds: string[];
    let openInvite: string;

    beforeAll(async () => {
      const c = client();
      ({ maya, sam, vault } = await sharedVault("partner"));
      lee = await register("lee");
      await c.acceptInvite(lee, await c.invite(maya, vault.vaultId, "viewer"));
      await c.grant(maya, vault, [asMember(lee)]);
      pendingMember = await register("pending");
      await c.acceptInvite(pendingMember, await c.invite(maya, vault.vaultId, "partner"));
      openInvite = (await c.invite(maya, vault.vaultId)).inviteId;
      const sealed = c.seal(vault, ["Retrieval: 14 eggs, 11 mature", "Transfer on day 5"]);
      eventIds = sealed.map((e) => e.id);
      await c.append(maya, vault.vaultId, sealed);
      eve = await register("eve");
      await c.createVault(eve); // Eve has a vault of her own
    });

    /** Every vault endpoint, with a valid body where one is needed. */
    function everyEndpoint(vaultId: string, victim: TestAccount): ApiRequest[] {
      const path = `/api/v1/vaults/${vaultId}`;
      const grant = randomBytes(258).toString("base64url");
      return [
        { method: "GET", path: `${path}/events` },
        { method: "GET", path: `${path}/events?after=0&limit=10` },
        {
          method: "POST",
          path: `${path}/events`,
          body: { events: [{ id: uuidV7(), body: randomBytes(301).toString("base64") }] },
        },
        { method: "GET", path: `${path}/members` },
        { method: "GET", path: `${path}/grants/mine` },
        {
          method: "PUT",
          path: `${path}/grants`,
          body: { epoch: 1, grants: [{ accountId: eve.accountId, grant }] },
        },
        {
          method: "PUT",
          path: `${path}/grants`,
          body: { epoch: 2, grants: [{ accountId: eve.accountId, grant }] },
        },
        {
          method: "POST",
          path: `${path}/invites`,
          body: {
            inviteId: uuidV7(),
            tokenHash: createHash("sha256").update(randomBytes(32)).digest("base64url"),
            role: "partner",
            expiresAt: inDays(1).toISOString(),
          },
        },
        { method: "GET", path: `${path}/invites` },
        { method: "DELETE", path: `${path}/invites/${openInvite}` },
        { method: "DELETE", path: `${path}/members/${victim.accountId}` },
        { method: "DELETE", path: `${path}/members/${eve.accountId}` },
        { method: "DELETE", path },
      ];
    }

    async function snapshot() {
      const id = vault.vaultId;
      return {
        events: await count(db(), "SELECT count(*) AS n FROM vault_events WHERE vault_id = $1", [
          id,
        ]),
        members: await count(db(), "SELECT count(*) AS n FROM memberships WHERE vault_id = $1", [
          id,
        ]),
        grants: await count(db(), "SELECT count(*) AS n FROM grants WHERE vault_id = $1", [id]),
        invites: await count(db(), "SELECT count(*) AS n FROM invites WHERE vault_id = $1", [id]),
        revokedInvites: await count(
          db(),
          "SELECT count(*) AS n FROM invites WHERE vault_id = $1 AND revoked_at IS NOT NULL",
          [id],
        ),
        epoch: (await client().members(maya, id)).epoch,
      };
    }

    it("an account that is not a member gets the same 404 as for a vault that doesn't exist, from every endpoint", async () => {
      const c = client();
      const before = await snapshot();
      const nowhere = uuidV7();
      const real = everyEndpoint(vault.vaultId, maya);
      const fake = everyEndpoint(nowhere, maya);
      const secrets = [vault.vaultId, maya.accountId, sam.accountId, openInvite, ...eventIds];
      for (const [index, request] of real.entries()) {
        const response = await c.request({ ...request, token: eve.session.token });
        const label = `${request.method} ${request.path}`;
        expect(expectError(response, 404, "not-found"), label).toBeTruthy();
        const control = await c.request({ ...fake[index]!, token: eve.session.token });
        expect(response.text, label).toBe(control.text);
        for (const secret of secrets) expect(response.text, label).not.toContain(secret);
      }
      const stream = await openEventStream(harness().url, eve.session.token, vault.vaultId, 0);
      const control = await openEventStream(harness().url, eve.session.token, nowhere, 0);
      expect(stream.status).toBe(404);
      await stream.ended;
      await control.ended;
      expect(await c.listVaults(eve)).toEqual({
        vaults: [expect.objectContaining({ role: "owner" })],
      });
      expect((await c.listVaults(eve)).vaults.map((v) => v.vaultId)).not.toContain(vault.vaultId);
      expect(await snapshot()).toEqual(before);
    });

    it("members without the right role get 403, and change nothing", async () => {
      const c = client();
      const before = await snapshot();
      const ownerOnly = (request: ApiRequest) =>
        request.method === "PUT" ||
        request.path.endsWith("/invites") ||
        request.method === "DELETE";
      // Partner and viewer: owner-only endpoints (except leaving themselves, not in this list).
      for (const member of [sam, lee]) {
        for (const request of everyEndpoint(vault.vaultId, maya).filter(ownerOnly)) {
          if (request.method === "DELETE" && request.path.endsWith(`/members/${eve.accountId}`)) {
            // Removing a stranger: a partner may not remove anyone else.
            expectError(
              await c.request({ ...request, token: member.session.token }),
              403,
              "forbidden",
            );
            continue;
          }
          const response = await c.request({ ...request, token: member.session.token });
          expectError(response, 403, "forbidden");
        }
      }
      // A viewer can't append.
      const append = everyEndpoint(vault.vaultId, maya).find(
        (r) => r.method === "POST" && r.path.endsWith("/events"),
      )!;
      expectError(await c.request({ ...append, token: lee.session.token }), 403, "forbidden");
      // A pending member can't read, write or stream yet.
      for (const request of everyEndpoint(vault.vaultId, maya).filter((r) =>
        r.path.includes("/events"),
      )) {
        expectError(
          await c.request({ ...request, token: pendingMember.session.token }),
          403,
          "forbidden",
        );
      }
      const stream = await openEventStream(
        harness().url,
        pendingMember.session.token,
        vault.vaultId,
        0,
      );
      expect(stream.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    });

    it("without a session every endpoint is 401", async () => {
      const c = client();
      for (const request of everyEndpoint(vault.vaultId, maya)) {
        expectError(await c.request(request), 401, "unauthenticated");
      }
      const stream = await openEventStream(harness().url, "x".repeat(43), vault.vaultId, 0);
      expect(stream.status).toBe(401);
    });

    it("one account can't sign out another's session: the same 404 as for no such session", async () => {
      const c = client();
      const attempt = await c.request({
        method: "DELETE",
        path: `/api/v1/sessions/${maya.session.sessionId}`,
        token: eve.session.token,
      });
      const control = await c.request({
        method: "DELETE",
        path: `/api/v1/sessions/${randomUUID()}`,
        token: eve.session.token,
      });
      expectError(attempt, 404, "not-found");
      expect(attempt.text).toBe(control.text);
      expect((await c.account(maya)).accountId).toBe(maya.accountId);
    });
  });
}
