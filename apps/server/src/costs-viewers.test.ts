/**
 * Costs and viewers on the real server, with the real client over HTTP
 * (issue 17), on PGlite and on PostgreSQL: Maya's partner reads her costs,
 * her mother (who can see only) does not until Maya turns the switch on,
 * then reads the earlier ones too, and none recorded after Maya turns it
 * off again; no table of the server's database holds a cost's words.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { memoryStorage, openClient, type TrellisClient } from "@trellis/client";
import { type AccountSync, fetchTransport, openAccountSync } from "@trellis/client/sync";
import { ready } from "@trellis/crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPgliteDb } from "./db/pglite.ts";
import { type ChildServer, killChildren, startChild } from "./testing/child-server.ts";
import {
  describePostgres,
  makeTempDir,
  openTestPostgres,
  type TestDatabase,
} from "./testing/databases.ts";
import { dumpAllTables } from "./testing/table-dump.ts";

afterAll(killChildren);

const PASSWORD = "a password that is long enough";
const tag = Math.random().toString(36).slice(2, 8);
const FIRST = `Menopur pens MkCostFirst${tag}`;
const LATER = `Storage fee MkCostLater${tag}`;

interface Backend {
  readonly server: ChildServer;
  dumpTables(): Promise<string>;
  close(): Promise<void>;
}

interface Phone {
  readonly client: TrellisClient;
  readonly sync: AccountSync;
}

async function phone(url: string): Promise<Phone> {
  const client = await openClient({ storage: memoryStorage() });
  const sync = await openAccountSync({ client, connect: () => fetchTransport(url), live: false });
  return { client, sync };
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.reason}`);
  return r.value;
}

async function cost(client: TrellisClient, description: string, value: number) {
  ok(
    await client.record("CostRecorded", {
      costId: client.newId(),
      description,
      category: "medication",
      amount: { value, currency: "USD" },
      incurredOn: "2025-05-10",
      status: "paid",
      paidOn: "2025-05-10",
      coverage: [],
    }),
  );
}

const descriptions = (p: Phone) => [...p.client.state.costs.values()].map((c) => c.description);

/** Asks `p` to sync until `check` holds (no live stream here: each nudge is a round). */
async function until(p: Phone, check: () => void) {
  await vi.waitFor(
    () => {
      p.sync.nudge();
      check();
    },
    { timeout: 30_000, interval: 300 },
  );
}

function costsSuite(open: () => Promise<Backend>) {
  let backend: Backend | undefined;
  afterAll(async () => {
    await backend?.close();
  });

  it("a viewer reads costs only while Maya chooses; the server never holds their words", {
    timeout: 240_000,
  }, async () => {
    await ready();
    backend = await open();
    const url = backend.server.url;
    const maya = await phone(url);
    ok(
      await maya.client.record("JourneyCreated", {
        displayName: "Maya",
        dateOfBirth: "1984-03-02",
        homeZone: "America/New_York",
        createdAt: "2025-05-09T21:00:00-04:00[America/New_York]",
      }),
    );
    await cost(maya.client, FIRST, 1234.5);
    ok(
      await maya.sync.createAccount({
        serverUrl: url,
        username: `maya-${tag}`,
        password: PASSWORD,
        deviceName: "Maya's phone",
        recovery: maya.sync.newRecoveryKey(),
      }),
    );
    await until(maya, () => expect(maya.sync.snapshot.vault?.costs?.readable).toBe(true));

    const join = async (role: "partner" | "viewer", name: string) => {
      const invite = ok(await maya.sync.createInvite(role, "https://trellis.example"));
      const p = await phone(url);
      ok(
        await p.sync.createAccount({
          serverUrl: url,
          username: `${name}-${tag}`,
          password: PASSWORD,
          deviceName: `${name}'s phone`,
          recovery: p.sync.newRecoveryKey(),
        }),
      );
      ok(await p.sync.acceptInvite(new URL(invite.link).hash));
      const pending = ok(await maya.sync.members()).find((m) => m.status === "pending")!;
      ok(maya.sync.safetyCodeWith(pending));
      ok(await maya.sync.confirmMember(pending.accountId));
      await vi.waitFor(() => expect(p.sync.snapshot.vault?.state).toBe("active"), {
        timeout: 30_000,
      });
      await until(p, () => expect(p.client.state.journey?.displayName).toBe("Maya"));
      return p;
    };
    const sam = await join("partner", "sam");
    const ruth = await join("viewer", "ruth");

    await until(sam, () => expect(descriptions(sam)).toEqual([FIRST]));
    await until(ruth, () => expect(ruth.sync.snapshot.vault?.costs?.readable).toBe(false));
    expect(ruth.client.state.costs.size).toBe(0);

    ok(await maya.sync.setCostsForViewers(true));
    await until(ruth, () => expect(descriptions(ruth)).toEqual([FIRST]));

    ok(await maya.sync.setCostsForViewers(false));
    await cost(maya.client, LATER, 300);
    ok(
      await maya.client.record("JournalNoteAdded", {
        noteId: maya.client.newId(),
        text: "After the switch.",
        writtenAt: "2025-05-12T21:05:00-04:00[America/New_York]",
      }),
    );
    await until(maya, () => expect(maya.client.sync.pendingCount).toBe(0));
    await until(sam, () => expect(descriptions(sam).sort()).toEqual([LATER, FIRST].sort()));
    await until(ruth, () =>
      expect([...ruth.client.state.notes.values()].map((n) => n.text)).toContain(
        "After the switch.",
      ),
    );
    expect(descriptions(ruth)).toEqual([FIRST]);

    for (const p of [maya, sam, ruth]) await p.sync.close();
    const tables = await backend.dumpTables();
    expect(tables.length).toBeGreaterThan(1000);
    for (const marker of [`MkCostFirst${tag}`, `MkCostLater${tag}`]) {
      expect(tables).not.toContain(marker);
    }
  });
}

describe("costs and viewers on the real server (PGlite)", () => {
  costsSuite(async () => {
    const dataDir = await makeTempDir("trellis-costs-");
    const server = await startChild({ TRELLIS_DATA_DIR: dataDir });
    return {
      server,
      async dumpTables() {
        server.proc.kill("SIGINT");
        expect((await server.exited).code).toBe(0);
        const db = await openPgliteDb(join(dataDir, "pglite"));
        try {
          return (await dumpAllTables(db)).text;
        } finally {
          await db.close();
        }
      },
      async close() {
        if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});

describePostgres("costs and viewers on the real server (PostgreSQL)", (adminUrl) => {
  costsSuite(async () => {
    const testDb: TestDatabase = await openTestPostgres(adminUrl);
    const dataDir = await makeTempDir("trellis-costs-");
    const server = await startChild({
      TRELLIS_DATABASE_URL: testDb.url!,
      TRELLIS_DATA_DIR: dataDir,
    });
    return {
      server,
      dumpTables: async () => (await dumpAllTables(testDb.db)).text,
      async close() {
        if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
        await testDb.cleanup();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});
