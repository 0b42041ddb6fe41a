/**
 * Accounts, run against both backends: OPAQUE registration and sign-in,
 * sessions and devices, password change, recovery, deletion, rate limits,
 * server secrets, input validation and logging.
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import * as opaque from "@serenity-kit/opaque";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { DEFAULT_RATE_LIMITS } from "../auth/rate-limit.ts";
import type { Db } from "../db/types.ts";
import { sweepExpired } from "../housekeeping.ts";
import {
  ApiFailure,
  type ApiRequest,
  clientReady,
  FAST_KEY_STRETCHING,
  injectTransport,
  type TestAccount,
  TestClient,
  type Transport,
  WrongPasswordError,
} from "./client.ts";
import { count, expectError } from "./expect.ts";
import { failingQueryDb } from "./fake-db.ts";
import { type Harness, TEST_APP_CONFIG, uniqueName } from "./harness.ts";

const post = (path: string, body: unknown, token?: string): ApiRequest => ({
  method: "POST",
  path: `/api/v1${path}`,
  body,
  ...(token === undefined ? {} : { token }),
});

/** A root key wrap's shape (version 1, purpose byte, random rest): what the server can check. */
export const wrapShaped = (purpose: 1 | 2) =>
  Buffer.concat([Buffer.from([1, purpose]), randomBytes(72)]).toString("base64url");

/** A fresh client address for each rate-limit test, so tests don't share counters. */
const uniqueAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** Every text and bytea column of a row, as text, to search for things that must not be there. */
function rowText(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((value) =>
      value instanceof Uint8Array
        ? `${Buffer.from(value).toString("base64url")} ${Buffer.from(value).toString("latin1")}`
        : String(value),
    )
    .join(" ");
}

