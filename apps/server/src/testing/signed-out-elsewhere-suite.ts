/**
 * A device signed out from another device of its account ("I lost my
 * phone"), run against both backends: its token is then refused with
 * `signed-out-elsewhere` (not `unauthenticated`), and the device can ask,
 * with only the hash of its token, whether that happened
 * (`POST /sessions/ended`). Housekeeping forgets the hash once the session
 * would have reached its maximum age anyway.
 */
import { createHash, randomBytes } from "node:crypto";
import { deriveIdentity, signSignOut, verifySignOut } from "@trellis/crypto";
import { expect, it } from "vitest";
import { DEFAULT_SESSION_LIFETIME } from "../auth/sessions.ts";
import type { Db } from "../db/types.ts";
import { sweepExpired } from "../housekeeping.ts";
import type { TestAccount } from "./client.ts";
import { expectError } from "./expect.ts";
import { type Harness, uniqueName } from "./harness.ts";

/** base64url of SHA-256 of the token's bytes, as a device works it out. */
const hashOf = (token: string) =>
  createHash("sha256").update(Buffer.from(token, "base64url")).digest("base64url");

export function defineSignedOutElsewhereSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;
  type Signed = Pick<TestAccount, "session" | "accountId" | "identity">;
  const account = (who: Signed) =>
    client().request({ method: "GET", path: "/api/v1/account", token: who.session.token });
  /** The account's signature on erasing that session, as the device asking makes it. */
  const erasing = (by: Signed, sessionId: string) =>
    Buffer.from(
      signSignOut({ accountId: by.accountId, sessionId }, by.identity.signing.secretKey),
    ).toString("base64url");
  /** "Sign out and erase" (signed), or a plain sign-out with `{ signed: false }`. */
  const signOut = (by: Signed, sessionId: string, how: { signed?: boolean; body?: unknown } = {}) =>
    client().request({
      method: "DELETE",
      path: `/api/v1/sessions/${sessionId}`,
      token: by.session.token,
      ...(how.body !== undefined
        ? { body: how.body }
        : how.signed !== false &&
          sessionId !== "current" && { body: { signature: erasing(by, sessionId) } }),
    });
  const ended = (body: unknown) =>
    client().request({ method: "POST", path: "/api/v1/sessions/ended", body });
  const endedRows = async () =>
    Number(
      (await db().query<{ n: unknown }>("SELECT count(*) AS n FROM sessions_ended_elsewhere"))
        .rows[0]!.n,
    );

  /** Another device of `who`'s account: it derives the same identity from the root key. */
  async function signIn(who: TestAccount) {
    const signed = await client().login({ username: who.username, password: who.password });
    return { ...signed, identity: deriveIdentity(signed.rootKey) };
  }

  /** An account signed in on a phone (registration) and a laptop. */
  async function twoDevices() {
    const phone = await client().register({ username: uniqueName("maya") });
    const laptop = await signIn(phone);
    return { phone, laptop };
  }

  it("a device signed out from another is refused with signed-out-elsewhere, and asking says so", async () => {
    const { phone, laptop } = await twoDevices();
    expect((await ended({ tokenHash: hashOf(phone.session.token) })).body).toEqual({
      endedElsewhere: false,
    });

    expect((await signOut(laptop, phone.session.sessionId)).status).toBe(204);

    const refused = await account(phone);
    expectError(refused, 401, "signed-out-elsewhere");
    expect(refused.headers["www-authenticate"]).toBe("Bearer");
    expect(refused.text).not.toContain(phone.session.token);
    const vaults = await client().request({
      method: "GET",
      path: "/api/v1/vaults",
      token: phone.session.token,
    });
    expectError(vaults, 401, "signed-out-elsewhere");

    const asked = await ended({ tokenHash: hashOf(phone.session.token) });
    expect(asked.status, asked.text).toBe(200);
    const answer = asked.body as { endedElsewhere: boolean; signature: string };
    expect(answer).toEqual({ endedElsewhere: true, signature: expect.any(String) });
    // The phone checks it with what it knows: its account, its session, the account's key.
    const signature = Buffer.from(answer.signature, "base64url");
    const address = { accountId: phone.accountId, sessionId: phone.session.sessionId };
    expect(verifySignOut(address, signature, phone.identity.signing.publicKey)).toBe(true);
    // The device that did it carries on.
    expect((await account(laptop)).status).toBe(200);
    expect((await ended({ tokenHash: hashOf(laptop.session.token) })).body).toEqual({
      endedElsewhere: false,
    });
  });

  it("signing oneself out, or a session that ended by age, is a plain unauthenticated", async () => {
    const { phone, laptop } = await twoDevices();
    expect((await signOut(phone, "current")).status).toBe(204);
    expectError(await account(phone), 401, "unauthenticated");
    expect((await ended({ tokenHash: hashOf(phone.session.token) })).body).toEqual({
      endedElsewhere: false,
    });
    // Naming its own session by id is the same as "current".
    expect((await signOut(laptop, laptop.session.sessionId)).status).toBe(204);
    expectError(await account(laptop), 401, "unauthenticated");
    expect((await ended({ tokenHash: hashOf(laptop.session.token) })).body).toEqual({
      endedElsewhere: false,
    });
  });

  it("without the account's signature a device is only signed out, never told to erase", async () => {
    const { phone, laptop } = await twoDevices();
    expect((await signOut(laptop, phone.session.sessionId, { signed: false })).status).toBe(204);
    expectError(await account(phone), 401, "unauthenticated");
    expect((await ended({ tokenHash: hashOf(phone.session.token) })).body).toEqual({
      endedElsewhere: false,
    });
  });

  it("a signature that is not the account's, or not for that session, is refused and changes nothing", async () => {
    const { phone, laptop } = await twoDevices();
    const tablet = await signIn(phone);
    const stranger = await client().register({ username: uniqueName("sam") });
    const before = await endedRows();
    const wrong: [string, unknown][] = [
      [
        "another account's key",
        { signature: erasing({ ...laptop, identity: stranger.identity }, phone.session.sessionId) },
      ],
      ["another session", { signature: erasing(laptop, tablet.session.sessionId) }],
      [
        "another account id",
        {
          signature: erasing({ ...laptop, accountId: stranger.accountId }, phone.session.sessionId),
        },
      ],
      ["random bytes", { signature: randomBytes(64).toString("base64url") }],
    ];
    for (const [what, body] of wrong) {
      const r = await signOut(laptop, phone.session.sessionId, { body });
      expect(expectError(r, 400, "invalid-request"), what).toMatch(
        /signature is not this account's/,
      );
    }
    const shapes: [unknown, RegExp][] = [
      [{}, /signature is required/],
      [{ signature: 1 }, /signature must be text/],
      [{ signature: randomBytes(32).toString("base64url") }, /signature must be 64 bytes/],
      [{ signature: erasing(laptop, phone.session.sessionId), more: 1 }, /more is not/],
    ];
    for (const [body, message] of shapes) {
      const r = await signOut(laptop, phone.session.sessionId, { body });
      expect(expectError(r, 400, "invalid-request"), JSON.stringify(body)).toMatch(message);
    }
    expect(await endedRows()).toBe(before);
    expect((await account(phone)).status).toBe(200);
    expect((await account(tablet)).status).toBe(200);
  });

  it("another account's session cannot be signed out, and leaves no trace", async () => {
    const { phone } = await twoDevices();
    const stranger = await client().register({ username: uniqueName("sam") });
    const before = await endedRows();
    expectError(await signOut(stranger, phone.session.sessionId), 404, "not-found");
    expect(await endedRows()).toBe(before);
    expect((await account(phone)).status).toBe(200);
  });

  it("an unknown hash answers false; the table holds only hashes", async () => {
    const unknown = randomBytes(32).toString("base64url");
    expect((await ended({ tokenHash: unknown })).body).toEqual({ endedElsewhere: false });
    const { phone, laptop } = await twoDevices();
    await signOut(laptop, phone.session.sessionId);
    const { rows } = await db().query<{ token_hash: Uint8Array }>(
      "SELECT token_hash FROM sessions_ended_elsewhere",
    );
    const stored = rows.map((r) => Buffer.from(r.token_hash).toString("base64url"));
    expect(stored).toContain(hashOf(phone.session.token));
    expect(stored).not.toContain(phone.session.token);
  });

  it("bad input is a clear 400, never a 500", async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /tokenHash is required/],
      [{ tokenHash: 42 }, /tokenHash must be text/],
      [{ tokenHash: "not base64url!" }, /tokenHash must be unpadded base64url/],
      [{ tokenHash: randomBytes(16).toString("base64url") }, /tokenHash must be 32 bytes/],
      [{ tokenHash: "A".repeat(65) }, /tokenHash must be at most 64 characters/],
      [{ tokenHash: hashOf(randomBytes(32).toString("base64url")), more: 1 }, /more is not/],
      [[], /request body must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const r = await ended(body);
      expect(expectError(r, 400, "invalid-request"), JSON.stringify(body)).toMatch(message);
    }
    const query = await client().request({
      method: "POST",
      path: "/api/v1/sessions/ended?x=1",
      body: { tokenHash: randomBytes(32).toString("base64url") },
    });
    expectError(query, 400, "invalid-request");
    const text = await client().request({
      method: "POST",
      path: "/api/v1/sessions/ended",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });

  it("asking is rate-limited per address", async () => {
    const strict = await harness().buildApp({
      rateLimits: { sessionEndedPerAddress: { limit: 2, windowSeconds: 900 } },
    });
    const address = `10.8.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const ask = () =>
      strict.inject({
        method: "POST",
        url: "/api/v1/sessions/ended",
        remoteAddress: address,
        payload: { tokenHash: randomBytes(32).toString("base64url") },
      });
    expect((await ask()).statusCode).toBe(200);
    expect((await ask()).statusCode).toBe(200);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.reason).toBe("rate-limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("housekeeping forgets a hash once the session would have reached its maximum age", async () => {
    const { phone, laptop } = await twoDevices();
    const tablet = await signIn(phone);
    await signOut(laptop, phone.session.sessionId);
    await signOut(laptop, tablet.session.sessionId);
    const max = DEFAULT_SESSION_LIFETIME.maxAgeSeconds;
    // The phone's was ended just over the maximum age ago; the tablet's just under.
    await db().query(
      "UPDATE sessions_ended_elsewhere SET ended_at = now() - make_interval(secs => $2::double precision) WHERE token_hash = $1",
      [Buffer.from(hashOf(phone.session.token), "base64url"), max + 60],
    );
    await db().query(
      "UPDATE sessions_ended_elsewhere SET ended_at = now() - make_interval(secs => $2::double precision) WHERE token_hash = $1",
      [Buffer.from(hashOf(tablet.session.token), "base64url"), max - 60],
    );
    await sweepExpired(db(), 900);
    expect((await ended({ tokenHash: hashOf(phone.session.token) })).body).toEqual({
      endedElsewhere: false,
    });
    expect((await ended({ tokenHash: hashOf(tablet.session.token) })).body).toEqual({
      endedElsewhere: true,
      signature: erasing(laptop, tablet.session.sessionId),
    });
    // Forgotten, the old token is simply not a session any more.
    expectError(await account(phone), 401, "unauthenticated");
    expectError(await account(tablet), 401, "signed-out-elsewhere");
  });
}
