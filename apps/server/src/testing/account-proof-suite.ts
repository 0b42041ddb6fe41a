/**
 * Issue 12, accounts: a stolen session token alone can't change the password
 * or delete the account; registration finish completes only a start issued
 * for that username; lookalike usernames are refused; wraps are checked.
 * Run against both backends.
 */
import { randomBytes, randomUUID } from "node:crypto";
import * as opaque from "@serenity-kit/opaque";
import { describe, expect, it } from "vitest";
import type { Db } from "../db/types.ts";
import { wrapShaped } from "./accounts-suite.ts";
import {
  ApiFailure,
  type ApiRequest,
  type ApiResponse,
  clientReady,
  FAST_KEY_STRETCHING,
  type TestAccount,
  type TestClient,
  WrongPasswordError,
} from "./client.ts";
import { type Harness, uniqueName } from "./harness.ts";

const req = (
  method: ApiRequest["method"],
  path: string,
  body: unknown,
  token?: string,
): ApiRequest => ({
  method,
  path: `/api/v1${path}`,
  body,
  ...(token === undefined ? {} : { token }),
});

function expectReason(response: ApiResponse, status: number, reason: string): void {
  expect(response.status, response.text).toBe(status);
  expect((response.body as { error: { reason: string } }).error.reason).toBe(reason);
}

/** A whole password-finish body for `account` (new record, the same root key re-wrapped). */
async function passwordFinishBody(c: TestClient, account: TestAccount, newPassword: string) {
  await clientReady();
  const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
    password: newPassword,
  });
  const started = await c.request(
    req("POST", "/account/password/start", { registrationRequest }, account.session.token),
  );
  expect(started.status, started.text).toBe(200);
  const { registrationRecord } = opaque.client.finishRegistration({
    clientRegistrationState,
    registrationResponse: (started.body as { registrationResponse: string }).registrationResponse,
    password: newPassword,
    keyStretching: FAST_KEY_STRETCHING,
  });
  return { registrationRecord, rootKeyWrap: wrapShaped(1), signOutOthers: true };
}

