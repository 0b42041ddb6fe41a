/**
 * Sessions end by age, run against both backends: after a time without use
 * (idle) and a time after sign-in (maximum age), from the configuration.
 * Time moves by setting the stored timestamps back, as if the database's
 * clock (the one every instance shares) had moved on; nothing sleeps.
 */
import { expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { DEFAULT_SESSION_LIFETIME, LAST_SEEN_RESOLUTION_SECONDS } from "../auth/sessions.ts";
import { DEFAULT_SESSION_IDLE_DAYS, DEFAULT_SESSION_MAX_DAYS } from "../config.ts";
import type { Db } from "../db/types.ts";
import { sweepExpired } from "../housekeeping.ts";
import {
  injectTransport,
  LOOSE_RATE_LIMITS,
  openEventStream,
  type TestAccount,
  TestClient,
} from "./client.ts";
import { count, expectError } from "./expect.ts";
import { type Harness, TEST_APP_CONFIG, uniqueName } from "./harness.ts";

const DAY = 24 * 60 * 60;

export function defineSessionExpirySuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  const account = (who: Pick<TestAccount, "session">) =>
    client().request({ method: "GET", path: "/api/v1/account", token: who.session.token });

  /** Moves a session's sign-in and last use back by whole seconds, as if that much time had passed. */
  async function age(sessionId: string, times: { lastSeen?: number; created?: number }) {
    await db().query(
      `UPDATE sessions
          SET last_seen_at = now() - make_interval(secs => $2::double precision),
              created_at = now() - make_interval(secs => $3::double precision)
        WHERE id = $1`,
      [sessionId, times.lastSeen ?? 0, times.created ?? times.lastSeen ?? 0],
    );
  }

  const sessionRows = (id: string) =>
    count(db(), "SELECT count(*) AS n FROM sessions WHERE id = $1", [id]);

  it("defaults to 30 days idle and 180 days at most, as the configuration says", () => {
    expect(DEFAULT_SESSION_LIFETIME).toEqual({
      idleSeconds: DEFAULT_SESSION_IDLE_DAYS * DAY,
      maxAgeSeconds: DEFAULT_SESSION_MAX_DAYS * DAY,
    });
    expect([DEFAULT_SESSION_IDLE_DAYS, DEFAULT_SESSION_MAX_DAYS]).toEqual([30, 180]);
  });

  it("a session unused for longer than the idle limit ends: 401 unauthenticated everywhere, and it is gone", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const vault = await c.createVault(maya);
    const laptop = await c.login({ username: maya.username, password: maya.password });
    // The phone was last used 30 days and a minute ago; the laptop 29 days ago.
    await age(maya.session.sessionId, { lastSeen: 30 * DAY + 60, created: 40 * DAY });
    await age(laptop.session.sessionId, { lastSeen: 29 * DAY, created: 40 * DAY });

    const refused = await account(maya);
    expect(expectError(refused, 401, "unauthenticated")).toMatch(/expired/);
    expect(refused.headers["www-authenticate"]).toBe("Bearer");
    expect(refused.text).not.toContain(maya.session.token);
    expect(await sessionRows(maya.session.sessionId)).toBe(0);
    // Gone means gone: vault endpoints and the live stream refuse it too.
    for (const path of ["/api/v1/vaults", `/api/v1/vaults/${vault.vaultId}/events`]) {
      expectError(
        await c.request({ method: "GET", path, token: maya.session.token }),
        401,
        "unauthenticated",
      );
    }
    const stream = await openEventStream(harness().url, maya.session.token, vault.vaultId, 0);
    expect(stream.status).toBe(401);
    await stream.ended;

    // The laptop, used within the limit, goes on, and its use counts as use again.
    const fine = await account(laptop);
    expect(fine.status).toBe(200);
    const { rows } = await db().query<{ idle: number }>(
      "SELECT extract(epoch FROM now() - last_seen_at) AS idle FROM sessions WHERE id = $1",
      [laptop.session.sessionId],
    );
    expect(Number(rows[0]!.idle)).toBeLessThan(LAST_SEEN_RESOLUTION_SECONDS);
    // The device list shows the one device still signed in.
    expect(
      (fine.body as { devices: { sessionId: string }[] }).devices.map((d) => d.sessionId),
    ).toEqual([laptop.session.sessionId]);
  });

  it("a live stream opened before a session aged out ends at its next check, and tells it nothing more", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const vault = await c.createVault(maya);
    const laptop = await c.login({ username: maya.username, password: maya.password });
    const stream = await openEventStream(harness().url, maya.session.token, vault.vaultId, 0);
    expect(stream.status).toBe(200);
    await age(maya.session.sessionId, { lastSeen: 30 * DAY + 60, created: 40 * DAY });
    await c.append(laptop, vault.vaultId, c.seal(vault, ["written on the laptop"]));
    await stream.ended;
    expect(stream.frames.some((f) => f.event === "events")).toBe(false);
  });

  it("a session older than the maximum age ends however much it is used", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const laptop = await c.login({ username: maya.username, password: maya.password });
    // Both were used a moment ago; the phone signed in 180 days and a minute ago.
    await age(maya.session.sessionId, { lastSeen: 0, created: 180 * DAY + 60 });
    await age(laptop.session.sessionId, { lastSeen: 0, created: 179 * DAY });
    expect(expectError(await account(maya), 401, "unauthenticated")).toMatch(/expired/);
    expect(await sessionRows(maya.session.sessionId)).toBe(0);
    expect((await account(laptop)).status).toBe(200);
    // Signing in again gives a new session, with a new maximum age.
    const again = await c.login({ username: maya.username, password: maya.password });
    expect((await account({ session: again.session })).status).toBe(200);
  });

  it("another device's list leaves out sessions that ended by age, before any sweep", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const old = await c.login({ username: maya.username, password: maya.password });
    await age(old.session.sessionId, { lastSeen: 31 * DAY, created: 31 * DAY });
    const { devices } = await c.account(maya);
    expect(devices.map((d) => d.sessionId)).toEqual([maya.session.sessionId]);
    expect(await sessionRows(old.session.sessionId)).toBe(1); // not yet swept
  });

  it("writes last use at most once a minute, not on every request", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const version = async () => {
      // xmin changes with every write of the row, even one that changes no value.
      const { rows } = await db().query<{ v: string; seen: unknown }>(
        "SELECT xmin::text AS v, last_seen_at AS seen FROM sessions WHERE id = $1",
        [maya.session.sessionId],
      );
      return { v: rows[0]!.v, seen: String(rows[0]!.seen) };
    };
    await age(maya.session.sessionId, { lastSeen: LAST_SEEN_RESOLUTION_SECONDS - 20 });
    const before = await version();
    for (let i = 0; i < 5; i += 1) expect((await account(maya)).status).toBe(200);
    await c.listVaults(maya);
    expect(await version()).toEqual(before);

    // Over a minute old: the next request writes it, once.
    await age(maya.session.sessionId, { lastSeen: LAST_SEEN_RESOLUTION_SECONDS + 20 });
    const stale = await version();
    expect((await account(maya)).status).toBe(200);
    const written = await version();
    expect(written.v).not.toBe(stale.v);
    for (let i = 0; i < 3; i += 1) expect((await account(maya)).status).toBe(200);
    expect(await version()).toEqual(written);
  });

  it("housekeeping deletes sessions past their idle limit or maximum age, and keeps the rest", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const signIn = () => c.login({ username: maya.username, password: maya.password });
    const [idle, old, recent, longLived] = await Promise.all([
      signIn(),
      signIn(),
      signIn(),
      signIn(),
    ]);
    await age(idle!.session.sessionId, { lastSeen: 30 * DAY + 60, created: 60 * DAY });
    await age(old!.session.sessionId, { lastSeen: 60, created: 180 * DAY + 60 });
    await age(recent!.session.sessionId, { lastSeen: 29 * DAY, created: 29 * DAY });
    await age(longLived!.session.sessionId, { lastSeen: 60, created: 179 * DAY });
    await sweepExpired(db(), 900);
    expect(await sessionRows(idle!.session.sessionId)).toBe(0);
    expect(await sessionRows(old!.session.sessionId)).toBe(0);
    expect(await sessionRows(recent!.session.sessionId)).toBe(1);
    expect(await sessionRows(longLived!.session.sessionId)).toBe(1);
    expect(await sessionRows(maya.session.sessionId)).toBe(1);

    // With a shorter configured lifetime, the sweep follows it.
    await sweepExpired(db(), 900, { idleSeconds: 20 * DAY, maxAgeSeconds: 100 * DAY });
    expect(await sessionRows(recent!.session.sessionId)).toBe(0);
    expect(await sessionRows(longLived!.session.sessionId)).toBe(0);
    expect(await sessionRows(maya.session.sessionId)).toBe(1);
  });

  it("the limits come from the configuration", async () => {
    const c = client();
    const app = buildApp({
      db: db(),
      secrets: harness().secrets,
      config: { ...TEST_APP_CONFIG, sessionIdleSeconds: 3600, sessionMaxAgeSeconds: 2 * 3600 },
      logger: false,
      rateLimits: LOOSE_RATE_LIMITS,
    });
    try {
      await app.ready();
      const short = new TestClient(injectTransport(app));
      const maya = await c.register({ username: uniqueName("maya") });
      const signIn = () => c.login({ username: maya.username, password: maya.password });
      const [idle, old] = [await signIn(), await signIn()];
      const get = (to: TestClient, who: { session: TestAccount["session"] }) =>
        to.request({ method: "GET", path: "/api/v1/account", token: who.session.token });

      // 90 minutes unused: fine by the defaults, over this server's hour.
      await age(idle.session.sessionId, { lastSeen: 90 * 60, created: 90 * 60 });
      expect((await get(c, idle)).status).toBe(200);
      await age(idle.session.sessionId, { lastSeen: 90 * 60, created: 90 * 60 });
      expectError(await get(short, idle), 401, "unauthenticated");
      // Signed in three hours ago, used just now: over this server's two hours.
      await age(old.session.sessionId, { lastSeen: 0, created: 3 * 3600 });
      expect((await get(c, old)).status).toBe(200);
      expectError(await get(short, old), 401, "unauthenticated");
      // A session within both limits works on the stricter server too.
      expect((await get(short, maya)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
}
