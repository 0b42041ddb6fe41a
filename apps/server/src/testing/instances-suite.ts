/**
 * Two stateless instances on one PostgreSQL (docs/scaling.md): what one does
 * the other sees at once. An append through one reaches a live stream and a
 * pull on the other; a device signed out or a member removed through one is
 * refused by the other although the other has them in its access cache.
 */
import { expect, it } from "vitest";
import { liveStats } from "../app.ts";
import {
  type ApiResponse,
  fetchTransport,
  noticeUpTo,
  openEventStream,
  type TestAccount,
  TestClient,
  type TestVault,
} from "./client.ts";
import { type Harness, uniqueName } from "./harness.ts";
import { twoServers } from "./two-servers.ts";

const reasonOf = (response: ApiResponse) =>
  (response.body as { error: { reason: string } }).error.reason;

export function defineInstancesSuite(harness: () => Harness): void {
  const append = (c: TestClient, who: Pick<TestAccount, "session">, vault: TestVault) =>
    c.request({
      method: "POST",
      path: `/api/v1/vaults/${vault.vaultId}/events`,
      token: who.session.token,
      body: { events: c.seal(vault, ["x"]) },
    });
  const pull = (c: TestClient, who: Pick<TestAccount, "session">, vault: TestVault) =>
    c.request({
      method: "GET",
      path: `/api/v1/vaults/${vault.vaultId}/events`,
      token: who.session.token,
    });

  it("append through one: the other's live stream and pull see it; signed out through one: refused by the other at once", async () => {
    const [one, two] = await twoServers(harness());
    try {
      const c1 = new TestClient(fetchTransport(one.url));
      const c2 = new TestClient(fetchTransport(two.url));
      const maya = await c1.register({ username: uniqueName("maya") });
      const vault = await c1.createVault(maya);
      const laptop = await c1.login({ username: maya.username, password: maya.password });
      const tablet = await c1.login({ username: maya.username, password: maya.password });
      // Both work through instance two, which now has them cached.
      for (const device of [laptop, tablet]) {
        expect((await append(c2, device, vault)).status).toBe(200);
        expect((await pull(c2, device, vault)).status).toBe(200);
      }
      expect(liveStats(two.app).cached.sessions).toBeGreaterThanOrEqual(2);
      const stream = await openEventStream(two.url, laptop.session.token, vault.vaultId);
      try {
        const { results } = await c1.append(maya, vault.vaultId, c1.seal(vault, ["from one"]));
        const seq = results[0]!.seq;
        await stream.waitFor((f) => (noticeUpTo(f) ?? 0) >= seq, 2_000);
        const page = await c2.pull(laptop, vault.vaultId);
        expect(page.events.map((e) => e.seq)).toContain(seq);

        // Both signed out through instance one.
        for (const device of [laptop, tablet]) {
          const out = await c1.signOutAndErase(maya, device.session.sessionId);
          expect(out.status).toBe(204);
        }
        // Instance two never heard of it, and refuses at once: a pull from
        // one, an append from the other, each met with a warm cache entry.
        for (const response of [await pull(c2, laptop, vault), await append(c2, tablet, vault)]) {
          expect(response.status).toBe(401);
          expect(reasonOf(response)).toBe("signed-out-elsewhere");
        }
        // Its open stream ends at its next check (the next notice or ping).
        await c1.append(maya, vault.vaultId, c1.seal(vault, ["after"]));
        await stream.ended;
        const again = await openEventStream(two.url, laptop.session.token, vault.vaultId);
        expect(again.status).toBe(401);
      } finally {
        stream.close();
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("a member removed through one is refused by the other at once, though cached there", async () => {
    const [one, two] = await twoServers(harness());
    try {
      const c1 = new TestClient(fetchTransport(one.url));
      const c2 = new TestClient(fetchTransport(two.url));
      const maya = await c1.register({ username: uniqueName("maya") });
      const sam = await c1.register({ username: uniqueName("sam") });
      const vaults = [await c1.createVault(maya), await c1.createVault(maya)] as const;
      for (const vault of vaults) {
        await c1.acceptInvite(sam, await c1.invite(maya, vault.vaultId, "partner"));
        await c1.grant(maya, vault, [
          { accountId: sam.accountId, boxKey: sam.publicIdentity.boxKey },
        ]);
        expect((await append(c2, sam, vault)).status).toBe(200);
        expect((await pull(c2, sam, vault)).status).toBe(200);
      }
      for (const vault of vaults) await c1.removeMember(maya, vault.vaultId, sam.accountId);
      // A pull in one vault, an append in the other: each meets a warm entry on two.
      expect((await pull(c2, sam, vaults[0])).status).toBe(404);
      expect((await append(c2, sam, vaults[1])).status).toBe(404);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
}
