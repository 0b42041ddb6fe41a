/**
 * The hot routes' access cache (access-cache.ts) on one instance, both
 * backends: warm entries never outlive a sign-out or a removal made here,
 * and the statements that do the work refuse what the cache would still let
 * through (a change made behind its back, as another instance would), and
 * live streams of one vault share one access check per notice.
 */
import { expect, it } from "vitest";
import { liveStats } from "../app.ts";
import type { Db } from "../db/types.ts";
import {
  type ApiResponse,
  noticeUpTo,
  openEventStream,
  type TestAccount,
  type TestVault,
} from "./client.ts";
import { type Harness, uniqueName } from "./harness.ts";

function reasonOf(response: ApiResponse): string {
  return (response.body as { error: { reason: string } }).error.reason;
}

export function defineAccessCacheSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const append = (who: Pick<TestAccount, "session">, vault: TestVault, text: string) =>
    client().request({
      method: "POST",
      path: `/api/v1/vaults/${vault.vaultId}/events`,
      token: who.session.token,
      body: { events: client().seal(vault, [text]) },
    });
  const pull = (who: Pick<TestAccount, "session">, vault: TestVault) =>
    client().request({
      method: "GET",
      path: `/api/v1/vaults/${vault.vaultId}/events`,
      token: who.session.token,
    });

  /** Maya's vault, Sam an active partner, both having appended and pulled (so both are cached). */
  async function warmSharedVault() {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const sam = await c.register({ username: uniqueName("sam") });
    const vault = await c.createVault(maya);
    await c.acceptInvite(sam, await c.invite(maya, vault.vaultId, "partner"));
    await c.grant(maya, vault, [{ accountId: sam.accountId, boxKey: sam.publicIdentity.boxKey }]);
    for (const who of [maya, sam]) {
      expect((await append(who, vault, "warm")).status).toBe(200);
      expect((await pull(who, vault)).status).toBe(200);
    }
    return { maya, sam, vault };
  }

  it("keeps callers and memberships of the hot routes", async () => {
    const before = liveStats(harness().app).cached;
    await warmSharedVault();
    const after = liveStats(harness().app).cached;
    expect(after.sessions).toBeGreaterThanOrEqual(before.sessions + 2);
    expect(after.memberships).toBeGreaterThanOrEqual(before.memberships + 2);
  });

  it("a device signed out is refused at once, though it was cached", async () => {
    const c = client();
    const { maya, vault } = await warmSharedVault();
    const laptop = await c.login({ username: maya.username, password: maya.password });
    expect((await append(laptop, vault, "from the laptop")).status).toBe(200);
    const signOut = await c.signOutAndErase(maya, laptop.session.sessionId);
    expect(signOut.status).toBe(204);
    for (const response of [await append(laptop, vault, "after"), await pull(laptop, vault)]) {
      expect(response.status).toBe(401);
      expect(reasonOf(response)).toBe("signed-out-elsewhere");
    }
    // Signing out this device itself ("current") too.
    await c.request({
      method: "DELETE",
      path: "/api/v1/sessions/current",
      token: maya.session.token,
    });
    expect((await append(maya, vault, "after")).status).toBe(401);
  });

  it("a removed member is refused at once, though cached: the same 404 as a stranger", async () => {
    const c = client();
    const { maya, sam, vault } = await warmSharedVault();
    await c.removeMember(maya, vault.vaultId, sam.accountId);
    for (const response of [await append(sam, vault, "after"), await pull(sam, vault)]) {
      expect(response.status).toBe(404);
      expect(reasonOf(response)).toBe("not-found");
    }
  });

  it("a change behind the cache's back (as on another instance) is refused by the statement itself", async () => {
    const c = client();
    const { maya, sam, vault } = await warmSharedVault();
    // A second vault Sam shares, and a second device of Maya's, all warm:
    // each refusal below is then met with a warm entry (a refusal forgets
    // the entries it concerns, so each request gets its own).
    const other = await c.createVault(maya);
    await c.acceptInvite(sam, await c.invite(maya, other.vaultId, "partner"));
    await c.grant(maya, other, [{ accountId: sam.accountId, boxKey: sam.publicIdentity.boxKey }]);
    const laptop = await c.login({ username: maya.username, password: maya.password });
    for (const [who, v] of [
      [sam, other],
      [laptop, vault],
    ] as const) {
      expect((await append(who, v, "warm")).status).toBe(200);
      expect((await pull(who, v)).status).toBe(200);
    }
    const cached = liveStats(harness().app).cached;
    // Nothing on this instance hears of these: only the database knows.
    await harness().db.query("DELETE FROM memberships WHERE account_id = $1", [sam.accountId]);
    await harness().db.query("DELETE FROM sessions WHERE account_id = $1", [maya.accountId]);
    expect(liveStats(harness().app).cached).toEqual(cached);
    expect((await pull(sam, vault)).status).toBe(404);
    expect((await append(sam, other, "x")).status).toBe(404);
    for (const response of [await pull(maya, vault), await append(laptop, vault, "x")]) {
      expect(response.status).toBe(401);
      expect(reasonOf(response)).toBe("unauthenticated");
    }
    // And nothing was stored by either.
    const { rows } = await harness().db.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM vault_events WHERE vault_id = ANY ($1::uuid[])",
      [[vault.vaultId, other.vaultId]],
    );
    expect(Number(rows[0]!.n)).toBe(4);
  });

  it("a circle viewer's cached right to append ends with the membership, on this instance and behind its back", async () => {
    const c = client();
    const maya = await c.register({ username: uniqueName("maya") });
    const mum = await c.register({ username: uniqueName("mum") });
    const dad = await c.register({ username: uniqueName("dad") });
    const circle = await c.createVault(maya, undefined, { kind: "circle" });
    for (const viewer of [mum, dad]) {
      await c.acceptInvite(viewer, await c.invite(maya, circle.vaultId, "viewer"));
    }
    await c.grant(
      maya,
      circle,
      [mum, dad].map((v) => ({ accountId: v.accountId, boxKey: v.publicIdentity.boxKey })),
    );
    // Viewers' appends go through the cache like anyone's (sealed here with the
    // owner's copy of the key: the server can't tell, and doesn't try).
    for (const viewer of [mum, dad])
      expect((await append(viewer, circle, "a reply")).status).toBe(200);
    await c.removeMember(maya, circle.vaultId, mum.accountId);
    await harness().db.query("DELETE FROM memberships WHERE vault_id = $1 AND account_id = $2", [
      circle.vaultId,
      dad.accountId,
    ]);
    for (const viewer of [mum, dad]) {
      const response = await append(viewer, circle, "after");
      expect(response.status).toBe(404);
      expect(reasonOf(response)).toBe("not-found");
    }
    const { rows } = await harness().db.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM vault_events WHERE vault_id = $1",
      [circle.vaultId],
    );
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it("the streams of one vault share one access check per notice", async () => {
    const c = client();
    const { maya, vault } = await warmSharedVault();
    const devices = [
      maya,
      ...(await Promise.all(
        [1, 2].map(() => c.login({ username: maya.username, password: maya.password })),
      )),
    ];
    // An instance of its own, with pings too far apart to count here.
    const app = await harness().buildApp({ streamPingMs: 60_000 });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    // Opened at the end of the log: nothing to tell until the append.
    const latest = (await c.pull(maya, vault.vaultId)).next;
    const streams = await Promise.all(
      devices.flatMap((d) =>
        [0, 1].map(() => openEventStream(address, d.session.token, vault.vaultId, latest)),
      ),
    );
    try {
      expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
      const before = liveStats(app).checkQueries;
      const { results } = await c.append(maya, vault.vaultId, c.seal(vault, ["one notice"]));
      for (const s of streams) await s.waitFor((f) => (noticeUpTo(f) ?? 0) >= results[0]!.seq);
      expect(liveStats(app).checkQueries - before).toBe(1);
    } finally {
      for (const s of streams) s.close();
    }
  });
}
