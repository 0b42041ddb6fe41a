/**
 * Live updates: the event stream, LISTEN/NOTIFY fan-out (in-process on
 * PGlite, across instances on PostgreSQL), clean-up and shutdown.
 */
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { liveStats } from "../app.ts";
import type { Db } from "../db/types.ts";
import { VAULT_EVENTS_CHANNEL } from "../vault/notifications.ts";
import {
  fetchTransport,
  noticeUpTo,
  openEventStream,
  type StreamFrame,
  TestClient,
} from "./client.ts";
import { type Harness, STREAM_PING_MS, uniqueName } from "./harness.ts";
import { twoServers } from "./two-servers.ts";

const upToAtLeast = (seq: number) => (frame: StreamFrame) => (noticeUpTo(frame) ?? -1) >= seq;

async function waitUntil(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function defineLiveSuite(kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;

  async function ownerWithVault() {
    const maya = await client().register({ username: uniqueName("maya") });
    const vault = await client().createVault(maya);
    return { maya, vault };
  }

  it("tells of each append with `event: events` and the seq it reached, and pings", async () => {
    const c = client();
    const { maya, vault } = await ownerWithVault();
    const stream = await openEventStream(harness().url, maya.session.token, vault.vaultId, 0);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      expect(stream.headers.get("cache-control")).toBe("no-store");
      expect(stream.headers.get("x-content-type-options")).toBe("nosniff");
      for (const batch of [["one"], ["two", "three"]]) {
        const { results } = await c.append(maya, vault.vaultId, c.seal(vault, batch));
        const last = results[results.length - 1]!.seq;
        const frame = await stream.waitFor((f) => noticeUpTo(f) === last);
        expect(frame.data).toBe(JSON.stringify({ upTo: last }));
      }
      // One more append: exactly one more notice, nothing doubled. The notice is
      // awaited first, then a ping that comes after it (`waitFor` also looks at
      // frames already received, so a bare "a ping" could be an earlier one).
      const sent = stream.frames.filter((f) => f.event === "events").length;
      const { results: more } = await c.append(maya, vault.vaultId, c.seal(vault, ["four"]));
      const notice = await stream.waitFor((f) => noticeUpTo(f) === more[more.length - 1]!.seq);
      const after = stream.frames.indexOf(notice);
      await stream.waitFor(
        (f) => f.comment === "ping" && stream.frames.indexOf(f) > after,
        STREAM_PING_MS * 10,
      );
      expect(stream.frames.filter((f) => f.event === "events").length).toBe(sent + 1);
    } finally {
      stream.close();
    }
  });

  it("`after`: opened behind the log it says so at once; opened at the end it waits", async () => {
    const c = client();
    const { maya, vault } = await ownerWithVault();
    const { results } = await c.append(maya, vault.vaultId, c.seal(vault, ["a", "b"]));
    const last = results[1]!.seq;
    const behind = await openEventStream(
      harness().url,
      maya.session.token,
      vault.vaultId,
      results[0]!.seq,
    );
    const current = await openEventStream(harness().url, maya.session.token, vault.vaultId, last);
    try {
      expect(noticeUpTo(await behind.waitFor((f) => f.event === "events"))).toBe(last);
      await current.waitFor((f) => f.comment === "ping", STREAM_PING_MS * 10);
      expect(current.frames.some((f) => f.event === "events")).toBe(false);
      for (const query of ["after=-1", "after=x", "from=3"]) {
        const response = await c.request({
          method: "GET",
          path: `/api/v1/vaults/${vault.vaultId}/stream?${query}`,
          token: maya.session.token,
        });
        expect(response.status).toBe(400);
        expect((response.body as { error: { message: string } }).error.message).toMatch(
          /after|"from"/,
        );
      }
    } finally {
      behind.close();
      current.close();
    }
  });

  it("the notification carries only the vault id and a seq", async () => {
    const c = client();
    const { maya, vault } = await ownerWithVault();
    const payloads: string[] = [];
    const stop = await harness().db.listen(VAULT_EVENTS_CHANNEL, {
      onNotify: (payload) => payloads.push(payload),
    });
    try {
      const { results } = await c.append(maya, vault.vaultId, c.seal(vault, ["private words"]));
      await waitUntil(() => payloads.includes(`${vault.vaultId}:${results[0]!.seq}`));
      for (const payload of payloads) expect(payload).toMatch(/^[0-9a-f-]{36}:\d+$/);
    } finally {
      await stop();
    }
  });

  it("a signed-out device's stream ends, as does a deleted account's", async () => {
    const c = client();
    const { maya, vault } = await ownerWithVault();
    const laptop = await c.login({ username: maya.username, password: maya.password });
    const laptopStream = await openEventStream(
      harness().url,
      laptop.session.token,
      vault.vaultId,
      0,
    );
    const phoneStream = await openEventStream(harness().url, maya.session.token, vault.vaultId, 0);
    await c.request({
      method: "DELETE",
      path: `/api/v1/sessions/${laptop.session.sessionId}`,
      token: maya.session.token,
    });
    const { results } = await c.append(maya, vault.vaultId, c.seal(vault, ["after sign-out"]));
    await phoneStream.waitFor(upToAtLeast(results[0]!.seq));
    await laptopStream.ended;
    expect(laptopStream.frames.some((f) => f.event === "events")).toBe(false);
    await c.deleteAccount(maya);
    await phoneStream.ended; // within a ping interval
  });

  it("forgets streams and listeners when clients disconnect", async () => {
    const { maya, vault } = await ownerWithVault();
    const app = harness().app;
    const before = liveStats(app);
    const streams = await Promise.all(
      [0, 1, 2].map(() => openEventStream(harness().url, maya.session.token, vault.vaultId, 0)),
    );
    await waitUntil(() => liveStats(app).streams === before.streams + 3);
    expect(liveStats(app).listeners).toBe(before.listeners + 3);
    for (const stream of streams) stream.close();
    await waitUntil(() => liveStats(app).streams === before.streams);
    expect(liveStats(app).listeners).toBe(before.listeners);
  });

  it("closing the server ends open streams at once", async () => {
    const { maya, vault } = await ownerWithVault();
    const app = await harness().buildApp({ streamPingMs: 60_000 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const streams = await Promise.all(
      [0, 1, 2].map(() => openEventStream(url, maya.session.token, vault.vaultId, 0)),
    );
    await waitUntil(() => liveStats(app).streams === 3);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await Promise.all(streams.map((s) => s.ended));
    expect(liveStats(app)).toMatchObject({ streams: 0, listeners: 0 });
  });

  if (kind === "postgres") {
    describe("two instances on one PostgreSQL database", () => {
      it("a stream on one instance sees an append made on the other within a second", async () => {
        const [one, two] = await twoServers(harness());
        try {
          const c1 = new TestClient(fetchTransport(one.url));
          const c2 = new TestClient(fetchTransport(two.url));
          const maya = await c1.register({ username: uniqueName("maya") });
          const vault = await c1.createVault(maya);
          const on1 = await openEventStream(one.url, maya.session.token, vault.vaultId, 0);
          const on2 = await openEventStream(two.url, maya.session.token, vault.vaultId, 0);
          try {
            for (const [writer, stream] of [
              [c2, on1],
              [c1, on2],
            ] as const) {
              const { results } = await writer.append(
                maya,
                vault.vaultId,
                writer.seal(vault, ["x"]),
              );
              const acknowledged = Date.now();
              const frame = await stream.waitFor(upToAtLeast(results[0]!.seq), 1_000);
              expect(frame.at - acknowledged).toBeLessThan(1_000);
            }
            // Both serve the same log.
            const a = await c1.pullAll(maya, vault.vaultId);
            const b = await c2.pullAll(maya, vault.vaultId);
            expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
            expect(a.events).toHaveLength(2);
          } finally {
            on1.close();
            on2.close();
          }
        } finally {
          await Promise.all([one.close(), two.close()]);
        }
      });

      it("when the listening connection drops, it comes back and streams catch up", async () => {
        const [one, two] = await twoServers(harness());
        try {
          const c1 = new TestClient(fetchTransport(one.url));
          const c2 = new TestClient(fetchTransport(two.url));
          const maya = await c1.register({ username: uniqueName("maya") });
          const vault = await c1.createVault(maya);
          const stream = await openEventStream(one.url, maya.session.token, vault.vaultId, 0);
          try {
            const { rows } = await harness().db.query<{ n: number }>(
              `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
                WHERE application_name = 'trellis-server-listen' AND datname = current_database()`,
            );
            expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(1);
            // Appended while instance one may not be listening.
            const { results } = await c2.append(
              maya,
              vault.vaultId,
              c2.seal(vault, ["in the gap"]),
            );
            await stream.waitFor(upToAtLeast(results[0]!.seq), 5_000);
            // And it listens again for what comes next.
            const next = await c2.append(maya, vault.vaultId, c2.seal(vault, ["after"]));
            await stream.waitFor(upToAtLeast(next.results[0]!.seq), 2_000);
          } finally {
            stream.close();
          }
        } finally {
          await Promise.all([one.close(), two.close()]);
        }
      });
    });
  }
}