export function defineAccountSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;

  /** Starts an OPAQUE login by hand, so tests can tamper with the steps. */
  const startLogin = async (c: TestClient, username: string, password: string) => {
    await clientReady();
    const { clientLoginState, startLoginRequest } = opaque.client.startLogin({ password });
    const response = await c.request(post("/sessions/start", { username, startLoginRequest }));
    return { response, clientLoginState, startLoginRequest };
  };

  describe("registration", () => {
    it("keeps an OPAQUE record, the wrapped root key and public keys; never the password or the token", async () => {
      const password = `correct horse ${randomUUID()}`;
      const name = uniqueName("Maya");
      const maya = await client().register({ username: name, password });
      expect(maya.username).toBe(name.toLowerCase());

      const { rows } = await db().query<Record<string, unknown>>(
        "SELECT * FROM accounts WHERE id = $1",
        [maya.accountId],
      );
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row.username).toBe(name.toLowerCase());
      expect(Buffer.from(row.signing_key as Uint8Array).toString("base64url")).toBe(
        maya.publicIdentity.signingKey,
      );
      expect(
        Buffer.from(row.recovery_auth_key as Uint8Array).equals(maya.recoveryAuth.publicKey),
      ).toBe(true);
      expect(Buffer.from(row.root_wrap_export as Uint8Array).byteLength).toBe(74);
      expect(rowText(row)).not.toContain(password);

      const sessions = await db().query<Record<string, unknown>>(
        "SELECT * FROM sessions WHERE account_id = $1",
        [maya.accountId],
      );
      expect(sessions.rows).toHaveLength(1);
      const session = sessions.rows[0]!;
      expect(session.id).toBe(maya.session.sessionId);
      const tokenBytes = Buffer.from(maya.session.token, "base64url");
      expect(tokenBytes.byteLength).toBe(32);
      expect(
        Buffer.from(session.token_hash as Uint8Array).equals(
          createHash("sha256").update(tokenBytes).digest(),
        ),
      ).toBe(true);
      expect(rowText(session)).not.toContain(maya.session.token);
      expect(rowText(session)).not.toContain(tokenBytes.toString("latin1"));
    });

    it("refuses a taken username at start and at finish with username-taken", async () => {
      const name = uniqueName("sam");
      await clientReady();
      // Someone starts registering, someone else finishes first with that name.
      const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
        password: "first",
      });
      const started = await client().request(
        post("/accounts/registration/start", { username: name, registrationRequest }),
      );
      expect(started.status).toBe(200);
      await client().register({ username: name.toUpperCase() });

      const again = await client().request(
        post("/accounts/registration/start", { username: name, registrationRequest }),
      );
      expectError(again, 409, "username-taken");

      const { registrationRecord } = opaque.client.finishRegistration({
        clientRegistrationState,
        registrationResponse: (started.body as { registrationResponse: string })
          .registrationResponse,
        password: "first",
        keyStretching: FAST_KEY_STRETCHING,
      });
      const key = randomBytes(32).toString("base64url");
      const finish = await client().request(
        post("/accounts/registration/finish", {
          username: name,
          registrationId: (started.body as { registrationId: string }).registrationId,
          registrationRecord,
          rootKeyWraps: { exportKey: wrapShaped(1), recoveryKey: wrapShaped(2) },
          publicIdentity: { signingKey: key, boxKey: key },
          recoveryAuthKey: key,
          deviceName: "Phone",
        }),
      );
      expectError(finish, 409, "username-taken");
      expect(
        await count(db(), "SELECT count(*) AS n FROM accounts WHERE username = $1", [name]),
      ).toBe(1);
    });

    it("bad input gets a 400 naming the field, and creates nothing", async () => {
      await clientReady();
      const { registrationRequest, clientRegistrationState } = opaque.client.startRegistration({
        password: "x",
      });
      const username = uniqueName("valid");
      const started = await client().request(
        post("/accounts/registration/start", { username, registrationRequest }),
      );
      const { registrationRecord } = opaque.client.finishRegistration({
        clientRegistrationState,
        registrationResponse: (started.body as { registrationResponse: string })
          .registrationResponse,
        password: "x",
        keyStretching: FAST_KEY_STRETCHING,
      });
      const key = randomBytes(32).toString("base64url");
      const good = {
        username,
        registrationId: (started.body as { registrationId: string }).registrationId,
        registrationRecord,
        rootKeyWraps: { exportKey: wrapShaped(1), recoveryKey: wrapShaped(2) },
        publicIdentity: { signingKey: key, boxKey: key },
        recoveryAuthKey: key,
        deviceName: "Phone",
      };
      const before = await count(db(), "SELECT count(*) AS n FROM accounts");
      const cases: [string, unknown, RegExp][] = [
        ["/accounts/registration/start", "text", /^The request body must be a JSON object\.$/],
        ["/accounts/registration/start", { registrationRequest }, /^username is required\.$/],
        [
          "/accounts/registration/start",
          { username: "ab", registrationRequest },
          /^username must be at least 3 characters\.$/,
        ],
        [
          "/accounts/registration/start",
          { username: "maya smith", registrationRequest },
          /^username may use letters, digits/,
        ],
        [
          "/accounts/registration/start",
          { username: uniqueName(), registrationRequest, email: "m@example.com" },
          /^email is not an allowed field\.$/,
        ],
        [
          "/accounts/registration/start",
          { username: uniqueName(), registrationRequest: "AAAA" },
          /^registrationRequest is not a valid OPAQUE registration request\.$/,
        ],
        [
          "/accounts/registration/start",
          { username: uniqueName(), registrationRequest: "not base64url!" },
          /^registrationRequest must be unpadded base64url\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, registrationRecord: "AAAA" },
          /^registrationRecord is not a valid OPAQUE registration record\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, publicIdentity: { signingKey: key, boxKey: "AAAA" } },
          /^publicIdentity\.boxKey must be 32 bytes \(it is 3\)\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, rootKeyWraps: { exportKey: "a+b", recoveryKey: key } },
          /^rootKeyWraps\.exportKey must be unpadded base64url\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, rootKeyWraps: { exportKey: "AAAA", recoveryKey: wrapShaped(2) } },
          /^rootKeyWraps\.exportKey must be 74 bytes \(it is 3\)\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, rootKeyWraps: { exportKey: wrapShaped(1), recoveryKey: wrapShaped(1) } },
          /^rootKeyWraps\.recoveryKey must be a root key wrap for the recovery-key\.$/,
        ],
        [
          "/accounts/registration/finish",
          {
            ...good,
            rootKeyWraps: {
              exportKey: Buffer.concat([Buffer.from([2, 1]), randomBytes(72)]).toString(
                "base64url",
              ),
              recoveryKey: wrapShaped(2),
            },
          },
          /^rootKeyWraps\.exportKey must be a version-1 root key wrap\.$/,
        ],
        [
          "/accounts/registration/finish",
          {
            ...good,
            publicIdentity: { signingKey: Buffer.alloc(32).toString("base64url"), boxKey: key },
          },
          /^publicIdentity\.signingKey must be a public key, not zeros\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, rootKeyWraps: { exportKey: key, recoveryKey: key, pin: key } },
          /^rootKeyWraps\.pin is not an allowed field\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, deviceName: undefined },
          /^deviceName is required\.$/,
        ],
        [
          "/accounts/registration/finish",
          { ...good, deviceName: "x".repeat(61) },
          /^deviceName must be at most 60 characters long\.$/,
        ],
        [
          "/sessions/start",
          { username: uniqueName(), startLoginRequest: 5 },
          /^startLoginRequest must be text\.$/,
        ],
        [
          "/sessions/finish",
          { loginId: "nope", finishLoginRequest: key, deviceName: "x" },
          /^loginId must be a lowercase UUID\.$/,
        ],
        ["/recovery/start", {}, /^username is required\.$/],
      ];
      for (const [path, body, pattern] of cases) {
        const response = await client().request(post(path, body));
        expect(
          expectError(response, 400, "invalid-request"),
          `${path} ${JSON.stringify(body)}`,
        ).toMatch(pattern);
      }
      const wrongType = await client().request({
        ...post("/accounts/registration/start", undefined),
        headers: { "content-type": "text/plain" },
        body: "username=maya",
      });
      expect(wrongType.status).toBe(415);
      expect(await count(db(), "SELECT count(*) AS n FROM accounts")).toBe(before);
    });

    it("property: any JSON body to any account endpoint gets a 4xx, never a 500", async () => {
      const maya = await client().register({ username: uniqueName("fuzz") });
      const paths = [
        "/accounts/registration/start",
        "/accounts/registration/finish",
        "/sessions/start",
        "/sessions/finish",
        "/account/password/start",
        "/account/password/finish",
        "/recovery/start",
        "/recovery/finish",
        "/recovery/complete",
        "/vaults",
        `/invites/${randomUUID()}/accept`,
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paths),
          fc.oneof(
            fc.jsonValue(),
            fc.record({
              username: fc.string(),
              registrationRequest: fc.base64String(),
              loginId: fc.uuid(),
              recoveryId: fc.uuid(),
            }),
          ),
          async (path, body) => {
            const response = await client().request(post(path, body, maya.session.token));
            expect(response.status, response.text).toBeGreaterThanOrEqual(400);
            expect(response.status, response.text).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe("sign-in", () => {
    it("signs in with the right password: a new session and the same root key", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const login = await client().login({
        username: maya.username.toUpperCase(),
        password: maya.password,
        deviceName: "Maya's laptop",
      });
      expect(login.accountId).toBe(maya.accountId);
      expect(Buffer.from(login.rootKey).equals(Buffer.from(maya.rootKey))).toBe(true);
      expect(login.session.token).not.toBe(maya.session.token);
      const account = await client().account({ session: login.session });
      expect(account.username).toBe(maya.username);
      expect(account.publicIdentity).toEqual(maya.publicIdentity);
      expect(account.devices.map((d) => [d.deviceName, d.current])).toEqual([
        ["Test phone", false],
        ["Maya's laptop", true],
      ]);
      // The login state is gone once used.
      expect(
        await count(db(), "SELECT count(*) AS n FROM pending_logins WHERE account_id = $1", [
          maya.accountId,
        ]),
      ).toBe(0);
    });

    it("a wrong password is noticed by the client; a forged finish is login-failed", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      await expect(
        client().login({ username: maya.username, password: "wrong" }),
      ).rejects.toBeInstanceOf(WrongPasswordError);
      const { response } = await startLogin(client(), maya.username, "wrong");
      const { loginId } = response.body as { loginId: string };
      const forged = await client().request(
        post("/sessions/finish", {
          loginId,
          finishLoginRequest: randomBytes(64).toString("base64url"),
          deviceName: "Phone",
        }),
      );
      expectError(forged, 401, "login-failed");
    });

    it("an unknown username gets a response shaped like a real one, and fails like a wrong password", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const real = await startLogin(client(), maya.username, "guess");
      const unknown = await startLogin(client(), uniqueName("nobody"), "guess");
      expect(unknown.response.status).toBe(200);
      const realBody = real.response.body as { loginId: string; loginResponse: string };
      const fakeBody = unknown.response.body as { loginId: string; loginResponse: string };
      expect(Object.keys(fakeBody).sort()).toEqual(Object.keys(realBody).sort());
      expect(fakeBody.loginResponse.length).toBe(realBody.loginResponse.length);
      // The client can't finish either (wrong password / no such account) ...
      for (const started of [real, unknown]) {
        expect(
          opaque.client.finishLogin({
            clientLoginState: started.clientLoginState,
            loginResponse: (started.response.body as { loginResponse: string }).loginResponse,
            password: "guess",
            keyStretching: FAST_KEY_STRETCHING,
          }),
        ).toBeUndefined();
      }
      // ... and a forged finish gets the same answer for both.
      const finish = (loginId: string) =>
        client().request(
          post("/sessions/finish", {
            loginId,
            finishLoginRequest: randomBytes(64).toString("base64url"),
            deviceName: "Phone",
          }),
        );
      const a = await finish(realBody.loginId);
      const b = await finish(fakeBody.loginId);
      expect([a.status, a.text]).toEqual([b.status, b.text]);
    });

    it("login state is single use and expires after 2 minutes", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const started = await startLogin(client(), maya.username, maya.password);
      const { loginId, loginResponse } = started.response.body as {
        loginId: string;
        loginResponse: string;
      };
      const { rows } = await db().query<{ seconds: number }>(
        "SELECT extract(epoch FROM expires_at - now())::integer AS seconds FROM pending_logins WHERE id = $1",
        [loginId],
      );
      expect(Number(rows[0]!.seconds)).toBeGreaterThan(100);
      expect(Number(rows[0]!.seconds)).toBeLessThanOrEqual(120);
      const finished = opaque.client.finishLogin({
        clientLoginState: started.clientLoginState,
        loginResponse,
        password: maya.password,
        keyStretching: FAST_KEY_STRETCHING,
      })!;
      const body = {
        loginId,
        finishLoginRequest: finished.finishLoginRequest,
        deviceName: "Phone",
      };
      expect((await client().request(post("/sessions/finish", body))).status).toBe(200);
      expectError(await client().request(post("/sessions/finish", body)), 401, "login-failed");

      // Expired: the right proof, too late.
      const late = await startLogin(client(), maya.username, maya.password);
      const lateBody = late.response.body as { loginId: string; loginResponse: string };
      await db().query(
        "UPDATE pending_logins SET expires_at = now() - interval '1 second' WHERE id = $1",
        [lateBody.loginId],
      );
      const lateFinish = opaque.client.finishLogin({
        clientLoginState: late.clientLoginState,
        loginResponse: lateBody.loginResponse,
        password: maya.password,
        keyStretching: FAST_KEY_STRETCHING,
      })!;
      expectError(
        await client().request(
          post("/sessions/finish", {
            loginId: lateBody.loginId,
            finishLoginRequest: lateFinish.finishLoginRequest,
            deviceName: "Phone",
          }),
        ),
        401,
        "login-failed",
      );
    });
  });

  describe("rate limits", () => {
    let strict: FastifyInstance;
    beforeAll(async () => {
      strict = await harness().buildApp({ rateLimits: DEFAULT_RATE_LIMITS });
    });
    const strictClient = (address = uniqueAddress()) =>
      new TestClient(injectTransport(strict, { remoteAddress: address }));

    it("5 failed sign-ins per username in 15 minutes, then 429 with retryAfter; success doesn't count", async () => {
      const c = strictClient();
      const maya = await c.register({ username: uniqueName("maya") });
      // Successful sign-ins give their attempt back.
      for (let i = 0; i < 6; i += 1)
        await c.login({ username: maya.username, password: maya.password });
      for (let i = 0; i < 5; i += 1) {
        await expect(
          c.login({ username: maya.username, password: `guess ${i}` }),
        ).rejects.toBeInstanceOf(WrongPasswordError);
      }
      // From another address too: the limit is per username.
      const elsewhere = strictClient();
      const limited = await elsewhere
        .login({ username: maya.username, password: maya.password })
        .catch((e) => e);
      expect(limited).toBeInstanceOf(ApiFailure);
      expect((limited as ApiFailure).status).toBe(429);
      expect((limited as ApiFailure).reason).toBe("rate-limited");
      const retryAfter = (limited as ApiFailure).retryAfter!;
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect((limited as ApiFailure).response.headers["retry-after"]).toBe(String(retryAfter));
      // Another username from the first address is not held up.
      const sam = await c.register({ username: uniqueName("sam") });
      await c.login({ username: sam.username, password: sam.password });
      // After the window, it works again.
      await db().query("UPDATE rate_limits SET window_start = now() - interval '16 minutes'");
      await c.login({ username: maya.username, password: maya.password });
    });

    it("30 sign-in attempts per address in 15 minutes, for any usernames", async () => {
      const address = uniqueAddress();
      const c = strictClient(address);
      for (let i = 0; i < 30; i += 1) {
        const { response } = await startLogin(c, uniqueName("nobody"), "guess");
        expect(response.status).toBe(200);
      }
      const { response } = await startLogin(c, uniqueName("nobody"), "guess");
      expectError(response, 429, "rate-limited");
      expect(
        (await startLogin(strictClient(), uniqueName("nobody"), "guess")).response.status,
      ).toBe(200);
    });

    it("recovery starts are limited per username (5) and registration starts per address (30)", async () => {
      const c = strictClient();
      const username = uniqueName("maya");
      for (let i = 0; i < 5; i += 1) {
        expect((await c.request(post("/recovery/start", { username }))).status).toBe(200);
      }
      expectError(await c.request(post("/recovery/start", { username })), 429, "rate-limited");

      await clientReady();
      const { registrationRequest } = opaque.client.startRegistration({ password: "x" });
      const r = strictClient();
      for (let i = 0; i < 30; i += 1) {
        const response = await r.request(
          post("/accounts/registration/start", { username: uniqueName(), registrationRequest }),
        );
        expect(response.status).toBe(200);
      }
      expectError(
        await r.request(
          post("/accounts/registration/start", { username: uniqueName(), registrationRequest }),
        ),
        429,
        "rate-limited",
      );
    });

    it("the rate-limit table holds neither usernames nor addresses", async () => {
      const address = uniqueAddress();
      const username = uniqueName("private");
      await startLogin(strictClient(address), username, "guess");
      const { rows } = await db().query<Record<string, unknown>>("SELECT * FROM rate_limits");
      const all = rows.map(rowText).join(" ");
      expect(all).not.toContain(username);
      expect(all).not.toContain(address);
    });
  });

  describe("sessions and devices", () => {
    it("refuses a missing, malformed or unknown token with 401 and never echoes it", async () => {
      const unknownToken = randomBytes(32).toString("base64url");
      const headerSets: Record<string, string>[] = [
        {},
        { authorization: "Basic bWF5YTpwdw==" },
        { authorization: "Bearer short" },
        { authorization: `Bearer ${unknownToken}` },
      ];
      for (const headers of headerSets) {
        const response = await client().request({
          method: "GET",
          path: "/api/v1/account",
          headers,
        });
        const message = expectError(response, 401, "unauthenticated");
        expect(message).not.toContain(unknownToken);
        expect(response.text).not.toContain("bWF5YTpwdw");
        expect(response.headers["www-authenticate"]).toBe("Bearer");
      }
    });

    it("updates lastSeenAt at most once a minute", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const first = (await client().account(maya)).devices[0]!.lastSeenAt;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await client().account(maya)).devices[0]!.lastSeenAt).toBe(first);
      await db().query(
        "UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE id = $1",
        [maya.session.sessionId],
      );
      // The next request sees it is over a minute old and writes it again.
      const fresh = (await client().account(maya)).devices[0]!.lastSeenAt;
      expect(Math.abs(Date.now() - Date.parse(fresh))).toBeLessThan(30_000);
      const { rows } = await db().query<{ age: number }>(
        "SELECT extract(epoch FROM now() - last_seen_at) AS age FROM sessions WHERE id = $1",
        [maya.session.sessionId],
      );
      expect(Number(rows[0]!.age)).toBeLessThan(30);
    });

    it("signs out another device of the same account, or this one with 'current'", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const laptop = await client().login({ username: maya.username, password: maya.password });
      const signOut = (token: string, id: string) =>
        client().request({ method: "DELETE", path: `/api/v1/sessions/${id}`, token });
      expect((await signOut(maya.session.token, laptop.session.sessionId)).status).toBe(204);
      expectError(
        await client().request({
          method: "GET",
          path: "/api/v1/account",
          token: laptop.session.token,
        }),
        401,
        // Not signed by the account ("sign out and erase" is, in
        // signed-out-elsewhere-suite.ts): a plain end of the session.
        "unauthenticated",
      );
      expect((await client().account(maya)).devices).toHaveLength(1);
      expectError(await signOut(maya.session.token, laptop.session.sessionId), 404, "not-found");
      expectError(await signOut(maya.session.token, "phone"), 400, "invalid-request");
      expect((await signOut(maya.session.token, "current")).status).toBe(204);
      expectError(
        await client().request({
          method: "GET",
          path: "/api/v1/account",
          token: maya.session.token,
        }),
        401,
        "unauthenticated",
      );
    });
  });

  describe("password change", () => {
    it("re-wraps the root key only: the new password works, the old one doesn't, keys and data stay", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const vault = await client().createVault(maya);
      await client().append(maya, vault.vaultId, client().seal(vault, ["before the change"]));
      const before = await db().query<Record<string, unknown>>(
        "SELECT * FROM accounts WHERE id = $1",
        [maya.accountId],
      );
      const oldPassword = maya.password;
      await client().changePassword(maya, `new ${randomUUID()}`);
      const after = await db().query<Record<string, unknown>>(
        "SELECT * FROM accounts WHERE id = $1",
        [maya.accountId],
      );
      for (const column of ["signing_key", "box_key", "root_wrap_recovery", "recovery_auth_key"]) {
        expect(Buffer.from(after.rows[0]![column] as Uint8Array)).toEqual(
          Buffer.from(before.rows[0]![column] as Uint8Array),
        );
      }
      for (const column of ["opaque_record", "root_wrap_export"]) {
        expect(Buffer.from(after.rows[0]![column] as Uint8Array)).not.toEqual(
          Buffer.from(before.rows[0]![column] as Uint8Array),
        );
      }
      await expect(
        client().login({ username: maya.username, password: oldPassword }),
      ).rejects.toBeInstanceOf(WrongPasswordError);
      const login = await client().login({ username: maya.username, password: maya.password });
      expect(Buffer.from(login.rootKey).equals(Buffer.from(maya.rootKey))).toBe(true);
      const { events } = await client().pullAll({ session: login.session }, vault.vaultId);
      expect(client().open(vault, events)).toEqual(["before the change"]);
    });

    it("signOutOthers signs out every other device but this one", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const laptop = await client().login({ username: maya.username, password: maya.password });
      const tablet = await client().login({ username: maya.username, password: maya.password });
      await client().changePassword(maya, `new ${randomUUID()}`, { signOutOthers: true });
      for (const other of [laptop, tablet]) {
        expect(
          (
            await client().request({
              method: "GET",
              path: "/api/v1/account",
              token: other.session.token,
            })
          ).status,
        ).toBe(401);
      }
      expect((await client().account(maya)).devices.map((d) => d.current)).toEqual([true]);
    });
  });

  describe("recovery", () => {
    it("recovers with the recovery key: the same root key, a new password, every old session signed out", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const laptop = await client().login({ username: maya.username, password: maya.password });
      const recovered = await client().recover({
        username: maya.username,
        recoveryKey: maya.recoveryKey,
        recoveryAuth: maya.recoveryAuth,
        newPassword: "after recovery",
      });
      expect(recovered.accountId).toBe(maya.accountId);
      expect(Buffer.from(recovered.rootKey).equals(Buffer.from(maya.rootKey))).toBe(true);
      for (const old of [maya.session, laptop.session]) {
        expect(
          (await client().request({ method: "GET", path: "/api/v1/account", token: old.token }))
            .status,
        ).toBe(401);
      }
      expect((await client().account({ session: recovered.session })).devices).toHaveLength(1);
      const login = await client().login({ username: maya.username, password: "after recovery" });
      expect(Buffer.from(login.rootKey).equals(Buffer.from(maya.rootKey))).toBe(true);
      expect(
        await count(db(), "SELECT count(*) AS n FROM recoveries WHERE account_id = $1", [
          maya.accountId,
        ]),
      ).toBe(0);
    });

    it("a wrong signature fails and burns the challenge", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const started = (await client().request(post("/recovery/start", { username: maya.username })))
        .body as { recoveryId: string; challenge: string };
      const challenge = Buffer.from(started.challenge, "base64url");
      expect(challenge.byteLength).toBe(32);
      await clientReady();
      const { registrationRequest } = opaque.client.startRegistration({ password: "new" });
      const impostor = generateKeyPairSync("ed25519");
      const finish = (signature: Buffer) =>
        client().request(
          post("/recovery/finish", {
            recoveryId: started.recoveryId,
            signature: signature.toString("base64url"),
            registrationRequest,
          }),
        );
      const wrong = await finish(sign(null, challenge, impostor.privateKey));
      const message = expectError(wrong, 401, "login-failed");
      expect(message).toMatch(/recovery/i);
      // The right signature is too late now.
      expectError(
        await finish(sign(null, challenge, maya.recoveryAuth.privateKey)),
        401,
        "login-failed",
      );
      // And completing without a verified proof fails.
      expectError(
        await client().request(
          post("/recovery/complete", {
            recoveryId: started.recoveryId,
            registrationRecord: "A".repeat(256),
            rootKeyWrap: "AAAA",
            deviceName: "Phone",
          }),
        ),
        401,
        "login-failed",
      );
    });

    it("an unknown username gets a fake recovery wrap: shaped like a real one, the same every time", async () => {
      const maya = await client().register({ username: uniqueName("maya") });
      const start = async (username: string) =>
        (await client().request(post("/recovery/start", { username }))).body as {
          recoveryId: string;
          challenge: string;
          recoveryWrap: string;
        };
      const real = await start(maya.username);
      const nobody = uniqueName("nobody");
      const fake1 = await start(nobody);
      const fake2 = await start(nobody.toUpperCase());
      const other = await start(uniqueName("nobody"));
      expect(fake1.recoveryWrap).toBe(fake2.recoveryWrap);
      expect(other.recoveryWrap).not.toBe(fake1.recoveryWrap);
      expect(fake1.challenge).not.toBe(fake2.challenge);
      expect(fake1.recoveryId).not.toBe(fake2.recoveryId);
      const realBytes = Buffer.from(real.recoveryWrap, "base64url");
      const fakeBytes = Buffer.from(fake1.recoveryWrap, "base64url");
      expect(fakeBytes.byteLength).toBe(realBytes.byteLength);
      expect(fakeBytes.subarray(0, 2)).toEqual(realBytes.subarray(0, 2));
      expect(fake1.challenge.length).toBe(real.challenge.length);
      // Finishing fails exactly as a wrong signature does.
      await clientReady();
      const { registrationRequest } = opaque.client.startRegistration({ password: "new" });
      const someKey = generateKeyPairSync("ed25519").privateKey;
      const finish = (started: { recoveryId: string; challenge: string }) =>
        client().request(
          post("/recovery/finish", {
            recoveryId: started.recoveryId,
            signature: sign(null, Buffer.from(started.challenge, "base64url"), someKey).toString(
              "base64url",
            ),
            registrationRequest,
          }),
        );
      const a = await finish(real);
      const b = await finish(fake1);
      expect([a.status, a.text]).toEqual([b.status, b.text]);
    });
  });

  describe("account deletion", () => {
    it("really deletes: the account, its sessions, memberships, grants, invites, and vaults only it owned with their events", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const sam = await c.register({ username: uniqueName("sam") });
      await c.login({ username: maya.username, password: maya.password }); // a second device
      // Maya's own vault, with events and an open invite.
      const mine = await c.createVault(maya);
      await c.append(maya, mine.vaultId, c.seal(mine, ["one", "two"]));
      await c.invite(maya, mine.vaultId);
      // Sam's vault, shared with Maya (she has a grant there).
      const sams = await c.createVault(sam);
      await c.append(sam, sams.vaultId, c.seal(sams, ["sam's"]));
      await c.acceptInvite(maya, await c.invite(sam, sams.vaultId));
      await c.grant(sam, sams, [{ accountId: maya.accountId, boxKey: maya.publicIdentity.boxKey }]);
      // Sam in Maya's vault too, granted by Maya.
      await c.acceptInvite(sam, await c.invite(maya, mine.vaultId, "viewer"));
      await c.grant(maya, mine, [{ accountId: sam.accountId, boxKey: sam.publicIdentity.boxKey }]);
      // A login and a recovery in progress.
      await startLogin(c, maya.username, "half-way");
      await c.request(post("/recovery/start", { username: maya.username }));

      const wrongName = await c.request({
        method: "DELETE",
        path: "/api/v1/account",
        token: maya.session.token,
        body: { confirmUsername: sam.username },
      });
      expect(expectError(wrongName, 400, "invalid-request")).toMatch(/^confirmUsername /);
      expect(
        await count(db(), "SELECT count(*) AS n FROM accounts WHERE id = $1", [maya.accountId]),
      ).toBe(1);

      await c.deleteAccount(maya);

      const id = maya.accountId;
      const checks: [string, unknown[], number][] = [
        ["SELECT count(*) AS n FROM accounts WHERE id = $1", [id], 0],
        ["SELECT count(*) AS n FROM sessions WHERE account_id = $1", [id], 0],
        ["SELECT count(*) AS n FROM memberships WHERE account_id = $1", [id], 0],
        ["SELECT count(*) AS n FROM grants WHERE account_id = $1 OR granted_by = $1", [id], 0],
        ["SELECT count(*) AS n FROM invites WHERE created_by = $1 OR used_by = $1", [id], 0],
        ["SELECT count(*) AS n FROM pending_logins WHERE account_id = $1", [id], 0],
        ["SELECT count(*) AS n FROM recoveries WHERE account_id = $1", [id], 0],
        ["SELECT count(*) AS n FROM vaults WHERE id = $1", [mine.vaultId], 0],
        ["SELECT count(*) AS n FROM vault_events WHERE vault_id = $1", [mine.vaultId], 0],
        ["SELECT count(*) AS n FROM memberships WHERE vault_id = $1", [mine.vaultId], 0],
        ["SELECT count(*) AS n FROM invites WHERE vault_id = $1", [mine.vaultId], 0],
        // Sam's vault stays, with Sam in it.
        ["SELECT count(*) AS n FROM vaults WHERE id = $1", [sams.vaultId], 1],
        ["SELECT count(*) AS n FROM vault_events WHERE vault_id = $1", [sams.vaultId], 1],
        ["SELECT count(*) AS n FROM memberships WHERE vault_id = $1", [sams.vaultId], 1],
      ];
      for (const [sql, params, expected] of checks) {
        expect(await count(db(), sql, params), `${sql} ${params.join(",")}`).toBe(expected);
      }
      // The username is free again; the old token is dead.
      expect(
        (await c.request({ method: "GET", path: "/api/v1/account", token: maya.session.token }))
          .status,
      ).toBe(401);
      await c.register({ username: maya.username });
    });
  });

  describe("housekeeping", () => {
    it("sweeps expired login states, recoveries, rate-limit windows and week-old expired invites", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const vault = await c.createVault(maya);
      const recent = await c.invite(maya, vault.vaultId);
      const old = await c.invite(maya, vault.vaultId);
      await startLogin(c, maya.username, "guess");
      await c.request(post("/recovery/start", { username: maya.username }));
      await db().query(
        "UPDATE pending_logins SET expires_at = now() - interval '1 second' WHERE account_id = $1",
        [maya.accountId],
      );
      await db().query(
        "UPDATE recoveries SET expires_at = now() - interval '1 second' WHERE account_id = $1",
        [maya.accountId],
      );
      await db().query("UPDATE invites SET expires_at = now() - interval '1 hour' WHERE id = $1", [
        recent.inviteId,
      ]);
      await db().query("UPDATE invites SET expires_at = now() - interval '8 days' WHERE id = $1", [
        old.inviteId,
      ]);
      await db().query(
        "INSERT INTO rate_limits (key, window_start, count) VALUES ($1, now() - interval '2 hours', 3)",
        [randomBytes(32)],
      );
      await sweepExpired(db(), 900);
      expect(
        await count(db(), "SELECT count(*) AS n FROM pending_logins WHERE expires_at < now()"),
      ).toBe(0);
      expect(
        await count(db(), "SELECT count(*) AS n FROM recoveries WHERE expires_at < now()"),
      ).toBe(0);
      expect(
        await count(
          db(),
          "SELECT count(*) AS n FROM rate_limits WHERE window_start < now() - interval '15 minutes'",
        ),
      ).toBe(0);
      expect(
        await count(db(), "SELECT count(*) AS n FROM invites WHERE id = $1", [recent.inviteId]),
      ).toBe(1);
      expect(
        await count(db(), "SELECT count(*) AS n FROM invites WHERE id = $1", [old.inviteId]),
      ).toBe(0);
    });
  });

  describe("logging", () => {
    it("never logs passwords, tokens, OPAQUE messages, wrapped keys or database details", async () => {
      const lines: string[] = [];
      const stream = { write: (line: string) => lines.push(line) };
      const marker = `DETAIL-${randomUUID()}`;
      const loud = buildApp({
        db: db(),
        secrets: harness().secrets,
        config: TEST_APP_CONFIG,
        logger: { level: "trace", stream },
      });
      // Fails every sign-in at its last step (creating the session), with a
      // driver-style detail that must not reach the log.
      const failing = buildApp({
        secrets: harness().secrets,
        db: failingQueryDb(
          db(),
          /INSERT INTO sessions/,
          Object.assign(new Error("insert failed"), { code: "23505", detail: marker }),
        ),
        config: TEST_APP_CONFIG,
        logger: { level: "trace", stream },
      });
      const seen: string[] = [];
      const recording =
        (inner: Transport): Transport =>
        async (request) => {
          const response = await inner(request);
          const collect = (value: unknown): void => {
            if (typeof value === "string" && value.length >= 16) seen.push(value);
            else if (value && typeof value === "object") Object.values(value).forEach(collect);
          };
          collect(request.body);
          collect(request.token);
          collect(response.body);
          return response;
        };
      try {
        const c = new TestClient(recording(injectTransport(loud)));
        const password = `password ${randomUUID()}`;
        const maya: TestAccount = await c.register({ username: uniqueName("maya"), password });
        await c.login({ username: maya.username, password });
        await c.changePassword(maya, `${password} 2`);
        await c.recover({
          username: maya.username,
          recoveryKey: maya.recoveryKey,
          recoveryAuth: maya.recoveryAuth,
          newPassword: `${password} 3`,
        });
        const broken = new TestClient(recording(injectTransport(failing)));
        const failure = await broken
          .login({ username: maya.username, password: `${password} 3` })
          .catch((e: unknown) => e);
        expect((failure as ApiFailure).status).toBe(500);
        seen.push(password);
      } finally {
        await loud.close();
        await failing.close();
      }
      const log = lines.join("");
      expect(log).toContain("insert failed"); // logging works ...
      expect(log).not.toContain(marker); // ... without driver details
      expect(seen.length).toBeGreaterThan(20);
      for (const secret of seen) expect(log).not.toContain(secret);
    });
  });
}
