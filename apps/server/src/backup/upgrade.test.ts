/**
 * Upgrades: a database made by the previous release (test-fixtures/
 * previous-release, made by that release's own code: see its README) opens
 * with today's server, migrates, and gives back the old data: the people
 * sign in with their passwords, their entries come back byte for byte and
 * open with the record's key, and the photo is there. On PGlite from the
 * release's data folder itself; on PostgreSQL from the same database as a
 * backup file.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import * as trellisCrypto from "@trellis/crypto";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { migrations } from "../db/migrations.ts";
import { startServer } from "../server.ts";
import { getAttachment } from "../testing/attachments.ts";
import { fetchTransport, LOOSE_RATE_LIMITS, TestClient } from "../testing/client.ts";
import { describePostgres, makeTempDir, openTestPostgres } from "../testing/databases.ts";
import { restoreDatabase } from "./backup.ts";

const FIXTURE = fileURLToPath(new URL("../../test-fixtures/previous-release/", import.meta.url));

interface Expected {
  madeBy: { schemaVersion: number };
  people: { username: string; password: string }[];
  vaultId: string;
  vaultKeys: Record<string, string>;
  events: { id: string; body: string; plaintext: string }[];
  attachment: { id: string; sha256: string };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => {});
});

async function expected(): Promise<Expected> {
  return JSON.parse(await readFile(join(FIXTURE, "expected.json"), "utf8")) as Expected;
}

/** Today's server on `env`: the old people sign in and get their old data back. */
async function readsTheOldData(env: Record<string, string>): Promise<void> {
  const want = await expected();
  expect(want.madeBy.schemaVersion).toBeLessThanOrEqual(migrations.length);
  const server = await startServer(
    loadConfig({ PORT: "0", HOST: "127.0.0.1", TRELLIS_WEB_DIR: "/nonexistent", ...env }),
    { logger: false, rateLimits: LOOSE_RATE_LIMITS },
  );
  try {
    const { rows } = await server.db.query<{ v: number }>(
      "SELECT max(version)::int AS v FROM schema_migrations",
    );
    expect(rows[0]?.v).toBe(migrations.length);
    const client = new TestClient(fetchTransport(server.url));
    for (const person of want.people) {
      const login = await client.login(person);
      expect(login.session.token).toBeTruthy();
    }
    const maya = await client.login(want.people[0]!);
    const pulled = await client.pullAll(maya, want.vaultId);
    expect(pulled.events.map((e) => [e.id, e.body])).toEqual(
      want.events.map((e) => [e.id, e.body]),
    );
    const keys = new Map(
      Object.entries(want.vaultKeys).map(([epoch, b64]) => {
        const key = trellisCrypto.VaultKey.fromBytes(Number(epoch), Buffer.from(b64, "base64"));
        if (!key.ok) throw new Error("the fixture's vault key does not load");
        return [Number(epoch), key.value] as const;
      }),
    );
    const opened = client.open({ vaultId: want.vaultId, keys, epoch: 1 }, pulled.events);
    expect(opened).toEqual(want.events.map((e) => e.plaintext));
    const photo = await getAttachment(client, maya, want.vaultId, want.attachment.id);
    expect(photo.status).toBe(200);
    expect(createHash("sha256").update(photo.raw).digest("hex")).toBe(want.attachment.sha256);
    // And it takes new entries after the old ones.
    const vault = { vaultId: want.vaultId, keys, epoch: 1 };
    await client.append(maya, want.vaultId, client.seal(vault, ["written after the upgrade"]));
    expect((await client.pullAll(maya, want.vaultId)).events).toHaveLength(want.events.length + 1);
  } finally {
    await server.close();
  }
}

describe("the previous release's database", () => {
  it("on PGlite: its data folder opens with today's server, migrates, and reads back", async () => {
    const dir = await makeTempDir("trellis-upgrade-");
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const dataDir = join(dir, "data");
    await mkdir(dataDir, { mode: 0o700 });
    const tarball = await readFile(join(FIXTURE, "pglite-datadir.tar.gz"));
    const unpacked = await PGlite.create(join(dataDir, "pglite"), {
      loadDataDir: new Blob([tarball]),
    });
    await unpacked.close();
    await copyFile(join(FIXTURE, "secrets.json"), join(dataDir, "secrets.json"));
    await readsTheOldData({ TRELLIS_DATA_DIR: dataDir });
  }, 180_000);
});

describePostgres("the previous release's database on PostgreSQL", (url) => {
  it("restored from its backup, opens with today's server, migrates, and reads back", async () => {
    const target = await openTestPostgres(url);
    cleanups.push(() => target.cleanup());
    await target.db.query("DROP SCHEMA public CASCADE");
    await target.db.query("CREATE SCHEMA public");
    await restoreDatabase(target.db, join(FIXTURE, "backup.jsonl.gz"));
    await readsTheOldData({
      TRELLIS_DATABASE_URL: target.url!,
      TRELLIS_SECRETS_FILE: join(FIXTURE, "secrets.json"),
    });
  }, 180_000);
});
