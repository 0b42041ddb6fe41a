import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { DEFAULT_MAX_BODY_BYTES, loadConfig } from "./config.ts";
import { migrate } from "./db/migrations.ts";
import { openDb, pgliteDir } from "./db/open.ts";
import { DataDirInUseError } from "./db/pglite.ts";
import { startServer } from "./server.ts";
import { injectTransport, TestClient } from "./testing/client.ts";
import { makeTempDir } from "./testing/databases.ts";

// Opening PGlite in a fresh directory runs initdb: seconds, more on a busy machine.
describe("PGlite data on disk", { timeout: 120_000 }, () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir("trellis-data-");
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = () => ({
    dataDir,
    databaseUrl: undefined,
    secretsFile: join(dataDir, "secrets.json"),
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    webDir: "/nonexistent",
  });

  it("survives closing the app and the database and opening them again", async () => {
    const db1 = await openDb(config());
    expect((await migrate(db1)).applied).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const app1 = buildApp({ db: db1, config: config(), logger: false });
    const client1 = new TestClient(injectTransport(app1));
    const maya = await client1.register({ username: "maya-on-disk" });
    const vault = await client1.createVault(maya);
    const events = client1.seal(vault, ["first", "second"]);
    await client1.append(maya, vault.vaultId, events);
    await app1.close();
    await db1.close();

    const db2 = await openDb(config());
    expect((await migrate(db2)).applied).toEqual([]);
    const app2 = buildApp({ db: db2, config: config(), logger: false });
    try {
      // The session, the account (same OPAQUE setup) and the events are all still there.
      const client2 = new TestClient(injectTransport(app2));
      const pulled = await client2.pullAll(maya, vault.vaultId);
      expect(pulled.events.map((e) => [e.id, e.body])).toEqual(events.map((e) => [e.id, e.body]));
      expect(client2.open(vault, pulled.events)).toEqual(["first", "second"]);
      await client2.login({ username: maya.username, password: maya.password });
      // Seqs keep counting up after a restart.
      const more = await client2.append(maya, vault.vaultId, client2.seal(vault, ["third"]));
      expect(more.results[0]!.seq).toBeGreaterThan(pulled.events[1]!.seq);
    } finally {
      await app2.close();
      await db2.close();
    }
  });

  it("refuses a second open of the same directory while the first is open, then allows it", async () => {
    const db = await openDb(config());
    try {
      const lockFile = `${pgliteDir(config())}.lock`;
      expect((await readFile(lockFile, "utf8")).trim()).toBe(String(process.pid));
      await expect(openDb(config())).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(openDb(config())).rejects.toThrow(/already in use/);
    } finally {
      await db.close();
    }
    const again = await openDb(config());
    await again.close();
  });

  it("takes over a lock left behind by a process that no longer runs", async () => {
    const lockFile = `${pgliteDir(config())}.lock`;
    await writeFile(lockFile, "2147483646\n");
    const db = await openDb(config());
    expect((await readFile(lockFile, "utf8")).trim()).toBe(String(process.pid));
    await db.close();
  });

  it("startServer listens on a real port and close() releases everything", async () => {
    const server = await startServer(
      { ...loadConfig({ PORT: "0", TRELLIS_DATA_DIR: dataDir, TRELLIS_WEB_DIR: "/nonexistent" }) },
      { logger: false },
    );
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toMatch(/:0$/);
      const res = await fetch(`${server.url}/api/v1/health`);
      expect(await res.json()).toMatchObject({ status: "ok", storage: "pglite" });
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    } finally {
      await server.close();
      await server.close(); // idempotent
    }
    const reopened = await openDb({ dataDir, databaseUrl: undefined });
    await reopened.close();
  });

  it("every file the server writes under its data directory is 0600 and every directory 0700", async () => {
    const server = await startServer(
      loadConfig({ PORT: "0", TRELLIS_DATA_DIR: dataDir, TRELLIS_WEB_DIR: "/nonexistent" }),
      { logger: false },
    );
    const c = new TestClient(injectTransport(server.app));
    const maya = await c.register({ username: "maya-modes" });
    const vault = await c.createVault(maya);
    await c.append(maya, vault.vaultId, c.seal(vault, ["an entry"]));
    await server.close();
    const wrong: string[] = [];
    let files = 0;
    const walk = async (dir: string): Promise<void> => {
      if (((await stat(dir)).mode & 0o777) !== 0o700) wrong.push(dir);
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          files += 1;
          if (((await stat(path)).mode & 0o777) !== 0o600) wrong.push(path);
        }
      }
    };
    await walk(dataDir);
    expect(files).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
    expect(((await stat(join(dataDir, "secrets.json"))).mode & 0o777).toString(8)).toBe("600");
  });

  it("startServer fails cleanly (and frees the directory) when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(
        startServer(
          loadConfig({ PORT: String(port), TRELLIS_DATA_DIR: dataDir, TRELLIS_WEB_DIR: "/x" }),
          { logger: false },
        ),
      ).rejects.toMatchObject({ code: "EADDRINUSE" });
      // The database was closed and its lock released.
      const again = await openDb({ dataDir, databaseUrl: undefined });
      await again.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
