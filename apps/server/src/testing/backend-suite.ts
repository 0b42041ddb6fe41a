/**
 * The storage-backed test suite. `backends.test.ts` runs it once against
 * PGlite and once against PostgreSQL, so both backends meet the same bar.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../config.ts";
import { migrate, migrations } from "../db/migrations.ts";
import type { Db, Queryable } from "../db/types.ts";
import { SECURITY_HEADERS } from "../http/security-headers.ts";
import { createVaultStore, sizeBucket } from "../vault/store.ts";
import { attachmentPath, sealTestAttachment } from "./attachments.ts";
import type { TestAccount } from "./client.ts";
import { failingInsertDb, failingStatementDb, pausingDb } from "./fake-db.ts";
import { TEST_APP_CONFIG as config, type Harness, uniqueName } from "./harness.ts";

interface WireEvent {
  id: string;
  body: string;
}

const b64 = (bytes: Uint8Array | string) =>
  (typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes)).toString("base64");

/**
 * The event log over HTTP: append and pull (as the vault's owner), ordering,
 * idempotency, validation, logging. Vaults are created through the API.
 */
export function defineBackendSuite(kind: Db["kind"], harness: () => Harness): void {
  let owner: TestAccount;
  let auth: { authorization: string };
  const db = () => harness().db;
  const app = () => harness().app;

  beforeAll(async () => {
    owner = await harness().client.register({ username: uniqueName("owner") });
    auth = { authorization: `Bearer ${owner.session.token}` };
  });

  /** A new vault owned by `owner`. */
  const newVault = async () => (await harness().client.createVault(owner)).vaultId;

  const eventsUrl = (vaultId: string, query = "") =>
    `/api/v1/vaults/${vaultId}/events${query ? `?${query}` : ""}`;

  const post = (vaultId: string, events: WireEvent[]) =>
    app().inject({ method: "POST", url: eventsUrl(vaultId), payload: { events }, headers: auth });

  const pull = async (vaultId: string, query = "") => {
    const res = await app().inject({
      method: "GET",
      url: eventsUrl(vaultId, query),
      headers: auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      events: { seq: number; id: string; body: string; receivedAt: string }[];
      next: number;
      more: boolean;
    };
  };

  /** Follows the cursor until `more` is false. */
  const pullAll = async (vaultId: string, limit = 1000) => {
    const all: { seq: number; id: string; body: string }[] = [];
    let after = 0;
    for (;;) {
      const page = await pull(vaultId, `after=${after}&limit=${limit}`);
      all.push(...page.events);
      after = page.next;
      if (!page.more) return all;
    }
  };

  const countAll = async () => {
    const { rows } = await db().query<{ n: unknown }>("SELECT count(*) AS n FROM vault_events");
    return Number(rows[0]!.n);
  };

  const expectError = (res: LightMyRequestResponse, status: number, reason: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = res.json() as { error: { reason: string; message: string } };
    expect(body.error.reason).toBe(reason);
    expect(typeof body.error.message).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(5);
    return body.error.message;
  };

  describe("schema", () => {
    it("migrations are recorded and re-running them changes nothing", async () => {
      const { rows } = await db().query<{ version: number; name: string }>(
        "SELECT version, name FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => [Number(r.version), r.name])).toEqual([
        [1, "vault_events"],
        [2, "accounts_and_sharing"],
        [3, "invite_revocation"],
        [4, "account_proofs_and_quotas"],
        [5, "membership_log"],
        [6, "sessions_ended_elsewhere"],
        [7, "push_relay"],
        [8, "signed_sign_outs"],
        [9, "append_in_one_call"],
        [10, "circles_and_attachments"],
      ]);
      const [a, b] = await Promise.all([migrate(db()), migrate(db())]);
      expect(a.applied).toEqual([]);
      expect(b.applied).toEqual([]);
    });

    if (kind === "postgres") {
      it("two servers migrating one empty database at once: one applies, the other waits and applies nothing", async () => {
        const empty = await harness().testDb.openEmpty!();
        try {
          const [a, b] = await Promise.all(empty.dbs.map((d) => migrate(d)));
          expect([...a!.applied, ...b!.applied].sort((x, y) => x - y)).toEqual([
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
          ]);
          const { rows } = await empty.dbs[0].query("SELECT version FROM schema_migrations");
          expect(rows).toHaveLength(10);
        } finally {
          await empty.cleanup();
        }
      });
    }
  });

  it("migration 2 keeps events stored before accounts existed, in vaults nobody can reach", async () => {
    // In a schema of its own, so this database's tables are not touched.
    const schema = `adopt_${randomBytes(4).toString("hex")}`;
    const inSchema = (inner: Db): Db => ({
      ...inner,
      transaction: (fn) =>
        inner.transaction(async (tx) => {
          await tx.query(`SET LOCAL search_path TO ${schema}`);
          return fn(tx);
        }),
    });
    await db().query(`CREATE SCHEMA ${schema}`);
    try {
      const scoped = inSchema(db());
      expect((await migrate(scoped, migrations.slice(0, 1))).applied).toEqual([1]);
      const orphan = randomUUID();
      const { applied } = await scoped.transaction(async (tx: Queryable) => {
        await tx.query(
          "INSERT INTO vault_events (vault_id, event_id, ciphertext, size_bucket) VALUES ($1, $2, $3, 256), ($1, $4, $3, 256)",
          [orphan, randomUUID(), Buffer.from("sealed"), randomUUID()],
        );
        return { applied: [] };
      });
      expect(applied).toEqual([]);
      expect((await migrate(scoped, migrations.slice(0, 2))).applied).toEqual([2]);
      const counts = await scoped.transaction(async (tx: Queryable) => {
        const vaults = await tx.query<{ id: string; current_epoch: number }>(
          "SELECT id, current_epoch FROM vaults",
        );
        const events = await tx.query("SELECT 1 FROM vault_events WHERE vault_id = $1", [orphan]);
        const members = await tx.query("SELECT 1 FROM memberships");
        return { vaults: vaults.rows, events: events.rowCount, members: members.rowCount };
      });
      expect(counts).toEqual({
        vaults: [{ id: orphan, current_epoch: 1 }],
        events: 2,
        members: 0,
      });
    } finally {
      await db().query(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  describe("health", () => {
    it("reports ok, the server version and the storage kind", async () => {
      const res = await app().inject({ method: "GET", url: "/api/v1/health" });
      expect(res.statusCode).toBe(200);
      const pkg = JSON.parse(
        readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
      ) as { version: string };
      expect(res.json()).toEqual({ status: "ok", version: pkg.version, storage: kind });
      expect(res.headers["cache-control"]).toBe("no-store");
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name]).toBe(value);
      }
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    });
  });

  describe("append and pull", () => {
    it("round-trips bodies byte for byte and records a size bucket", async () => {
      const vault = await newVault();
      const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const bodies = [
        Uint8Array.of(0),
        allBytes,
        randomBytes(255),
        randomBytes(257),
        randomBytes(4096 + 1),
        randomBytes(256 * 1024),
      ];
      const events = bodies.map((body) => ({ id: randomUUID(), body: b64(body) }));
      const res = await post(vault, events);
      expect(res.statusCode, res.body).toBe(200);
      const { results } = res.json() as {
        results: { id: string; seq: number; stored: boolean }[];
      };
      expect(results.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(results.every((r) => r.stored)).toBe(true);

      const page = await pull(vault);
      expect(page.more).toBe(false);
      expect(page.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(page.events.map((e) => e.seq)).toEqual(results.map((r) => r.seq));
      expect(page.next).toBe(results[results.length - 1]!.seq);
      page.events.forEach((event, i) => {
        expect(Buffer.from(event.body, "base64").equals(Buffer.from(bodies[i]!))).toBe(true);
        expect(new Date(event.receivedAt).toISOString()).toBe(event.receivedAt);
      });

      const { rows } = await db().query<{ size_bucket: number }>(
        "SELECT size_bucket FROM vault_events WHERE vault_id = $1 ORDER BY seq",
        [vault],
      );
      expect(rows.map((r) => Number(r.size_bucket))).toEqual([
        256,
        256,
        256,
        512,
        8192,
        256 * 1024,
      ]);
      expect(bodies.map((b) => sizeBucket(b.length))).toEqual(rows.map((r) => r.size_bucket));
    });

    it("is idempotent: the same id twice is one row, stored:false, same seq", async () => {
      const vault = await newVault();
      const event = { id: randomUUID(), body: b64("first") };
      const first = (await post(vault, [event])).json() as { results: { seq: number }[] };
      const again = await post(vault, [{ ...event }]);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({
        results: [{ id: event.id, seq: first.results[0]!.seq, stored: false }],
      });
      // Repeated inside one batch, next to a new event.
      const other = { id: randomUUID(), body: b64("second") };
      const mixed = (await post(vault, [other, event, other])).json() as {
        results: { id: string; seq: number; stored: boolean }[];
      };
      expect(mixed.results.map((r) => r.stored)).toEqual([true, false, false]);
      expect(mixed.results[0]!.seq).toBe(mixed.results[2]!.seq);
      expect(mixed.results[1]!.seq).toBe(first.results[0]!.seq);

      const all = await pullAll(vault);
      expect(all.map((e) => e.id)).toEqual([event.id, other.id]);
      // A resend with different bytes does not overwrite what was stored.
      await post(vault, [{ id: event.id, body: b64("changed") }]);
      const after = await pullAll(vault);
      expect(Buffer.from(after[0]!.body, "base64").toString()).toBe("first");
    });

    it("orders events by seq, strictly increasing across appends", async () => {
      const vault = await newVault();
      const ids: string[] = [];
      for (let batch = 0; batch < 5; batch += 1) {
        const events = Array.from({ length: 3 }, (_, i) => ({
          id: randomUUID(),
          body: b64(`b${batch}-${i}`),
        }));
        ids.push(...events.map((e) => e.id));
        expect((await post(vault, events)).statusCode).toBe(200);
      }
      const all = await pullAll(vault);
      expect(all.map((e) => e.id)).toEqual(ids);
      for (let i = 1; i < all.length; i += 1) expect(all[i]!.seq).toBeGreaterThan(all[i - 1]!.seq);
    });

    it("paginates with after, limit and more", async () => {
      const vault = await newVault();
      const events = Array.from({ length: 7 }, (_, i) => ({
        id: randomUUID(),
        body: b64(`e${i}`),
      }));
      await post(vault, events);
      const seqs = (await pull(vault)).events.map((e) => e.seq);

      const p1 = await pull(vault, "limit=3");
      expect(p1.events.map((e) => e.id)).toEqual(events.slice(0, 3).map((e) => e.id));
      expect(p1).toMatchObject({ next: seqs[2], more: true });
      const p2 = await pull(vault, `after=${p1.next}&limit=3`);
      expect(p2.events.map((e) => e.id)).toEqual(events.slice(3, 6).map((e) => e.id));
      expect(p2).toMatchObject({ next: seqs[5], more: true });
      const p3 = await pull(vault, `after=${p2.next}&limit=3`);
      expect(p3.events.map((e) => e.id)).toEqual([events[6]!.id]);
      expect(p3).toMatchObject({ next: seqs[6], more: false });
      const p4 = await pull(vault, `after=${p3.next}`);
      expect(p4).toEqual({ events: [], next: p3.next, more: false });
      // Exactly `limit` left: more is false.
      const exact = await pull(vault, `after=${seqs[3]}&limit=3`);
      expect(exact.events).toHaveLength(3);
      expect(exact.more).toBe(false);
      // Default limit and an "after" far beyond the end.
      expect((await pull(vault)).events).toHaveLength(7);
      expect(await pull(vault, "after=9007199254740991")).toEqual({
        events: [],
        next: 9007199254740991,
        more: false,
      });
      expect((await pull(await newVault())).events).toEqual([]);
    });

    it("reads from the end with before: the newest events, oldest first, and whether older exist", async () => {
      const vault = await newVault();
      const events = Array.from({ length: 7 }, (_, i) => ({
        id: randomUUID(),
        body: b64(`e${i}`),
      }));
      await post(vault, events);
      await post(await newVault(), [{ id: randomUUID(), body: b64("elsewhere") }]);
      const seqs = (await pull(vault)).events.map((e) => e.seq);
      const end = await pull(vault, "before=9007199254740991&limit=3");
      expect(end.events.map((e) => e.id)).toEqual(events.slice(4).map((e) => e.id));
      expect(end).toMatchObject({ next: seqs[6], more: true });
      const older = await pull(vault, `before=${end.events[0]!.seq}&limit=3`);
      expect(older.events.map((e) => e.id)).toEqual(events.slice(1, 4).map((e) => e.id));
      expect(older.more).toBe(true);
      const first = await pull(vault, `before=${older.events[0]!.seq}&limit=3`);
      expect(first.events.map((e) => e.id)).toEqual([events[0]!.id]);
      expect(first.more).toBe(false);
      expect(await pull(vault, `before=${seqs[0]}`)).toEqual({ events: [], next: 0, more: false });
      const both = await app().inject({
        method: "GET",
        url: eventsUrl(vault, "after=1&before=3"),
        headers: auth,
      });
      expect(expectError(both, 400, "invalid-request")).toMatch(/not both/);
    });

    it("keeps vaults apart: same event id in two vaults is two rows, pulls never cross", async () => {
      const vaultA = await newVault();
      const vaultB = await newVault();
      const shared = randomUUID();
      const a = (await post(vaultA, [
        { id: shared, body: b64("in A") },
        { id: randomUUID(), body: b64("only A") },
      ]).then((r) => r.json())) as { results: { seq: number; stored: boolean }[] };
      const b = (await post(vaultB, [{ id: shared, body: b64("in B") }]).then((r) => r.json())) as {
        results: { seq: number; stored: boolean }[];
      };
      expect(a.results[0]!.stored).toBe(true);
      expect(b.results[0]!.stored).toBe(true);
      expect(b.results[0]!.seq).not.toBe(a.results[0]!.seq);

      const pulledA = await pullAll(vaultA);
      const pulledB = await pullAll(vaultB);
      expect(pulledA.map((e) => Buffer.from(e.body, "base64").toString())).toEqual([
        "in A",
        "only A",
      ]);
      expect(pulledB.map((e) => Buffer.from(e.body, "base64").toString())).toEqual(["in B"]);
      // Even with a cursor from A, B only returns B's events.
      expect((await pull(vaultB, "after=0&limit=1000")).events.every((e) => e.id === shared)).toBe(
        true,
      );
      const { rows } = await db().query(
        "SELECT vault_id FROM vault_events WHERE event_id = $1 ORDER BY seq",
        [shared],
      );
      expect(rows).toHaveLength(2);
    });

    it("never lets a tailing puller miss an event while appends run concurrently", async () => {
      const vault = await newVault();
      const { testDb } = harness();
      const writers = testDb.openAnother ? [await testDb.openAnother(), db()] : [db()];
      const stores = writers.map((w) => createVaultStore(w));
      const reader = createVaultStore(db());
      const expected = new Set<string>();
      const seen: string[] = [];
      let after = 0;
      let writing = true;

      const tail = (async () => {
        // Follow the cursor while writes happen, then once more after they end.
        for (let finalPass = false; ; ) {
          const page = await reader.pull(vault, after, 7);
          seen.push(...page.events.map((e) => e.id));
          after = page.next;
          if (!page.more && finalPass) return;
          if (!page.more && !writing) finalPass = true;
        }
      })();

      await Promise.all(
        Array.from({ length: 24 }, async (_, n) => {
          const events = Array.from({ length: 4 }, (_, i) => ({
            id: randomUUID(),
            body: Buffer.from(`w${n}-${i}`),
          }));
          for (const e of events) expected.add(e.id);
          await stores[n % stores.length]!.append(vault, events);
        }),
      );
      writing = false;
      await tail;
      expect(seen).toHaveLength(expected.size);
      expect(new Set(seen)).toEqual(expected);
    });

    if (kind === "postgres") {
      it("an append waits for an earlier uncommitted append to the same vault, so seqs become visible in order", async () => {
        const vault = await newVault();
        const otherVault = await newVault();
        const paused = pausingDb(db());
        const second = createVaultStore(await harness().testDb.openAnother!());
        const first = createVaultStore(paused.db)
          .append(vault, [{ id: randomUUID(), body: Buffer.from("first") }])
          .then((r) => r[0]!);
        await paused.inserted; // first has drawn its seq but not committed
        let secondDone = false;
        let secondAppend: Promise<{ seq: number }> | undefined;
        try {
          secondAppend = second
            .append(vault, [{ id: randomUUID(), body: Buffer.from("second") }])
            .then((r) => {
              secondDone = true;
              return r[0]!;
            });
          // Another vault is not held up.
          await second.append(otherVault, [{ id: randomUUID(), body: Buffer.from("elsewhere") }]);
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(secondDone).toBe(false);
          // A puller sees nothing yet, so its cursor cannot skip the first event.
          expect((await pull(vault)).events).toEqual([]);
        } finally {
          // Always let the paused transaction finish, or cleanup would hang.
          paused.release();
        }
        const [a, b] = await Promise.all([first, secondAppend]);
        expect(a.seq).toBeLessThan(b.seq);
        expect((await pull(vault)).events.map((e) => e.seq)).toEqual([a.seq, b.seq]);
      });
    }

    it("property: any batches with duplicates store exactly the unique ids, in strictly increasing seq", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 8 }), {
            minLength: 1,
            maxLength: 5,
          }),
          fc.integer({ min: 1, max: 5 }),
          async (batches, pageSize) => {
            const vault = await newVault();
            const pool: string[] = Array.from({ length: 12 }, () => randomUUID());
            const bodyOf = (i: number) => b64(`event ${i} ${"x".repeat(i * 10)}`);
            const storedTrue = new Map<string, number>();
            for (const batch of batches) {
              const res = await post(
                vault,
                batch.map((i) => ({ id: pool[i]!, body: bodyOf(i) })),
              );
              expect(res.statusCode).toBe(200);
              for (const r of (res.json() as { results: { id: string; stored: boolean }[] })
                .results) {
                if (r.stored) storedTrue.set(r.id, (storedTrue.get(r.id) ?? 0) + 1);
              }
            }
            const unique = new Set(batches.flat().map((i) => pool[i]!));
            const all = await pullAll(vault, pageSize);
            expect(new Set(all.map((e) => e.id))).toEqual(unique);
            expect(all).toHaveLength(unique.size);
            for (let i = 1; i < all.length; i += 1) {
              expect(all[i]!.seq).toBeGreaterThan(all[i - 1]!.seq);
            }
            // First appearance order is storage order; each id reported new exactly once.
            expect(all.map((e) => e.id)).toEqual([...unique]);
            expect([...storedTrue.values()].every((n) => n === 1)).toBe(true);
            expect(storedTrue.size).toBe(unique.size);
            for (const e of all) expect(e.body).toBe(bodyOf(pool.indexOf(e.id)));
          },
        ),
        { numRuns: 25 },
      );
    });
  });

  describe("bad requests get a clear 4xx and store nothing", () => {
    let vault: string;
    const good = () => ({ id: randomUUID(), body: b64("ok") });

    beforeAll(async () => {
      vault = await newVault();
    });

    const expectRejected = async (
      send: () => Promise<LightMyRequestResponse>,
      status: number,
      reason: string,
      messagePattern?: RegExp,
    ) => {
      const before = await countAll();
      const res = await send();
      const message = expectError(res, status, reason);
      if (messagePattern) expect(message).toMatch(messagePattern);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name]).toBe(value);
      }
      expect(await countAll()).toBe(before);
      return message;
    };

    const rawPost = (
      payload: string | Buffer,
      contentType = "application/json",
      url = eventsUrl(vault),
    ) =>
      app().inject({
        method: "POST",
        url,
        payload,
        headers: { ...auth, "content-type": contentType },
      });

    it("malformed JSON -> 400 malformed-json", async () => {
      await expectRejected(() => rawPost('{"events": [ {"id": '), 400, "malformed-json", /JSON/);
      await expectRejected(() => rawPost(""), 400, "malformed-json");
      await expectRejected(
        () => rawPost('{"events": [], "__proto__": {"polluted": true}}'),
        400,
        "malformed-json",
      );
    });

    it("body over the size limit -> 413 body-too-large", async () => {
      const big = JSON.stringify({
        events: [{ id: randomUUID(), body: "A".repeat(DEFAULT_MAX_BODY_BYTES) }],
      });
      await expectRejected(() => rawPost(big), 413, "body-too-large", /8388608 bytes/);
    });

    it("wrong content type -> 415", async () => {
      const json = JSON.stringify({ events: [good()] });
      await expectRejected(() => rawPost(json, "text/plain"), 415, "unsupported-media-type");
      await expectRejected(
        () => rawPost("events=1", "application/x-www-form-urlencoded"),
        415,
        "unsupported-media-type",
      );
      await expectRejected(
        () => app().inject({ method: "POST", url: eventsUrl(vault), headers: auth }),
        415,
        "unsupported-media-type",
      );
    });

    it("invalid base64 -> 400 naming the field", async () => {
      for (const bad of ["not base64!", "aGVsbG8", "aGVsbG8=\n", "aGVs bG8=", "aGVsbG9=", "-_-_"]) {
        const events = [good(), good(), { id: randomUUID(), body: bad }];
        await expectRejected(
          () => post(vault, events),
          400,
          "invalid-request",
          /^events\[2\]\.body is not valid base64\.$/,
        );
      }
    });

    it("a batch with one invalid event stores none of it", async () => {
      const fresh = await newVault();
      const events = [good(), good(), { id: "NOT-A-UUID", body: b64("x") }, good()];
      await expectRejected(() => post(fresh, events), 400, "invalid-request", /events\[2\]\.id/);
      expect((await pull(fresh)).events).toEqual([]);
    });

    it("a storage failure mid-batch rolls the whole batch back and is a generic 500", async () => {
      const fresh = await newVault();
      const broken = buildApp({
        secrets: harness().secrets,
        db: failingInsertDb(db(), 1, new Error("disk on fire")),
        config,
        logger: false,
      });
      try {
        const before = await countAll();
        const res = await broken.inject({
          method: "POST",
          url: eventsUrl(fresh),
          payload: { events: [good(), good(), good(), good()] },
          headers: auth,
        });
        const message = expectError(res, 500, "internal");
        expect(message).not.toMatch(/fire/);
        expect(await countAll()).toBe(before);
        expect((await pull(fresh)).events).toEqual([]);
      } finally {
        await broken.close();
      }
    });

    it("schema failures -> 400 invalid-request naming the field", async () => {
      const cases: [unknown, RegExp][] = [
        [[], /JSON object/],
        [{}, /^events must be an array/],
        [{ events: "x" }, /^events must be an array/],
        [{ events: [] }, /^events must hold 1 to 2000 events \(it has 0\)/],
        [{ events: Array.from({ length: 2001 }, good) }, /it has 2001/],
        [{ events: [good()], extra: 1 }, /"extra" is not an allowed field/],
        [{ events: [good(), 5] }, /^events\[1\] must be an object/],
        [{ events: [{ body: b64("x") }] }, /^events\[0\]\.id must be a lowercase UUID/],
        [{ events: [{ id: randomUUID().toUpperCase(), body: b64("x") }] }, /^events\[0\]\.id/],
        [{ events: [{ id: 42, body: b64("x") }] }, /^events\[0\]\.id/],
        [{ events: [{ id: randomUUID() }] }, /^events\[0\]\.body must be a base64 string/],
        [{ events: [{ id: randomUUID(), body: 12 }] }, /^events\[0\]\.body must be a base64/],
        [{ events: [{ id: randomUUID(), body: "" }] }, /^events\[0\]\.body must not be empty/],
        [
          { events: [{ id: randomUUID(), body: b64(randomBytes(256 * 1024 + 1)) }] },
          /^events\[0\]\.body is larger than 262144 bytes/,
        ],
        [
          { events: [{ id: randomUUID(), body: b64("x"), type: "DoseLogged" }] },
          /^events\[0\] has the field "type", which is not allowed/,
        ],
      ];
      for (const [payload, pattern] of cases) {
        await expectRejected(
          () => rawPost(JSON.stringify(payload)),
          400,
          "invalid-request",
          pattern,
        );
      }
    });

    it("bad vault id -> 400", async () => {
      for (const badVault of ["not-a-uuid", randomUUID().toUpperCase(), "1234", "a".repeat(300)]) {
        await expectRejected(
          () =>
            rawPost(JSON.stringify({ events: [good()] }), "application/json", eventsUrl(badVault)),
          400,
          "invalid-request",
          /vaultId/,
        );
        await expectRejected(
          () => app().inject({ method: "GET", url: eventsUrl(badVault), headers: auth }),
          400,
          "invalid-request",
          /vaultId/,
        );
      }
    });

    it("limit or after out of range -> 400", async () => {
      for (const query of [
        "limit=0",
        "limit=5001",
        "before=0",
        "before=x",
        "limit=-1",
        "limit=abc",
        "limit=1.5",
        "limit=",
        "after=-1",
        "after=x",
        "after=9007199254740992",
        "after=1&after=2",
      ]) {
        const name = query.split("=")[0]!;
        await expectRejected(
          () => app().inject({ method: "GET", url: eventsUrl(vault, query), headers: auth }),
          400,
          "invalid-request",
          new RegExp(`^${name} `),
        );
      }
      await expectRejected(
        () => app().inject({ method: "GET", url: eventsUrl(vault, "afer=3"), headers: auth }),
        400,
        "invalid-request",
        /Unknown query parameter "afer"/,
      );
      expect((await pull(vault, "limit=1000")).events).toEqual([]);
      expect((await pull(vault, "limit=1&after=0")).events).toEqual([]);
    });

    it("unknown API routes -> 404 JSON", async () => {
      for (const [method, url] of [
        ["GET", "/api/v1/nope"],
        ["GET", "/api/v2/health"],
        ["GET", "/api"],
        ["POST", `/api/v1/vaults/${vault}/nope`],
        ["DELETE", eventsUrl(vault)],
        ["PUT", eventsUrl(vault)],
      ] as const) {
        await expectRejected(
          () =>
            app().inject({
              method,
              url,
              headers: { ...auth, accept: "text/html" },
              ...(method === "GET" ? {} : { payload: { events: [good()] } }),
            }),
          404,
          "not-found",
          new RegExp(`${method} /api`),
        );
      }
    });

    it("a malformed URL -> 400 JSON", async () => {
      await expectRejected(
        () => app().inject({ method: "GET", url: "/api/v1/vaults/%zz/events", headers: auth }),
        400,
        "bad-request",
      );
    });
  });

  describe("logging", () => {
    it("never logs event or attachment bodies, malformed bodies or database details", async () => {
      const marker = `SECRET-MARKER-${randomUUID()}`;
      const markerB64 = b64(marker);
      const lines: string[] = [];
      const stream = { write: (line: string) => lines.push(line) };
      const loud = buildApp({
        db: db(),
        secrets: harness().secrets,
        config,
        logger: { level: "trace", stream },
      });
      const failing = buildApp({
        secrets: harness().secrets,
        db: failingInsertDb(
          db(),
          1,
          Object.assign(new Error("insert failed"), {
            code: "23514",
            detail: `Failing row contains (${marker}, \\x${Buffer.from(marker).toString("hex")}).`,
          }),
        ),
        config,
        logger: { level: "trace", stream },
      });
      const failingAttachment = buildApp({
        secrets: harness().secrets,
        db: failingStatementDb(
          db(),
          /INSERT INTO vault_attachments/,
          Object.assign(new Error("attachment insert failed"), {
            code: "23514",
            detail: `Failing row contains (${marker}, \\x${Buffer.from(marker).toString("hex")}).`,
          }),
        ),
        config,
        logger: { level: "trace", stream },
      });
      // A photo whose words hold the marker, sealed as the app seals it.
      const photo = await sealTestAttachment(`a photo of ${marker}`);
      const sealedPhoto = Buffer.from(photo.sealed);
      // Bytes shaped like a sealed attachment but holding the marker in the clear.
      const plainShaped = Buffer.alloc(297);
      plainShaped[0] = 1;
      plainShaped.write(marker, 25, "utf8");
      try {
        const vault = await newVault();
        const octets = { ...auth, "content-type": "application/octet-stream" };
        const putPhoto = await loud.inject({
          method: "PUT",
          url: attachmentPath(vault, photo.attachmentId),
          headers: octets,
          payload: sealedPhoto,
        });
        expect(putPhoto.statusCode, putPhoto.body).toBe(201);
        const gotPhoto = await loud.inject({
          method: "GET",
          url: attachmentPath(vault, photo.attachmentId),
          headers: auth,
        });
        expect(gotPhoto.rawPayload.equals(sealedPhoto)).toBe(true);
        expect(gotPhoto.rawPayload.includes(marker)).toBe(false);
        for (const [app, payload, status] of [
          [loud, Buffer.from(marker), 400],
          [loud, Buffer.concat([Buffer.of(2), plainShaped.subarray(1)]), 400],
          [failingAttachment, plainShaped, 500],
        ] as const) {
          const refused = await app.inject({
            method: "PUT",
            url: attachmentPath(vault, randomUUID()),
            headers: octets,
            payload,
          });
          expect(refused.statusCode, refused.body).toBe(status);
          expect(refused.body).not.toContain(marker);
          expect(refused.body).not.toContain("Failing row");
        }
        const ok = await loud.inject({
          method: "POST",
          url: eventsUrl(vault),
          payload: { events: [{ id: randomUUID(), body: markerB64 }] },
          headers: auth,
        });
        expect(ok.statusCode).toBe(200);
        const pulled = await loud.inject({ method: "GET", url: eventsUrl(vault), headers: auth });
        expect(pulled.body).toContain(markerB64);
        const malformed = await loud.inject({
          method: "POST",
          url: eventsUrl(vault),
          headers: { ...auth, "content-type": "application/json" },
          payload: `{"events": [{"id": "${marker}", "body": ${marker}`,
        });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.body).not.toContain(marker);
        const badB64 = await loud.inject({
          method: "POST",
          url: eventsUrl(vault),
          payload: { events: [{ id: randomUUID(), body: `${markerB64}!` }] },
          headers: auth,
        });
        expect(badB64.statusCode).toBe(400);
        expect(badB64.body).not.toContain(marker);
        const textPlain = await loud.inject({
          method: "POST",
          url: eventsUrl(vault),
          headers: { ...auth, "content-type": "text/plain" },
          payload: marker,
        });
        expect(textPlain.statusCode).toBe(415);
        const failed = await failing.inject({
          method: "POST",
          url: eventsUrl(vault),
          payload: { events: [{ id: randomUUID(), body: markerB64 }] },
          headers: auth,
        });
        expect(failed.statusCode).toBe(500);
        expect(failed.body).not.toContain(marker);
      } finally {
        await loud.close();
        await failing.close();
        await failingAttachment.close();
      }
      const log = lines.join("");
      // The 500 was logged (so logging works) ...
      expect(log).toContain("request failed");
      expect(log).toContain("insert failed");
      expect(log).toContain("attachment insert failed");
      // ... but no body, in any encoding, and no driver detail.
      expect(log).not.toContain(marker);
      expect(log).not.toContain(markerB64);
      expect(log).not.toContain(Buffer.from(marker).toString("hex"));
      expect(log).not.toContain("Failing row");
      for (const encoding of ["base64", "base64url", "hex"] as const) {
        expect(log).not.toContain(sealedPhoto.subarray(0, 64).toString(encoding));
        expect(log).not.toContain(plainShaped.subarray(0, 64).toString(encoding));
      }
    });
  });
}
