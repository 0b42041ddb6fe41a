/**
 * Issue 12, quotas: bytes per vault and per account (413), entries per day
 * per vault and per account, live streams per session and invites waiting
 * (429), each with its reason; a refused append stores nothing. Small limits
 * through the app's config. Run against both backends.
 */
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { Db } from "../db/types.ts";
import type { Quotas } from "../quotas/config.ts";
import {
  ApiFailure,
  fetchTransport,
  injectTransport,
  LOOSE_RATE_LIMITS,
  openEventStream,
  TestClient,
} from "./client.ts";
import { type Harness, TEST_APP_CONFIG, uniqueName } from "./harness.ts";

async function refusal(promise: Promise<unknown>): Promise<ApiFailure> {
  const failure = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(ApiFailure);
  return failure as ApiFailure;
}

export function defineQuotaSuite(_kind: Db["kind"], harness: () => Harness): void {
  /** An app on the harness database with these quotas, listening on a free port. */
  async function withQuotas<T>(
    quotas: Partial<Quotas>,
    run: (c: TestClient, url: string, app: FastifyInstance) => Promise<T>,
  ): Promise<T> {
    const app = buildApp({
      db: harness().db,
      secrets: harness().secrets,
      config: { ...TEST_APP_CONFIG, quotas },
      logger: false,
      rateLimits: LOOSE_RATE_LIMITS,
      streamPingMs: 200,
    });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return await run(new TestClient(injectTransport(app)), url, app);
    } finally {
      await app.close();
    }
  }

  const eventCount = async (vaultId: string) =>
    Number(
      (
        await harness().db.query<{ n: unknown }>(
          "SELECT count(*) AS n FROM vault_events WHERE vault_id = $1",
          [vaultId],
        )
      ).rows[0]!.n,
    );

  it("a vault over its byte quota answers 413 vault-storage-full and stores nothing", async () => {
    await withQuotas({ vaultBytes: 3000 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const vault = await c.createVault(maya);
      const kib = "x".repeat(1000);
      await c.append(maya, vault.vaultId, c.seal(vault, [kib]));
      await c.append(maya, vault.vaultId, c.seal(vault, [kib]));
      const failure = await refusal(c.append(maya, vault.vaultId, c.seal(vault, [kib, kib])));
      expect(failure.status).toBe(413);
      expect(failure.reason).toBe("vault-storage-full");
      expect(await eventCount(vault.vaultId)).toBe(2);
      // Small things still fit.
      await c.append(maya, vault.vaultId, c.seal(vault, ["ok"]));
    });
  });

  it("the vaults an account owns share its byte quota: 413 account-storage-full", async () => {
    await withQuotas({ accountBytes: 2500 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const first = await c.createVault(maya);
      const second = await c.createVault(maya);
      const kib = "x".repeat(1000);
      await c.append(maya, first.vaultId, c.seal(first, [kib, kib]));
      const failure = await refusal(c.append(maya, second.vaultId, c.seal(second, [kib])));
      expect(failure.status).toBe(413);
      expect(failure.reason).toBe("account-storage-full");
      expect(await eventCount(second.vaultId)).toBe(0);
    });
  });

  it("entries per day per vault answer 429 daily-entry-limit; resent entries don't count", async () => {
    await withQuotas({ vaultEntriesPerDay: 5 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const vault = await c.createVault(maya);
      const three = c.seal(vault, ["1", "2", "3"]);
      await c.append(maya, vault.vaultId, three);
      await c.append(maya, vault.vaultId, three); // a resend stores nothing, counts nothing
      const failure = await refusal(c.append(maya, vault.vaultId, c.seal(vault, ["4", "5", "6"])));
      expect(failure.status).toBe(429);
      expect(failure.reason).toBe("daily-entry-limit");
      expect(failure.retryAfter).toBeGreaterThan(0);
      expect(failure.retryAfter).toBeLessThanOrEqual(24 * 60 * 60);
      expect(await eventCount(vault.vaultId)).toBe(3);
      // The refused batch was not counted: two more still fit today.
      await c.append(maya, vault.vaultId, c.seal(vault, ["4", "5"]));
      expect(await eventCount(vault.vaultId)).toBe(5);
    });
  });

  it("entries per day per account count every vault the account writes to", async () => {
    await withQuotas({ accountEntriesPerDay: 3 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const first = await c.createVault(maya);
      const second = await c.createVault(maya);
      await c.append(maya, first.vaultId, c.seal(first, ["1", "2"]));
      const failure = await refusal(c.append(maya, second.vaultId, c.seal(second, ["3", "4"])));
      expect(failure.status).toBe(429);
      expect(failure.reason).toBe("daily-entry-limit");
      await c.append(maya, second.vaultId, c.seal(second, ["3"]));
    });
  });

  it("live streams per session answer 429 stream-limit; closing one frees a place", async () => {
    await withQuotas({ streamsPerSession: 2 }, async (c, url) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const vault = await c.createVault(maya);
      const one = await openEventStream(url, maya.session.token, vault.vaultId, 0);
      const two = await openEventStream(url, maya.session.token, vault.vaultId, 0);
      try {
        expect(one.status).toBe(200);
        expect(two.status).toBe(200);
        const three = await openEventStream(url, maya.session.token, vault.vaultId, 0);
        expect(three.status).toBe(429);
        // Another device of the same account has its own allowance.
        const laptop = await new TestClient(fetchTransport(url)).login({
          username: maya.username,
          password: maya.password,
        });
        const other = await openEventStream(url, laptop.session.token, vault.vaultId, 0);
        expect(other.status).toBe(200);
        other.close();
        one.close();
        await one.ended;
        // The server notices the closed stream; then there is room again.
        let again = await openEventStream(url, maya.session.token, vault.vaultId, 0);
        for (let i = 0; i < 50 && again.status === 429; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          again = await openEventStream(url, maya.session.token, vault.vaultId, 0);
        }
        expect(again.status).toBe(200);
        again.close();
      } finally {
        one.close();
        two.close();
      }
    });
  });

  it("invites waiting per vault answer 429 invite-limit; revoking one frees a place", async () => {
    await withQuotas({ pendingInvitesPerVault: 2 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const vault = await c.createVault(maya);
      const first = await c.invite(maya, vault.vaultId);
      await c.invite(maya, vault.vaultId);
      const failure = await refusal(c.invite(maya, vault.vaultId));
      expect(failure.status).toBe(429);
      expect(failure.reason).toBe("invite-limit");
      await c.call(undefined, {
        method: "DELETE",
        path: `/api/v1/vaults/${vault.vaultId}/invites/${first.inviteId}`,
        token: maya.session.token,
      });
      await c.invite(maya, vault.vaultId);
    });
  });

  it("invites waiting per account count across the account's vaults", async () => {
    await withQuotas({ pendingInvitesPerAccount: 2 }, async (c) => {
      const maya = await c.register({ username: uniqueName("maya") });
      const first = await c.createVault(maya);
      const second = await c.createVault(maya);
      await c.invite(maya, first.vaultId);
      await c.invite(maya, second.vaultId);
      const failure = await refusal(c.invite(maya, second.vaultId));
      expect(failure.reason).toBe("invite-limit");
    });
  });
}
