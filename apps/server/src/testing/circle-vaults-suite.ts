/**
 * Issue 16, circle vaults on the server: the kind a vault is made with and
 * listed with; viewers adding replies and reactions to a circle, through the
 * route and through the one-call append alone, and not to a record; and the
 * isolation test: an account that is only a viewer of Maya's circle learns
 * nothing of her record, from any endpoint. Run against both backends.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, migrations } from "../db/migrations.ts";
import type { Db } from "../db/types.ts";
import { appendQuotas } from "../quotas/checks.ts";
import { AppendRefused, createVaultStore } from "../vault/store.ts";
import { attachmentPath, sealTestAttachment, storeAttachment } from "./attachments.ts";
import {
  type ApiRequest,
  openEventStream,
  type TestAccount,
  type TestVault,
  uuidV7,
} from "./client.ts";
import { expectError } from "./expect.ts";
import { type Harness, uniqueName } from "./harness.ts";

export function defineCircleVaultSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  const register = (base: string) => client().register({ username: uniqueName(base) });
  const asMember = (a: TestAccount) => ({
    accountId: a.accountId,
    boxKey: a.publicIdentity.boxKey,
  });

  async function withViewer(kind: "record" | "circle") {
    const c = client();
    const [maya, mum] = await Promise.all([register("maya"), register("mum")]);
    const vault = await c.createVault(maya, uuidV7(), { kind });
    await c.acceptInvite(mum, await c.invite(maya, vault.vaultId, "viewer"));
    await c.grant(maya, vault, [asMember(mum)]);
    const key = await c.receiveKey(mum, vault, maya.publicIdentity.signingKey, 1);
    const mumsCopy: TestVault = { vaultId: vault.vaultId, keys: new Map([[1, key]]), epoch: 1 };
    return { maya, mum, vault, mumsCopy };
  }

  describe("vault kinds", () => {
    it("a vault is a record unless made a circle; the list says which; a retry must ask for the same kind", async () => {
      const c = client();
      const maya = await register("maya");
      const record = await c.createVault(maya);
      const circle = await c.createVault(maya, uuidV7(), { kind: "circle" });
      const explicit = await c.createVault(maya, uuidV7(), { kind: "record" });
      const listed = await c.listVaults(maya);
      expect(listed.vaults).toEqual([
        { vaultId: record.vaultId, role: "owner", epoch: 1, kind: "record" },
        { vaultId: circle.vaultId, role: "owner", epoch: 1, kind: "circle" },
        { vaultId: explicit.vaultId, role: "owner", epoch: 1, kind: "record" },
      ]);
      // The raw answer names the kind too (not only the schema's default).
      const raw = await c.request({
        method: "GET",
        path: "/api/v1/vaults",
        token: maya.session.token,
      });
      expect((raw.body as { vaults: { kind: string }[] }).vaults.map((v) => v.kind)).toEqual([
        "record",
        "circle",
        "record",
      ]);
      const { grants } = await c.myGrants(maya, circle.vaultId);
      const create = (vaultId: string, kind?: string) =>
        c.request({
          method: "POST",
          path: "/api/v1/vaults",
          token: maya.session.token,
          body: { vaultId, ownerGrant: grants[0]!.grant, ...(kind ? { kind } : {}) },
        });
      const retry = await create(circle.vaultId, "circle");
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({
        vaultId: circle.vaultId,
        role: "owner",
        epoch: 1,
        kind: "circle",
      });
      expect(expectError(await create(circle.vaultId), 409, "invalid-request")).toBe(
        "vaultId is already your circle vault, so it can't be made a record; a retry must ask for the same kind (or choose a new random id).",
      );
      expectError(await create(record.vaultId, "circle"), 409, "invalid-request");
      expect(expectError(await create(uuidV7(), "group"), 400, "invalid-request")).toMatch(
        /^kind /,
      );
      const { rows } = await db().query<{ id: string; kind: string }>(
        "SELECT id, kind FROM vaults WHERE id = ANY($1::uuid[]) ORDER BY kind, id",
        [[record.vaultId, circle.vaultId]],
      );
      expect(rows).toEqual([
        { id: circle.vaultId, kind: "circle" },
        { id: record.vaultId, kind: "record" },
      ]);
    });
  });

  it("migration 10 makes every vault of an older database a record and replaces the append", async () => {
    // In a schema of its own, so this database's tables are not touched.
    const schema = `kinds_${randomBytes(4).toString("hex")}`;
    const scoped: Db = {
      ...db(),
      transaction: (fn) =>
        db().transaction(async (tx) => {
          await tx.query(`SET LOCAL search_path TO ${schema}`);
          return fn(tx);
        }),
    };
    await db().query(`CREATE SCHEMA ${schema}`);
    try {
      expect((await migrate(scoped, migrations.slice(0, 9))).applied).toHaveLength(9);
      const vaultId = randomUUID();
      await scoped.transaction((tx) => tx.query("INSERT INTO vaults (id) VALUES ($1)", [vaultId]));
      expect((await migrate(scoped)).applied).toEqual([10]);
      const after = await scoped.transaction(async (tx) => {
        const vaults = await tx.query("SELECT id, kind, attachment_bytes FROM vaults");
        // Unchecked (no writer, no quotas), as the store used directly appends.
        const appended = await tx.query(
          `SELECT out_stored FROM trellis_append($1, $2::uuid[], $3::bytea[], $4::integer[],
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
          [vaultId, [randomUUID()], [Buffer.alloc(300, 1)], [512]],
        );
        const source = await tx.query<{ src: string }>(
          "SELECT prosrc AS src FROM pg_proc WHERE proname = 'trellis_append' AND pronamespace = $1::regnamespace",
          [schema],
        );
        return { vaults: vaults.rows, appended: appended.rows, source: source.rows };
      });
      expect(after.vaults).toEqual([
        { id: vaultId, kind: "record", attachment_bytes: expect.anything() },
      ]);
      expect(Number((after.vaults[0] as { attachment_bytes: unknown }).attachment_bytes)).toBe(0);
      expect(after.appended).toEqual([{ out_stored: true }]);
      expect(after.source).toHaveLength(1);
      expect(after.source[0]!.src).toContain("v_kind <> 'circle'");
    } finally {
      await db().query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  describe("viewers in a circle", () => {
    it("a viewer appends to a circle (a reply), and everyone reads it; in a record a viewer still can't", async () => {
      const c = client();
      const circle = await withViewer("circle");
      const reply = c.seal(circle.mumsCopy, ["ReplyAdded thinking of you"]);
      const { results } = await c.append(circle.mum, circle.vault.vaultId, reply);
      expect(results).toEqual([{ id: reply[0]!.id, seq: expect.any(Number), stored: true }]);
      const { events } = await c.pullAll(circle.maya, circle.vault.vaultId);
      expect(c.open(circle.vault, events)).toEqual(["ReplyAdded thinking of you"]);

      const record = await withViewer("record");
      const refused = await c.request({
        method: "POST",
        path: `/api/v1/vaults/${record.vault.vaultId}/events`,
        token: record.mum.session.token,
        body: { events: c.seal(record.mumsCopy, ["should not be stored"]) },
      });
      expect(expectError(refused, 403, "forbidden")).toBe(
        "A viewer can read this vault but not add to it.",
      );
      expect((await c.pullAll(record.maya, record.vault.vaultId)).events).toEqual([]);
    });

    it("the one-call append checks it itself: a viewer's batch goes into a circle, never into a record", async () => {
      const store = createVaultStore(db());
      const secrets = harness().secrets;
      const c = client();
      const attempt = (who: TestAccount, copy: TestVault) => {
        const events = c.seal(copy, ["ReactionAdded heart"]).map((e) => ({
          id: e.id,
          body: Buffer.from(e.body, "base64"),
        }));
        return store.append(copy.vaultId, events, {
          writer: {
            accountId: who.accountId,
            sessionId: who.session.sessionId,
            idleSeconds: 3600,
            maxAgeSeconds: 86_400,
            epochs: events.map(() => 1),
          },
          quotas: appendQuotas(
            {
              vaultBytes: 1e9,
              accountBytes: 1e9,
              vaultEntriesPerDay: 1000,
              accountEntriesPerDay: 1000,
              streamsPerSession: 8,
              pendingInvitesPerVault: 20,
              pendingInvitesPerAccount: 50,
              pushSchedulesPerDay: 1000,
            },
            secrets,
            copy.vaultId,
            who.accountId,
          ),
        });
      };
      const circle = await withViewer("circle");
      const stored = await attempt(circle.mum, circle.mumsCopy);
      expect(stored).toEqual([{ id: expect.any(String), seq: expect.any(Number), stored: true }]);
      const record = await withViewer("record");
      const refused = await attempt(record.mum, record.mumsCopy).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppendRefused);
      expect((refused as AppendRefused).reason).toBe("viewer");
      expect((await c.pullAll(record.maya, record.vault.vaultId)).events).toEqual([]);
      // Removed from the circle: refused there too, by the same call.
      await c.removeMember(circle.maya, circle.vault.vaultId, circle.mum.accountId);
      const removed = await attempt(circle.mum, circle.mumsCopy).catch((e: unknown) => e);
      expect((removed as AppendRefused).reason).toBe("not-member");
    });
  });

  describe("isolation of a circle member", () => {
    let maya: TestAccount;
    let mum: TestAccount;
    let stranger: TestAccount;
    let record: TestVault;
    let photoId: string;
    let inviteId: string;

    beforeAll(async () => {
      const c = client();
      ({ maya, mum } = await withViewer("circle"));
      stranger = await register("stranger");
      record = await c.createVault(maya);
      await c.append(maya, record.vaultId, c.seal(record, ["Transfer day 5", "Beta 2 weeks"]));
      const photo = await sealTestAttachment("an ultrasound");
      photoId = photo.attachmentId;
      await storeAttachment(c, maya, record.vaultId, photo);
      inviteId = (await c.invite(maya, record.vaultId, "partner")).inviteId;
    });

    /** Every endpoint of a vault, with a valid body where one is needed. */
    async function everyEndpoint(vaultId: string): Promise<ApiRequest[]> {
      const path = `/api/v1/vaults/${vaultId}`;
      const grant = randomBytes(258).toString("base64url");
      const sealed = (await sealTestAttachment("from outside")).sealed;
      return [
        { method: "GET", path: `${path}/events?after=0&limit=10` },
        { method: "GET", path: `${path}/events?before=100&limit=10` },
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
          body: { epoch: 1, grants: [{ accountId: mum.accountId, grant }] },
        },
        { method: "GET", path: `${path}/log` },
        {
          method: "POST",
          path: `${path}/log`,
          body: { position: 0, entry: randomBytes(64).toString("base64url") },
        },
        {
          method: "POST",
          path: `${path}/invites`,
          body: {
            inviteId: uuidV7(),
            tokenHash: createHash("sha256").update(randomBytes(32)).digest("base64url"),
            role: "viewer",
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
        { method: "GET", path: `${path}/invites` },
        { method: "DELETE", path: `${path}/invites/${inviteId}` },
        { method: "DELETE", path: `${path}/members/${maya.accountId}` },
        { method: "DELETE", path: `${path}/members/${mum.accountId}` },
        { method: "GET", path: attachmentPath(vaultId, photoId) },
        { method: "PUT", path: attachmentPath(vaultId, uuidV7()), bytes: sealed },
        { method: "DELETE", path: attachmentPath(vaultId, photoId) },
        { method: "DELETE", path },
      ];
    }

    async function snapshot() {
      const one = async (sql: string) =>
        (await db().query<{ n: unknown }>(sql, [record.vaultId])).rows.map((r) => String(r.n));
      return {
        events: await one("SELECT count(*) AS n FROM vault_events WHERE vault_id = $1"),
        members: await one("SELECT count(*) AS n FROM memberships WHERE vault_id = $1"),
        grants: await one("SELECT count(*) AS n FROM grants WHERE vault_id = $1"),
        invites: await one(
          "SELECT count(*) AS n FROM invites WHERE vault_id = $1 AND revoked_at IS NULL",
        ),
        log: await one("SELECT count(*) AS n FROM membership_log WHERE vault_id = $1"),
        attachments: await one("SELECT count(*) AS n FROM vault_attachments WHERE vault_id = $1"),
        vault: await one("SELECT current_epoch AS n FROM vaults WHERE id = $1"),
      };
    }

    it("a viewer of Maya's circle gets from every endpoint of her record the same 404 as a stranger, and as for no vault", async () => {
      const c = client();
      const before = await snapshot();
      const nowhere = uuidV7();
      const real = await everyEndpoint(record.vaultId);
      const fake = await everyEndpoint(nowhere);
      for (const [index, request] of real.entries()) {
        const label = `${request.method} ${request.path}`;
        const asMum = await c.request({ ...request, token: mum.session.token });
        const asStranger = await c.request({ ...request, token: stranger.session.token });
        const control = await c.request({ ...fake[index]!, token: mum.session.token });
        expect(expectError(asMum, 404, "not-found"), label).toBeTruthy();
        expect(asMum.text, label).toBe(asStranger.text);
        expect(asMum.text, label).toBe(control.text);
        for (const secret of [record.vaultId, maya.accountId, photoId, inviteId]) {
          expect(asMum.text, label).not.toContain(secret);
        }
      }
      for (const token of [mum.session.token, stranger.session.token]) {
        const stream = await openEventStream(harness().url, token, record.vaultId, 0);
        expect(stream.status).toBe(404);
        await stream.ended;
      }
      // Her list holds the circle only.
      expect((await c.listVaults(mum)).vaults).toEqual([
        expect.objectContaining({ role: "viewer", kind: "circle" }),
      ]);
      expect(await snapshot()).toEqual(before);
    });
  });
}
