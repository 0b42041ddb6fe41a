/**
 * Issue 12, secrets apart from data: the HMAC key and the OPAQUE server setup
 * live in a 0600 file (or the environment), never in the database; a
 * database from an older server has them moved out on first start; a copy of
 * every table holds neither (nor a marker inside a sealed attachment); a login in progress keeps nothing derived from
 * the caller's address. Run against both backends. Changes to the shared
 * database are made in transactions that are rolled back.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as opaque from "@serenity-kit/opaque";
import { describe, expect, it } from "vitest";
import {
  InvalidServerSetupError,
  loadServerSecrets,
  SecretsMismatchError,
  serverHmac,
} from "../auth/secrets.ts";
import type { Db, Queryable } from "../db/types.ts";
import { generateVapidKeys } from "../push/vapid.ts";
import { sealTestAttachment, storeAttachment } from "./attachments.ts";
import { clientReady, uuidV7 } from "./client.ts";
import { type Harness, uniqueName } from "./harness.ts";
import { dumpAllTables } from "./table-dump.ts";

const ROLLBACK = new Error("rollback");

/** Runs `fn` in a transaction that is always rolled back. */
async function rolledBack(db: Db, fn: (tx: Queryable) => Promise<void>): Promise<void> {
  await db
    .transaction(async (tx) => {
      await fn(tx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}

/** Every table's values, as `dumpAllTables` gives them, after checking server_secrets was read. */
async function dumpTablesWith(q: Queryable): Promise<string> {
  const dump = await dumpAllTables(q);
  expect(dump.tables).toContain("server_secrets");
  return dump.text;
}

async function tempFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "trellis-secrets-")), "data", "secrets.json");
}

export function defineSecretsSuite(_kind: Db["kind"], harness: () => Harness): void {
  const db = () => harness().db;

  describe("server secrets", () => {
    it("an older database's secrets move to a 0600 file and leave the table; a copy of every table holds neither", async () => {
      const c = harness().client;
      // Some of everything: accounts, sessions, logins in progress, rate limits.
      const maya = await c.register({ username: uniqueName("maya") });
      await c.login({ username: maya.username, password: maya.password });
      await c.freshProof(maya, "password-change");
      await clientReady();
      await c.request({
        method: "POST",
        path: "/api/v1/sessions/start",
        body: {
          username: maya.username,
          startLoginRequest: opaque.client.startLogin({ password: "guess" }).startLoginRequest,
        },
      });
      await c.request({
        method: "POST",
        path: "/api/v1/recovery/start",
        body: { username: maya.username },
      });
      // A circle with a photo whose words hold a marker: stored sealed, so
      // the marker is in no table in any encoding.
      const marker = `ATTACHMENT-MARKER-${randomUUID()}`;
      const circle = await c.createVault(maya, uuidV7(), { kind: "circle" });
      const photo = await sealTestAttachment(`written on the back: ${marker}`);
      await storeAttachment(c, maya, circle.vaultId, photo);
      const { opaqueServerSetup, hmacKey } = harness().secrets;
      const file = await tempFile();
      await rolledBack(db(), async (tx) => {
        // As a server from before issue 12 kept them.
        await tx.query(
          "INSERT INTO server_secrets (name, value) VALUES ('hmac-key', $1), ('opaque-server-setup', $2)",
          [hmacKey.toString("base64url"), opaqueServerSetup],
        );
        const loaded = await loadServerSecrets(tx, { file });
        expect(loaded.opaqueServerSetup).toBe(opaqueServerSetup);
        expect(loaded.hmacKey.equals(hmacKey)).toBe(true);

        const saved = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
        expect(saved.opaqueServerSetup).toBe(opaqueServerSetup);
        expect(saved.hmacKey).toBe(hmacKey.toString("base64url"));
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect((await stat(join(file, ".."))).mode & 0o777).toBe(0o700);

        const { rows } = await tx.query<{ name: string }>(
          "SELECT name FROM server_secrets ORDER BY name",
        );
        expect(rows.map((r) => r.name)).toEqual([
          "check-hmac-key",
          "check-opaque-public-key",
          "check-vapid-public-key",
        ]);
        // The VAPID key pair was made on this first start and kept in the file too.
        expect(saved.vapidPrivateKey).toBe(loaded.vapid.privateKeyText);
        const dump = await dumpTablesWith(tx);
        expect(dump.length).toBeGreaterThan(1000);
        // The attachments table is in the dump, the marker in none of it.
        expect(dump).toContain(Buffer.from(photo.sealed).toString("hex"));
        for (const encoding of ["utf8", "base64", "base64url", "hex", "latin1"] as const) {
          expect(dump).not.toContain(Buffer.from(marker).toString(encoding));
        }
        for (const secret of [
          opaqueServerSetup,
          Buffer.from(opaqueServerSetup, "base64url").toString("hex"),
          Buffer.from(opaqueServerSetup, "base64url").toString("base64"),
          hmacKey.toString("base64url"),
          hmacKey.toString("hex"),
          hmacKey.toString("base64"),
          loaded.vapid.privateKeyText,
          Buffer.from(loaded.vapid.privateKeyText, "base64url").toString("hex"),
          Buffer.from(loaded.vapid.privateKeyText, "base64url").toString("base64"),
        ]) {
          expect(dump).not.toContain(secret);
        }
        // Loading again reads the file and changes nothing.
        const again = await loadServerSecrets(tx, { file });
        expect(again.opaqueServerSetup).toBe(opaqueServerSetup);
      });
    });

    it("a login in progress keeps no key derived from the caller's address", async () => {
      const { rows } = await db().query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'pending_logins'`,
      );
      expect(rows.map((r) => r.column_name).sort()).toEqual([
        "account_id",
        "expires_at",
        "id",
        "server_login_state",
      ]);
    });

    it("a server with other secrets than the database was used with refuses to start", async () => {
      await rolledBack(db(), async (tx) => {
        await loadServerSecrets(tx, { file: await tempFile() });
        const other = await loadServerSecrets(tx, { file: await tempFile() }).catch(
          (e: unknown) => e,
        );
        expect(other).toBeInstanceOf(SecretsMismatchError);
        expect((other as Error).message).toMatch(/same secrets/);
      });
    });

    it("secrets from the environment are used and never written to the file", async () => {
      await clientReady();
      const configured = opaque.server.createSetup();
      const hmac = Buffer.alloc(32, 7).toString("base64url");
      const vapid = generateVapidKeys();
      const file = await tempFile();
      await rolledBack(db(), async (tx) => {
        const loaded = await loadServerSecrets(tx, {
          file,
          opaqueServerSetup: configured,
          hmacKey: hmac,
          vapidPrivateKey: vapid.privateKeyText,
        });
        expect(loaded.opaqueServerSetup).toBe(configured);
        expect(loaded.vapid.publicKey.equals(vapid.publicKey)).toBe(true);
        expect(serverHmac(loaded, "x", "y")).toEqual(
          serverHmac({ hmacKey: Buffer.alloc(32, 7) }, "x", "y"),
        );
        await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
      });
    });

    it("an invalid TRELLIS_OPAQUE_SERVER_SETUP is refused without being echoed", async () => {
      const invalid = `${"A".repeat(170)}B`;
      await rolledBack(db(), async (tx) => {
        const error = await loadServerSecrets(tx, { opaqueServerSetup: invalid }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidServerSetupError);
        expect((error as Error).message).toContain("TRELLIS_OPAQUE_SERVER_SETUP");
        expect((error as Error).message).not.toContain(invalid);
      });
    });
  });
}
