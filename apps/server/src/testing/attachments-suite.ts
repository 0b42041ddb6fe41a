/**
 * Issue 16, sealed attachments: put, get and delete by the right members
 * only, idempotent puts, conflicts, the size limit, bodies that can't be
 * sealed, the owner's storage quota, and removal with the vault. Run
 * against both backends.
 */
import { randomBytes } from "node:crypto";
import { MAX_ATTACHMENT_BYTES } from "@trellis/sync";
import { describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Db } from "../db/types.ts";
import {
  attachmentPath,
  deleteAttachment,
  getAttachment,
  openTestAttachment,
  putAttachment,
  sealTestAttachment,
  storeAttachment,
} from "./attachments.ts";
import {
  injectTransport,
  LOOSE_RATE_LIMITS,
  type TestAccount,
  TestClient,
  uuidV7,
} from "./client.ts";
import { expectError } from "./expect.ts";
import { type Harness, TEST_APP_CONFIG, uniqueName } from "./harness.ts";

export function defineAttachmentSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  const register = (base: string) => client().register({ username: uniqueName(base) });
  const asMember = (a: TestAccount) => ({
    accountId: a.accountId,
    boxKey: a.publicIdentity.boxKey,
  });

  async function count(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await db().query<{ n: unknown }>(sql, params);
    return Number(rows[0]!.n);
  }
  const stored = (vaultId: string) =>
    count("SELECT count(*) AS n FROM vault_attachments WHERE vault_id = $1", [vaultId]);
  const attachmentBytes = async (vaultId: string) =>
    count("SELECT attachment_bytes AS n FROM vaults WHERE id = $1", [vaultId]);

  /** Maya's vault of `kind` with Sam (partner) and Lee (viewer), both holding the key. */
  async function family(kind: "record" | "circle" = "record") {
    const c = client();
    const [maya, sam, lee] = await Promise.all([
      register("maya"),
      register("sam"),
      register("lee"),
    ]);
    const vault = await c.createVault(maya, uuidV7(), { kind });
    await c.acceptInvite(sam, await c.invite(maya, vault.vaultId, "partner"));
    await c.acceptInvite(lee, await c.invite(maya, vault.vaultId, "viewer"));
    await c.grant(maya, vault, [asMember(sam), asMember(lee)]);
    return { maya, sam, lee, vault };
  }

  describe("attachments", () => {
    it("a writer puts sealed bytes; every member with the key gets them back byte for byte; the same bytes again is 200, other bytes 409", async () => {
      const c = client();
      const { maya, sam, lee, vault } = await family();
      const photo = await sealTestAttachment("a photo of the garden");
      const first = await storeAttachment(c, maya, vault.vaultId, photo);
      expect(first).toEqual({
        status: 201,
        body: { attachmentId: photo.attachmentId, bytes: photo.sealed.byteLength },
      });
      for (const member of [maya, sam, lee]) {
        const got = await getAttachment(c, member, vault.vaultId, photo.attachmentId);
        expect(got.status).toBe(200);
        expect(got.headers["content-type"]).toBe("application/octet-stream");
        expect(got.headers["cache-control"]).toBe("no-store");
        expect(Buffer.from(got.raw).equals(Buffer.from(photo.sealed))).toBe(true);
        expect(openTestAttachment(photo, got.raw)).toBe("a photo of the garden");
      }
      // A retry (the answer was lost): the same bytes, by anyone who may write.
      expect((await storeAttachment(c, sam, vault.vaultId, photo)).status).toBe(200);
      // Other bytes under a used id: refused, the first bytes stay.
      const other = await sealTestAttachment("another photo", photo.attachmentId);
      const conflict = await putAttachment(c, sam, vault.vaultId, photo.attachmentId, other.sealed);
      expect(expectError(conflict, 409, "invalid-request")).toMatch(
        /^attachmentId is already used/,
      );
      const again = await getAttachment(c, lee, vault.vaultId, photo.attachmentId);
      expect(Buffer.from(again.raw).equals(Buffer.from(photo.sealed))).toBe(true);
      expect(await stored(vault.vaultId)).toBe(1);
      expect(await attachmentBytes(vault.vaultId)).toBe(photo.sealed.byteLength);
      // Who put it and when, nothing else.
      const { rows } = await db().query<{ stored_by: string; size: number }>(
        "SELECT stored_by, size FROM vault_attachments WHERE vault_id = $1",
        [vault.vaultId],
      );
      expect(rows).toEqual([{ stored_by: maya.accountId, size: photo.sealed.byteLength }]);
    });

    it("a writer deletes one (again is fine); then it is 404 and its bytes no longer count", async () => {
      const c = client();
      const { maya, sam, lee, vault } = await family();
      const [a, b] = await Promise.all([sealTestAttachment("one"), sealTestAttachment("two")]);
      await storeAttachment(c, maya, vault.vaultId, a);
      await storeAttachment(c, sam, vault.vaultId, b);
      expect(await attachmentBytes(vault.vaultId)).toBe(a.sealed.byteLength + b.sealed.byteLength);
      expect((await deleteAttachment(c, sam, vault.vaultId, a.attachmentId)).status).toBe(204);
      expect((await deleteAttachment(c, sam, vault.vaultId, a.attachmentId)).status).toBe(204);
      const gone = await getAttachment(c, lee, vault.vaultId, a.attachmentId);
      expect(expectError(gone, 404, "not-found")).toBe(
        "There is no attachment with this id in this vault.",
      );
      expect(await attachmentBytes(vault.vaultId)).toBe(b.sealed.byteLength);
      expect((await getAttachment(c, lee, vault.vaultId, b.attachmentId)).status).toBe(200);
      // The id is free again.
      expect((await storeAttachment(c, maya, vault.vaultId, a)).status).toBe(201);
    });

    for (const kind of ["record", "circle"] as const) {
      it(`a viewer (${kind}) reads attachments but can't put or delete them; a pending member can't read`, async () => {
        const c = client();
        const { maya, lee, vault } = await family(kind);
        const photo = await sealTestAttachment("for everyone");
        await storeAttachment(c, maya, vault.vaultId, photo);
        const mine = await sealTestAttachment("from a viewer");
        const put = await putAttachment(c, lee, vault.vaultId, mine.attachmentId, mine.sealed);
        expect(expectError(put, 403, "forbidden")).toMatch(/viewer/);
        expectError(
          await deleteAttachment(c, lee, vault.vaultId, photo.attachmentId),
          403,
          "forbidden",
        );
        expect((await getAttachment(c, lee, vault.vaultId, photo.attachmentId)).status).toBe(200);
        const pending = await register("pending");
        await c.acceptInvite(pending, await c.invite(maya, vault.vaultId, "viewer"));
        expectError(
          await getAttachment(c, pending, vault.vaultId, photo.attachmentId),
          403,
          "forbidden",
        );
        expect(await stored(vault.vaultId)).toBe(1);
      });
    }

    it("a removed member, a member of another vault and a stranger get the 404 of a vault that doesn't exist", async () => {
      const c = client();
      const { maya, sam, lee, vault } = await family("circle");
      const photo = await sealTestAttachment("only for the circle");
      await storeAttachment(c, maya, vault.vaultId, photo);
      await c.removeMember(maya, vault.vaultId, lee.accountId);
      await c.rotate(maya, vault, [asMember(sam)]);
      const other = await family();
      const eve = await register("eve");
      const nowhere = uuidV7();
      const fresh = await sealTestAttachment("not allowed");
      for (const who of [lee, other.maya, other.lee, eve]) {
        const attempts = [
          getAttachment(c, who, vault.vaultId, photo.attachmentId),
          deleteAttachment(c, who, vault.vaultId, photo.attachmentId),
          putAttachment(c, who, vault.vaultId, fresh.attachmentId, fresh.sealed),
        ];
        const controls = [
          getAttachment(c, who, nowhere, photo.attachmentId),
          deleteAttachment(c, who, nowhere, photo.attachmentId),
          putAttachment(c, who, nowhere, fresh.attachmentId, fresh.sealed),
        ];
        for (const [i, attempt] of (await Promise.all(attempts)).entries()) {
          expectError(attempt, 404, "not-found");
          expect(attempt.text).toBe((await controls[i]!).text);
          expect(attempt.text).not.toContain(vault.vaultId);
        }
      }
      expect(await stored(vault.vaultId)).toBe(1);
      expect((await getAttachment(c, sam, vault.vaultId, photo.attachmentId)).status).toBe(200);
    });

    it("refuses what can't be a sealed attachment: too short, wrong version, wrong length, other types, compressed, too large", async () => {
      const c = client();
      const { maya, vault } = await family();
      const photo = await sealTestAttachment("x");
      const id = photo.attachmentId;
      const sealed = Buffer.from(photo.sealed);
      const cases: [Uint8Array, RegExp][] = [
        [
          Buffer.from("not sealed"),
          /^The attachment is 10 bytes, shorter than any sealed attachment/,
        ],
        [sealed.subarray(0, 40), /shorter than any sealed attachment/],
        [Buffer.concat([Buffer.of(2), sealed.subarray(1)]), /version byte \(0x01\)/],
        [Buffer.concat([sealed, Buffer.of(0)]), /is not a sealed attachment's/],
      ];
      for (const [bytes, pattern] of cases) {
        const res = await putAttachment(c, maya, vault.vaultId, id, bytes);
        expect(expectError(res, 400, "invalid-request")).toMatch(pattern);
      }
      const empty = await putAttachment(c, maya, vault.vaultId, id, new Uint8Array(0));
      expectError(empty, 400, "invalid-request");
      for (const type of ["application/json", "text/plain", "image/jpeg"]) {
        const res = await putAttachment(c, maya, vault.vaultId, id, sealed, {
          "content-type": type,
        });
        expect(expectError(res, 415, "unsupported-media-type")).toMatch(
          /application\/octet-stream/,
        );
      }
      const gzip = await putAttachment(c, maya, vault.vaultId, id, sealed, {
        "content-encoding": "gzip",
      });
      expectError(gzip, 415, "unsupported-media-type");
      const big = Buffer.concat([Buffer.of(1), randomBytes(MAX_ATTACHMENT_BYTES)]);
      // In process and over a real connection (a browser's upload).
      for (const via of [c, harness().http]) {
        const tooLarge = await putAttachment(via, maya, vault.vaultId, id, big);
        expect(expectError(tooLarge, 413, "body-too-large")).toContain(
          String(MAX_ATTACHMENT_BYTES),
        );
      }
      // The JSON routes still take only JSON.
      const asBytes = await c.request({
        method: "POST",
        path: `/api/v1/vaults/${vault.vaultId}/events`,
        token: maya.session.token,
        bytes: sealed,
      });
      expectError(asBytes, 415, "unsupported-media-type");
      expectError(
        await c.request({
          method: "GET",
          path: `${attachmentPath(vault.vaultId, id)}?x=1`,
          token: maya.session.token,
        }),
        400,
        "invalid-request",
      );
      expectError(
        await getAttachment(c, maya, vault.vaultId, "NOT-A-UUID"),
        400,
        "invalid-request",
      );
      expect(await stored(vault.vaultId)).toBe(0);
      // The largest that fits: a 2 MiB padded body, sealed.
      const largest = await sealTestAttachment(randomBytes(2 * 1024 * 1024 - 1));
      expect(largest.sealed.byteLength).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES);
      expect((await storeAttachment(c, maya, vault.vaultId, largest)).status).toBe(201);
    });

    it("sends the sealed bytes as they are, even to a client that accepts compression", async () => {
      const { maya, vault } = await family();
      const photo = await sealTestAttachment(randomBytes(5000));
      await storeAttachment(harness().http, maya, vault.vaultId, photo);
      const res = await fetch(
        `${harness().url}${attachmentPath(vault.vaultId, photo.attachmentId)}`,
        {
          headers: { authorization: `Bearer ${maya.session.token}`, "accept-encoding": "br, gzip" },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("content-length")).toBe(String(photo.sealed.byteLength));
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(photo.sealed))).toBe(true);
    });

    it("count in the owner's storage quota with the events: past it, a put or an append is 413 account-storage-full", async () => {
      const app = buildApp({
        db: db(),
        secrets: harness().secrets,
        config: { ...TEST_APP_CONFIG, quotas: { accountBytes: 3000 } },
        logger: false,
        rateLimits: LOOSE_RATE_LIMITS,
      });
      try {
        const c = new TestClient(injectTransport(app));
        const maya = await c.register({ username: uniqueName("maya") });
        const sam = await c.register({ username: uniqueName("sam") });
        const record = await c.createVault(maya);
        const circle = await c.createVault(maya, uuidV7(), { kind: "circle" });
        await c.acceptInvite(sam, await c.invite(maya, circle.vaultId, "partner"));
        await c.grant(maya, circle, [asMember(sam)]);
        // About 300 + 1065 + 1065 of 3000 bytes: the record's event and a circle's two photos.
        await c.append(maya, record.vaultId, c.seal(record, ["x".repeat(200)]));
        const a = await sealTestAttachment("y".repeat(600));
        const b = await sealTestAttachment("z".repeat(600));
        await storeAttachment(c, maya, circle.vaultId, a);
        // A partner's upload counts against the owner's account.
        await storeAttachment(c, sam, circle.vaultId, b);
        const full = await sealTestAttachment("w".repeat(600));
        const refused = await putAttachment(c, sam, circle.vaultId, full.attachmentId, full.sealed);
        expect(expectError(refused, 413, "account-storage-full")).toMatch(/Nothing was stored/);
        expect(await stored(circle.vaultId)).toBe(2);
        // The append's own check counts the attachments too.
        const append = await c.request({
          method: "POST",
          path: `/api/v1/vaults/${record.vaultId}/events`,
          token: maya.session.token,
          body: { events: c.seal(record, ["x".repeat(600)]) },
        });
        expectError(append, 413, "account-storage-full");
        // The same bytes again is still fine (nothing new is stored); removing one makes room.
        expect((await storeAttachment(c, sam, circle.vaultId, b)).status).toBe(200);
        expect((await deleteAttachment(c, maya, circle.vaultId, a.attachmentId)).status).toBe(204);
        expect((await storeAttachment(c, sam, circle.vaultId, full)).status).toBe(201);
      } finally {
        await app.close();
      }
    });

    it("go with their vault, and with the owner's account; a partner's account deletion leaves the vault's photos", async () => {
      const c = client();
      const one = await family("circle");
      const photo = await sealTestAttachment("kept by the vault");
      await storeAttachment(c, one.sam, one.vault.vaultId, photo);
      await c.deleteAccount(one.sam);
      const { rows } = await db().query<{ stored_by: string | null }>(
        "SELECT stored_by FROM vault_attachments WHERE vault_id = $1",
        [one.vault.vaultId],
      );
      expect(rows).toEqual([{ stored_by: null }]);
      expect((await getAttachment(c, one.lee, one.vault.vaultId, photo.attachmentId)).status).toBe(
        200,
      );
      const deleted = await c.request({
        method: "DELETE",
        path: `/api/v1/vaults/${one.vault.vaultId}`,
        token: one.maya.session.token,
      });
      expect(deleted.status).toBe(204);
      expect(await stored(one.vault.vaultId)).toBe(0);

      const two = await family();
      await storeAttachment(c, two.maya, two.vault.vaultId, await sealTestAttachment("mine"));
      await c.deleteAccount(two.maya);
      expect(await stored(two.vault.vaultId)).toBe(0);
    });
  });
}