export function defineAccountProofSuite(_kind: Db["kind"], harness: () => Harness): void {
  const client = () => harness().client;
  const db = () => harness().db;

  const canSignIn = async (account: TestAccount, password: string) => {
    try {
      await client().login({ username: account.username, password });
      return true;
    } catch (error) {
      if (error instanceof WrongPasswordError || error instanceof ApiFailure) return false;
      throw error;
    }
  };

  describe("fresh proof for account actions", () => {
    it("a password finish with the session token alone gets 401 and changes nothing", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const other = await c.login({ username: maya.username, password: maya.password });
      const body = await passwordFinishBody(c, maya, "stolen-token password");
      const response = await c.request(
        req("POST", "/account/password/finish", body, maya.session.token),
      );
      expectReason(response, 401, "reauth-failed");
      // The session is still good (not "unauthenticated"), the password unchanged,
      // and the other device still signed in.
      expect(await canSignIn(maya, maya.password)).toBe(true);
      expect(await canSignIn(maya, "stolen-token password")).toBe(false);
      const devices = await c.request(req("GET", "/account", undefined, other.session.token));
      expect(devices.status).toBe(200);
    });

    it("account deletion with the session token alone gets 401 and deletes nothing", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const response = await c.request(
        req("DELETE", "/account", { confirmUsername: maya.username }, maya.session.token),
      );
      expectReason(response, 401, "reauth-failed");
      const { rows } = await db().query("SELECT 1 FROM accounts WHERE id = $1", [maya.accountId]);
      expect(rows).toHaveLength(1);
    });

    it("a proof is single use, bound to its action and its session, and a forged one fails", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const laptop = await c.login({ username: maya.username, password: maya.password });
      const onLaptop = { ...maya, session: laptop.session };

      // Made for a password change: no good for deletion (and used up trying).
      const forPassword = await c.freshProof(maya, "password-change");
      expectReason(
        await c.request(
          req(
            "DELETE",
            "/account",
            { confirmUsername: maya.username, proof: forPassword },
            maya.session.token,
          ),
        ),
        401,
        "reauth-failed",
      );
      // Made on the laptop: no good with the phone's token.
      const fromLaptop = await c.freshProof(onLaptop, "account-delete");
      expectReason(
        await c.request(
          req(
            "DELETE",
            "/account",
            { confirmUsername: maya.username, proof: fromLaptop },
            maya.session.token,
          ),
        ),
        401,
        "reauth-failed",
      );
      // A made-up finish message for a real start.
      const real = await c.freshProof(maya, "password-change");
      const forged = { ...real, finishLoginRequest: randomBytes(64).toString("base64url") };
      const body = await passwordFinishBody(c, maya, "forged");
      expectReason(
        await c.request(
          req("POST", "/account/password/finish", { ...body, proof: forged }, maya.session.token),
        ),
        401,
        "reauth-failed",
      );
      // A good proof works once.
      const good = await c.freshProof(maya, "password-change");
      const first = await c.request(
        req("POST", "/account/password/finish", { ...body, proof: good }, maya.session.token),
      );
      expect(first.status, first.text).toBe(204);
      const again = await c.request(
        req("POST", "/account/password/finish", { ...body, proof: good }, maya.session.token),
      );
      expectReason(again, 401, "reauth-failed");
    });

    it("with a fresh proof the password changes and the account can be deleted", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      await c.changePassword(maya, `new ${randomUUID()}`);
      expect(await canSignIn(maya, maya.password)).toBe(true);
      await expect(c.freshProof(maya, "account-delete", "not the password")).rejects.toBeInstanceOf(
        WrongPasswordError,
      );
      await c.deleteAccount(maya);
      const { rows } = await db().query("SELECT 1 FROM accounts WHERE id = $1", [maya.accountId]);
      expect(rows).toHaveLength(0);
    });

    it("a password finish with a 3-byte key wrap is refused with 400 before the proof is used", async () => {
      const c = client();
      const maya = await c.register({ username: uniqueName("maya") });
      const proof = await c.freshProof(maya, "password-change");
      const body = await passwordFinishBody(c, maya, "short wrap");
      const short = await c.request(
        req(
          "POST",
          "/account/password/finish",
          { ...body, rootKeyWrap: "AAAA", proof },
          maya.session.token,
        ),
      );
      expectReason(short, 400, "invalid-request");
      expect((short.body as { error: { message: string } }).error.message).toMatch(/rootKeyWrap/);
      // The proof is still good for a well-formed request.
      const ok = await c.request(
        req("POST", "/account/password/finish", { ...body, proof }, maya.session.token),
      );
      expect(ok.status, ok.text).toBe(204);
    });
  });

  describe("registration is tied to its start", () => {
    const startFor = async (c: TestClient, username: string, password = "pw") => {
      await clientReady();
      const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
        password,
      });
      const started = await c.request(
        req("POST", "/accounts/registration/start", { username, registrationRequest }),
      );
      expect(started.status, started.text).toBe(200);
      const { registrationResponse, registrationId } = started.body as {
        registrationResponse: string;
        registrationId: string;
      };
      const { registrationRecord } = opaque.client.finishRegistration({
        clientRegistrationState,
        registrationResponse,
        password,
        keyStretching: FAST_KEY_STRETCHING,
      });
      return { registrationId, registrationRecord };
    };
    const finishBody = (
      username: string,
      started: { registrationId: string; registrationRecord: string },
    ) => {
      const key = () => randomBytes(32).toString("base64url");
      return {
        username,
        ...started,
        rootKeyWraps: { exportKey: wrapShaped(1), recoveryKey: wrapShaped(2) },
        publicIdentity: { signingKey: key(), boxKey: key() },
        recoveryAuthKey: key(),
        deviceName: "Phone",
      };
    };
    const accounts = async (username: string) =>
      (await db().query("SELECT 1 FROM accounts WHERE username = $1", [username])).rows.length;

    it("a finish without a matching start gets 400 and makes no account", async () => {
      const c = client();
      const name = uniqueName("nostart");
      const started = await startFor(c, name);
      const response = await c.request(
        req(
          "POST",
          "/accounts/registration/finish",
          finishBody(name, { ...started, registrationId: randomUUID() }),
        ),
      );
      expectReason(response, 400, "registration-not-started");
      expect(await accounts(name)).toBe(0);
    });

    it("a start made for another username does not finish this one, and a start finishes once", async () => {
      const c = client();
      const bob = uniqueName("bob");
      const alice = uniqueName("alice");
      const forBob = await startFor(c, bob);
      const response = await c.request(
        req("POST", "/accounts/registration/finish", finishBody(alice, forBob)),
      );
      expectReason(response, 400, "registration-not-started");
      expect(await accounts(alice)).toBe(0);
      const ok = await c.request(
        req("POST", "/accounts/registration/finish", finishBody(bob, forBob)),
      );
      expect(ok.status, ok.text).toBe(200);
      const again = await c.request(
        req("POST", "/accounts/registration/finish", finishBody(`${bob}x`, forBob)),
      );
      expectReason(again, 400, "registration-not-started");
    });

    it("registration finish is rate-limited per address", async () => {
      const strict = await harness().buildApp({
        rateLimits: { registrationFinishPerAddress: { limit: 2, windowSeconds: 900 } },
      });
      const address = `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const finish = () =>
        strict.inject({
          method: "POST",
          url: "/api/v1/accounts/registration/finish",
          remoteAddress: address,
          payload: finishBody(uniqueName("x"), {
            registrationId: randomUUID(),
            registrationRecord: "AAAA",
          }),
        });
      expect((await finish()).statusCode).toBe(400);
      expect((await finish()).statusCode).toBe(400);
      const limited = await finish();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.reason).toBe("rate-limited");
    });
  });

  describe("usernames", () => {
    it("refuses a Cyrillic lookalike of a name in use with username-confusable", async () => {
      const c = client();
      const base = `maya${randomBytes(3).toString("hex")}`.replace(/[0-9]/g, "m");
      await c.register({ username: base });
      // Cyrillic "а" (U+0430) in place of the Latin "a".
      const lookalike = base.replace("a", "\u0430");
      expect(lookalike).not.toBe(base);
      const failure = await c.register({ username: lookalike }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiFailure);
      expectReason((failure as ApiFailure).response, 409, "username-confusable");
      const { rows } = await db().query("SELECT 1 FROM accounts WHERE username = $1", [lookalike]);
      expect(rows).toHaveLength(0);
    });

    it("full-width letters are NFKC-normalised to the plain name, which is taken", async () => {
      const c = client();
      const base = `sam${randomBytes(3).toString("hex")}`.replace(/[0-9]/g, "s");
      await c.register({ username: base });
      const fullWidth = [...base]
        .map((ch) => String.fromCodePoint(ch.codePointAt(0)! - 0x21 + 0xff01))
        .join("");
      const failure = await c.register({ username: fullWidth }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApiFailure);
      expectReason((failure as ApiFailure).response, 409, "username-taken");
    });
  });
}
