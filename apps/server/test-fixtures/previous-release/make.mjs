// Makes the previous-release fixture (see README.md here for how to run it).
// Run from apps/server of a checkout of the PREVIOUS release, with
//   node --import tsx <this file> <output folder> <path of today's apps/server>
// It uses the previous release's own code to make and fill the database,
// and today's backup tool only to write the same data as a backup file.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";

const [outDir, todayServer] = process.argv.slice(2).map((p) => resolve(p));
if (!outDir || !todayServer)
  throw new Error("usage: make.mjs <output folder> <today's apps/server>");
const here = process.cwd();
const imp = (p) => import(join(here, p));
const { buildApp } = await imp("src/app.ts");
const { loadServerSecrets } = await imp("src/auth/secrets.ts");
const { migrate } = await imp("src/db/migrations.ts");
const { openPgliteDb } = await imp("src/db/pglite.ts");
const { injectTransport, LOOSE_RATE_LIMITS, TestClient } = await imp("src/testing/client.ts");
const { sealTestAttachment, storeAttachment } = await imp("src/testing/attachments.ts");
const { SERVER_VERSION } = await imp("src/version.ts");

const work = await mkdtemp(join(tmpdir(), "trellis-fixture-"));
const dataDir = join(work, "data");
const db = await openPgliteDb(join(dataDir, "pglite"));
const migrated = await migrate(db);
const secretsFile = join(dataDir, "secrets.json");
const secrets = await loadServerSecrets(db, { file: secretsFile });
const app = buildApp({
  db,
  config: { maxBodyBytes: 8 * 1024 * 1024, webDir: "/nonexistent", secretsFile },
  logger: false,
  secrets,
  rateLimits: LOOSE_RATE_LIMITS,
  pushScheduler: false,
});
const client = new TestClient(injectTransport(app));
const people = [
  { username: "maya", password: "a long and kind password" },
  { username: "sam", password: "another long password" },
];
const maya = await client.register(people[0]);
await client.register(people[1]);
const vault = await client.createVault(maya);
const plaintexts = [
  '{"type":"DoseLogged","medication":"follitropin","units":150}',
  '{"type":"NoteWritten","text":"A calm day. Scan on Thursday."}',
  '{"type":"LabResult","analyte":"estradiol","value":1450,"unit":"pg/mL"}',
];
const events = client.seal(vault, plaintexts);
await client.append(maya, vault.vaultId, events);
const attachment = await sealTestAttachment("a photo of the clinic's garden");
await storeAttachment(client, maya, vault.vaultId, attachment);
await client.invite(maya, vault.vaultId, "partner");
await app.close();
const { rows } = await db.query("SELECT max(version)::int AS v FROM schema_migrations");
await db.close();

// The data folder as the previous release left it, as PGlite's own tarball.
const pglite = await PGlite.create(join(dataDir, "pglite"));
const tarball = await pglite.dumpDataDir("gzip");
await pglite.close();
await writeFile(join(outDir, "pglite-datadir.tar.gz"), Buffer.from(await tarball.arrayBuffer()));
await writeFile(
  join(outDir, "secrets.json"),
  await (await import("node:fs/promises")).readFile(secretsFile),
);

// The same database as a backup file (today's format), to restore into PostgreSQL.
const { backupDatabase } = await import(join(todayServer, "src/backup/backup.ts"));
const again = await openPgliteDb(join(dataDir, "pglite"));
await backupDatabase(again, join(outDir, "backup.jsonl.gz"));
await again.close();

const keys = {};
for (const [epoch, key] of vault.keys)
  keys[epoch] = Buffer.from(key.bytes ?? key).toString("base64");
await writeFile(
  join(outDir, "expected.json"),
  `${JSON.stringify(
    {
      madeBy: {
        serverVersion: SERVER_VERSION,
        schemaVersion: rows[0].v,
        migrationsApplied: migrated.applied,
      },
      people,
      accountId: maya.accountId,
      vaultId: vault.vaultId,
      vaultKeys: keys,
      events: events.map((e, i) => ({ id: e.id, body: e.body, plaintext: plaintexts[i] })),
      attachment: {
        id: attachment.attachmentId,
        sha256: createHash("sha256").update(attachment.sealed).digest("hex"),
      },
    },
    null,
    2,
  )}\n`,
);
await rm(work, { recursive: true, force: true });
console.log(`fixture written to ${outDir}`);
