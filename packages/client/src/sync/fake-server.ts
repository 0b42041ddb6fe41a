/**
 * For tests only: an in-memory Trellis server that implements the sync
 * contract (`@trellis/sync`) as a `Transport`, with real OPAQUE on its side.
 * Requests are checked against the contract's schemas, so a client that
 * passes here sends what a real server accepts. Also: network switches and a
 * flaky network that drops requests, drops answers and delivers twice.
 *
 * Deliberately strict where the contract allows it: an append sealed with an
 * epoch older than the vault's is refused with `stale-epoch`.
 */
import * as opaque from "@serenity-kit/opaque";
import { fromBase64Url, toBase64Url } from "@trellis/crypto";
import {
  accountDeleteRequest,
  appendRequest,
  EVENT_PAGE_CONTENT_TYPE,
  encodeEventPage,
  inviteAcceptRequest,
  inviteCreateRequest,
  inviteListResponse,
  loginFinishRequest,
  loginStartRequest,
  MAX_PULL_EVENTS,
  membershipLogAppendRequest,
  passwordFinishRequest,
  passwordStartRequest,
  putGrantsRequest,
  type Role,
  reauthStartRequest,
  recoveryCompleteRequest,
  recoveryFinishRequest,
  recoveryStartRequest,
  registrationFinishRequest,
  registrationStartRequest,
  sessionEndedRequest,
  signOutDeviceRequest,
  vaultCreateRequest,
} from "@trellis/sync";
import type { z } from "zod";
import { fromBase64 } from "./base64.ts";
import { attachmentRoutes } from "./fake-server/attachments.ts";
import type { StreamMessage, Transport, TransportRequest, TransportResponse } from "./transport.ts";
import { StreamRefused } from "./transport.ts";

interface Account {
  accountId: string;
  username: string;
  record: string;
  wraps: { exportKey: string; recoveryKey: string };
  publicIdentity: { signingKey: string; boxKey: string };
  recoveryAuthKey: string;
}

interface SessionRow {
  sessionId: string;
  token: string;
  accountId: string;
  deviceName: string;
  createdAt: string;
  lastSeenAt: string;
}

interface Membership {
  role: Role;
  status: "pending" | "active";
  joinedAt: string;
}

interface StoredEvent {
  seq: number;
  id: string;
  body: string;
  receivedAt: string;
}

interface Vault {
  vaultId: string;
  ownerId: string;
  kind: "record" | "circle";
  /** Sealed attachment bytes by id. */
  attachments: Map<string, Uint8Array>;
  epoch: number;
  members: Map<string, Membership>;
  /** `${accountId}|${epoch}` → grant */
  grants: Map<string, { epoch: number; grant: string; grantedBy: string; signerKey: string }>;
  events: StoredEvent[];
  /** The owner-signed membership log, entries as sent (b64url). */
  log: string[];
  eventIds: Map<string, number>;
  invites: Map<
    string,
    {
      tokenHash: string;
      role: "partner" | "viewer";
      createdAt: number;
      expiresAt: number;
      used: boolean;
      revoked: boolean;
    }
  >;
  listeners: Set<() => void>;
}

export interface FakeServer {
  /** The server as a transport, as every device reaches it. */
  readonly transport: Transport;
  /** Every event body stored for a vault, in seq order (for tests that look at what the server holds). */
  eventsOf(vaultId: string): readonly StoredEvent[];
  /** Everything the server stores, as JSON text (for privacy assertions). */
  dump(): string;
  /**
   * Stores a sealed event as a lying server would: whatever its author's
   * role, membership or epoch. For tests of what devices refuse on their own.
   */
  inject(vaultId: string, event: { readonly id: string; readonly body: string }): void;
  /** Milliseconds since the epoch the server believes it is (for invite and session expiry). */
  setNow(now: () => number): void;
  /**
   * Ends a session and says "signed out from another device" as a lying
   * server would: with no signature, or with whatever `signature` it makes up.
   */
  claimSignedOutElsewhere(sessionId: string, signature?: string): Promise<void>;
}

/** As the real server's defaults: a session ends 30 days unused, or 180 days after sign-in. */
export const FAKE_SESSION_IDLE_MS = 30 * 86_400_000;
export const FAKE_SESSION_MAX_AGE_MS = 180 * 86_400_000;

const PREFIX = "/api/v1";

export async function createFakeServer(): Promise<FakeServer> {
  await opaque.ready;
  const serverSetup = opaque.server.createSetup();
  const accounts = new Map<string, Account>(); // by username
  const accountsById = new Map<string, Account>();
  const sessions = new Map<string, SessionRow>(); // by token
  /**
   * Sessions signed out from another device of their account: their tokens,
   * and the tokens' hashes with the account's signature on erasing it.
   */
  const endedElsewhere = { tokens: new Set<string>(), hashes: new Map<string, string | null>() };
  const endedRows = new Map<string, SessionRow>(); // by session id
  async function endElsewhere(row: SessionRow, signature: string | null): Promise<void> {
    sessions.delete(row.token);
    endedRows.set(row.sessionId, row);
    endedElsewhere.tokens.add(row.token);
    endedElsewhere.hashes.set((await tokenHash(row.token)) ?? "", signature);
  }
  const logins = new Map<string, { state: string; username: string }>();
  /** Registration starts (id → username) and password proofs in progress (issue 12). */
  const registrations = new Map<string, string>();
  const reauths = new Map<string, { state: string; sessionId: string; action: string }>();
  const recoveries = new Map<string, { username: string; challenge: string; verified: boolean }>();
  const vaults = new Map<string, Vault>();
  let seq = 0;
  let now = () => Date.now();

  const iso = () => new Date(now()).toISOString();
  const uuid = () => crypto.randomUUID();
  const randomText = (n: number) => toBase64Url(crypto.getRandomValues(new Uint8Array(n)));

  class HttpError extends Error {
    constructor(
      readonly status: number,
      readonly reason: string,
    ) {
      super(reason);
    }
  }
  const fail = (status: number, reason: string): never => {
    throw new HttpError(status, reason);
  };

  function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
    const r = schema.safeParse(body);
    if (!r.success) fail(400, "invalid-request");
    return r.data as z.output<S>;
  }

  /** The session for a token, unless it has ended by age (then it is gone, as on the real server). */
  function liveSession(token: string | undefined): SessionRow | undefined {
    const session = token ? sessions.get(token) : undefined;
    if (!session) return undefined;
    const idle = now() - Date.parse(session.lastSeenAt) > FAKE_SESSION_IDLE_MS;
    const old = now() - Date.parse(session.createdAt) > FAKE_SESSION_MAX_AGE_MS;
    if (!idle && !old) return session;
    sessions.delete(session.token);
    return undefined;
  }

  function auth(token: string | undefined): { session: SessionRow; account: Account } {
    const session = liveSession(token);
    const account = session ? accountsById.get(session.accountId) : undefined;
    if (!session && token && endedElsewhere.tokens.has(token)) {
      return fail(401, "signed-out-elsewhere");
    }
    if (!session || !account) return fail(401, "unauthenticated");
    session.lastSeenAt = iso();
    return { session, account };
  }

  function newSession(accountId: string, deviceName: string) {
    const row: SessionRow = {
      sessionId: uuid(),
      token: randomText(32),
      accountId,
      deviceName,
      createdAt: iso(),
      lastSeenAt: iso(),
    };
    sessions.set(row.token, row);
    return { sessionId: row.sessionId, token: row.token };
  }

  function memberOf(vaultId: string, accountId: string, active = false) {
    const vault = vaults.get(vaultId);
    const membership = vault?.members.get(accountId);
    if (!vault || !membership) return fail(404, "not-found");
    if (active && membership.status !== "active") return fail(403, "forbidden");
    return { vault, membership };
  }

  /** SHA-256 of the token's bytes, as the real server hashes it. */
  async function tokenHash(token: string): Promise<string | null> {
    const bytes = fromBase64Url(token);
    if (!bytes.ok) return null;
    const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes.value));
    return toBase64Url(new Uint8Array(digest));
  }

  async function verifyEd25519(publicKey: string, signature: string, message: string) {
    const key = fromBase64Url(publicKey);
    const sig = fromBase64Url(signature);
    const msg = fromBase64Url(message);
    if (!key.ok || !sig.ok || !msg.ok) return false;
    const imported = await crypto.subtle.importKey(
      "raw",
      new Uint8Array(key.value),
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    return crypto.subtle.verify(
      "Ed25519",
      imported,
      new Uint8Array(sig.value),
      new Uint8Array(msg.value),
    );
  }

  function dropVault(vault: Vault) {
    vaults.delete(vault.vaultId);
    for (const l of vault.listeners) l();
  }

  type Handler = (
    params: string[],
    request: TransportRequest,
    query: URLSearchParams,
  ) => Promise<unknown> | unknown;
  const routes: [TransportRequest["method"], RegExp, Handler][] = [];
  const route = (method: TransportRequest["method"], pattern: string, handler: Handler) =>
    routes.push([method, new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, "([^/]+)")}$`), handler]);

  route("GET", "/health", () => ({ status: "ok" }));

  route("POST", "/accounts/registration/start", (_, { body }) => {
    const { username, registrationRequest } = parse(registrationStartRequest, body);
    if (accounts.has(username)) fail(409, "username-taken");
    const registrationId = uuid();
    registrations.set(registrationId, username);
    const { registrationResponse } = opaque.server.createRegistrationResponse({
      serverSetup,
      userIdentifier: username,
      registrationRequest,
    });
    return { registrationResponse, registrationId };
  });

  route("POST", "/accounts/registration/finish", (_, { body }) => {
    const r = parse(registrationFinishRequest, body);
    if (registrations.get(r.registrationId) !== r.username) fail(400, "registration-not-started");
    if (accounts.has(r.username)) fail(409, "username-taken");
    registrations.delete(r.registrationId);
    const account: Account = {
      accountId: uuid(),
      username: r.username,
      record: r.registrationRecord,
      wraps: { ...r.rootKeyWraps },
      publicIdentity: { ...r.publicIdentity },
      recoveryAuthKey: r.recoveryAuthKey,
    };
    accounts.set(account.username, account);
    accountsById.set(account.accountId, account);
    return { accountId: account.accountId, session: newSession(account.accountId, r.deviceName) };
  });

  route("POST", "/sessions/start", (_, { body }) => {
    const { username, startLoginRequest } = parse(loginStartRequest, body);
    const { serverLoginState, loginResponse } = opaque.server.startLogin({
      serverSetup,
      registrationRecord: accounts.get(username)?.record ?? null,
      startLoginRequest,
      userIdentifier: username,
    });
    const loginId = uuid();
    logins.set(loginId, { state: serverLoginState, username });
    return { loginId, loginResponse };
  });

  route("POST", "/sessions/finish", (_, { body }) => {
    const r = parse(loginFinishRequest, body);
    const login = logins.get(r.loginId);
    logins.delete(r.loginId);
    const account = login ? accounts.get(login.username) : undefined;
    if (!login || !account) return fail(401, "login-failed");
    try {
      opaque.server.finishLogin({
        serverLoginState: login.state,
        finishLoginRequest: r.finishLoginRequest,
      });
    } catch {
      fail(401, "login-failed");
    }
    return {
      accountId: account.accountId,
      session: newSession(account.accountId, r.deviceName),
      rootKeyWrap: account.wraps.exportKey,
      publicIdentity: account.publicIdentity,
    };
  });

  route("GET", "/account", (_, { token }) => {
    const { account, session } = auth(token);
    return {
      accountId: account.accountId,
      username: account.username,
      publicIdentity: account.publicIdentity,
      devices: [...sessions.values()]
        .filter((s) => s.accountId === account.accountId)
        .map((s) => ({
          sessionId: s.sessionId,
          deviceName: s.deviceName,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          current: s.sessionId === session.sessionId,
        })),
    };
  });

  route("DELETE", "/sessions/:sessionId", async ([sessionId], { token, body }) => {
    const { account, session } = auth(token);
    const target = sessionId === "current" ? session.sessionId : sessionId;
    const signature = body === undefined ? null : parse(signOutDeviceRequest, body).signature;
    const row = [...sessions.values()].find(
      (s) => s.sessionId === target && s.accountId === account.accountId,
    );
    if (!row) return fail(404, "not-found");
    // As the real server: erasing is asked for only with the account's signature.
    if (row.sessionId !== session.sessionId && signature !== null) {
      await endElsewhere(row, signature);
    } else {
      sessions.delete(row.token);
    }
    return {};
  });

  route("POST", "/sessions/ended", (_, { body }) => {
    const { tokenHash } = parse(sessionEndedRequest, body);
    const signature = endedElsewhere.hashes.get(tokenHash);
    if (signature === undefined) return { endedElsewhere: false };
    return { endedElsewhere: true, ...(signature !== null && { signature }) };
  });

  route("POST", "/account/reauth/start", (_, { token, body }) => {
    const { account, session } = auth(token);
    const { action, startLoginRequest } = parse(reauthStartRequest, body);
    const { serverLoginState, loginResponse } = opaque.server.startLogin({
      serverSetup,
      registrationRecord: account.record,
      startLoginRequest,
      userIdentifier: account.username,
    });
    const reauthId = uuid();
    reauths.set(reauthId, { state: serverLoginState, sessionId: session.sessionId, action });
    return { reauthId, loginResponse };
  });

  /** A fresh password proof for this session and action, used once; else 401 reauth-failed. */
  function requireProof(
    sessionId: string,
    action: string,
    proof: { reauthId: string; finishLoginRequest: string } | undefined,
  ) {
    const pending = proof ? reauths.get(proof.reauthId) : undefined;
    if (proof) reauths.delete(proof.reauthId);
    if (!proof || !pending || pending.sessionId !== sessionId || pending.action !== action) {
      return fail(401, "reauth-failed");
    }
    try {
      opaque.server.finishLogin({
        serverLoginState: pending.state,
        finishLoginRequest: proof.finishLoginRequest,
      });
    } catch {
      fail(401, "reauth-failed");
    }
  }

  route("POST", "/account/password/start", (_, { token, body }) => {
    const { account } = auth(token);
    const { registrationRequest } = parse(passwordStartRequest, body);
    return opaque.server.createRegistrationResponse({
      serverSetup,
      userIdentifier: account.username,
      registrationRequest,
    });
  });

  route("POST", "/account/password/finish", (_, { token, body }) => {
    const { account, session } = auth(token);
    const r = parse(passwordFinishRequest, body);
    requireProof(session.sessionId, "password-change", r.proof);
    account.record = r.registrationRecord;
    account.wraps.exportKey = r.rootKeyWrap;
    if (r.signOutOthers) {
      for (const [t, s] of sessions) {
        if (s.accountId === account.accountId && s.sessionId !== session.sessionId)
          sessions.delete(t);
      }
    }
    return {};
  });

  route("POST", "/recovery/start", (_, { body }) => {
    const { username } = parse(recoveryStartRequest, body);
    const account = accounts.get(username);
    const recoveryId = uuid();
    const challenge = randomText(32);
    recoveries.set(recoveryId, { username, challenge, verified: false });
    return {
      recoveryId,
      challenge,
      // A convincing fake for unknown names: a wrap is 74 bytes.
      recoveryWrap: account?.wraps.recoveryKey ?? randomText(74),
    };
  });

  route("POST", "/recovery/finish", async (_, { body }) => {
    const r = parse(recoveryFinishRequest, body);
    const pending = recoveries.get(r.recoveryId);
    const account = pending ? accounts.get(pending.username) : undefined;
    if (!pending || !account) return fail(401, "login-failed");
    if (!(await verifyEd25519(account.recoveryAuthKey, r.signature, pending.challenge))) {
      recoveries.delete(r.recoveryId);
      return fail(401, "login-failed");
    }
    pending.verified = true;
    return opaque.server.createRegistrationResponse({
      serverSetup,
      userIdentifier: account.username,
      registrationRequest: r.registrationRequest,
    });
  });

  route("POST", "/recovery/complete", (_, { body }) => {
    const r = parse(recoveryCompleteRequest, body);
    const pending = recoveries.get(r.recoveryId);
    recoveries.delete(r.recoveryId);
    const account = pending?.verified ? accounts.get(pending.username) : undefined;
    if (!account) return fail(401, "login-failed");
    account.record = r.registrationRecord;
    account.wraps.exportKey = r.rootKeyWrap;
    for (const [t, s] of sessions) if (s.accountId === account.accountId) sessions.delete(t);
    return {
      accountId: account.accountId,
      session: newSession(account.accountId, r.deviceName),
      publicIdentity: account.publicIdentity,
    };
  });

  route("DELETE", "/account", (_, { token, body }) => {
    const { account, session } = auth(token);
    const { confirmUsername, proof } = parse(accountDeleteRequest, body);
    if (confirmUsername !== account.username) fail(400, "invalid-request");
    requireProof(session.sessionId, "account-delete", proof);
    for (const vault of [...vaults.values()]) {
      if (vault.ownerId === account.accountId) dropVault(vault);
      else if (vault.members.delete(account.accountId)) {
        for (const key of [...vault.grants.keys()]) {
          if (key.startsWith(`${account.accountId}|`)) vault.grants.delete(key);
        }
      }
    }
    for (const [t, s] of sessions) if (s.accountId === account.accountId) sessions.delete(t);
    accounts.delete(account.username);
    accountsById.delete(account.accountId);
    return {};
  });

  route("POST", "/vaults", (_, { token, body }) => {
    const { account } = auth(token);
    const r = parse(vaultCreateRequest, body);
    if (vaults.has(r.vaultId)) fail(409, "invalid-request");
    const vault: Vault = {
      vaultId: r.vaultId,
      ownerId: account.accountId,
      kind: r.kind ?? "record",
      attachments: new Map(),
      epoch: 1,
      members: new Map([[account.accountId, { role: "owner", status: "active", joinedAt: iso() }]]),
      grants: new Map([
        [
          `${account.accountId}|1`,
          {
            epoch: 1,
            grant: r.ownerGrant,
            grantedBy: account.accountId,
            signerKey: account.publicIdentity.signingKey,
          },
        ],
      ]),
      events: [],
      log: [],
      eventIds: new Map(),
      invites: new Map(),
      listeners: new Set(),
    };
    vaults.set(vault.vaultId, vault);
    return { vaultId: vault.vaultId };
  });

  route("GET", "/vaults", (_, { token }) => {
    const { account } = auth(token);
    return {
      vaults: [...vaults.values()]
        .filter((v) => v.members.has(account.accountId))
        .map((v) => ({
          vaultId: v.vaultId,
          role: v.members.get(account.accountId)!.role,
          epoch: v.epoch,
          kind: v.kind,
        })),
    };
  });

  route("DELETE", "/vaults/:vaultId", ([vaultId], { token }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId);
    if (membership.role !== "owner") fail(403, "forbidden");
    dropVault(vault);
    return {};
  });

  attachmentRoutes<Vault>({
    route: (method, pattern, handler) => route(method, pattern, (params, r) => handler(params, r)),
    member(vaultId, token, active) {
      const { account } = auth(token);
      const { vault, membership } = memberOf(vaultId, account.accountId, active);
      const hasGrant = [...vault.grants.keys()].some((k) => k.startsWith(`${account.accountId}|`));
      return { vault, role: membership.role, hasGrant };
    },
    fail,
    binary: (bytes) => new BinaryBody(bytes),
  });

  route("GET", "/vaults/:vaultId/members", ([vaultId], { token }) => {
    const { account } = auth(token);
    const { vault } = memberOf(vaultId!, account.accountId);
    return {
      epoch: vault.epoch,
      members: [...vault.members].map(([accountId, m]) => ({
        accountId,
        role: m.role,
        publicIdentity: accountsById.get(accountId)!.publicIdentity,
        status: m.status,
        joinedAt: m.joinedAt,
      })),
    };
  });

  route("GET", "/vaults/:vaultId/log", ([vaultId], { token }) => {
    const { account } = auth(token);
    const { vault } = memberOf(vaultId!, account.accountId);
    return { entries: vault.log.map((entry, position) => ({ position, entry })) };
  });

  route("POST", "/vaults/:vaultId/log", ([vaultId], { token, body }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId);
    if (membership.role !== "owner") fail(403, "forbidden");
    const r = parse(membershipLogAppendRequest, body);
    if (r.position !== vault.log.length) fail(409, "log-conflict");
    vault.log.push(r.entry);
    return {};
  });

  route("GET", "/vaults/:vaultId/grants/mine", ([vaultId], { token }) => {
    const { account } = auth(token);
    const { vault } = memberOf(vaultId!, account.accountId);
    return {
      grants: [...vault.grants]
        .filter(([key]) => key.startsWith(`${account.accountId}|`))
        .map(([, g]) => g),
    };
  });

  route("PUT", "/vaults/:vaultId/grants", ([vaultId], { token, body }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId, true);
    if (membership.role !== "owner") fail(403, "forbidden");
    const r = parse(putGrantsRequest, body);
    if (r.epoch !== vault.epoch && r.epoch !== vault.epoch + 1) fail(409, "stale-epoch");
    for (const g of r.grants) if (!vault.members.has(g.accountId)) fail(404, "not-found");
    vault.epoch = r.epoch;
    for (const g of r.grants) {
      vault.grants.set(`${g.accountId}|${r.epoch}`, {
        epoch: r.epoch,
        grant: g.grant,
        grantedBy: account.accountId,
        signerKey: account.publicIdentity.signingKey,
      });
      vault.members.get(g.accountId)!.status = "active";
    }
    return {};
  });

  route("DELETE", "/vaults/:vaultId/members/:accountId", ([vaultId, accountId], { token }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId);
    const self = accountId === account.accountId;
    if (!self && membership.role !== "owner") fail(403, "forbidden");
    if (accountId === vault.ownerId) fail(403, "forbidden");
    if (!vault.members.delete(accountId!)) fail(404, "not-found");
    for (const key of [...vault.grants.keys()]) {
      if (key.startsWith(`${accountId}|`)) vault.grants.delete(key);
    }
    for (const l of vault.listeners) l();
    return {};
  });

  route("POST", "/vaults/:vaultId/invites", ([vaultId], { token, body }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId, true);
    if (membership.role !== "owner") fail(403, "forbidden");
    const r = parse(inviteCreateRequest, body);
    const expiresAt = Date.parse(r.expiresAt);
    if (Number.isNaN(expiresAt) || expiresAt > now() + 7 * 86_400_000 + 60_000) {
      fail(400, "invalid-request");
    }
    vault.invites.set(r.inviteId, {
      tokenHash: r.tokenHash,
      role: r.role,
      createdAt: now(),
      expiresAt,
      used: false,
      revoked: false,
    });
    return { inviteId: r.inviteId };
  });

  route("GET", "/vaults/:vaultId/invites", ([vaultId], { token }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId);
    if (membership.role !== "owner") fail(403, "forbidden");
    return inviteListResponse.parse({
      // Newest first; made in the same millisecond, the later one first.
      invites: [...vault.invites]
        .reverse()
        .sort(([, a], [, b]) => b.createdAt - a.createdAt)
        .map(([inviteId, i]) => ({
          inviteId,
          role: i.role,
          status: i.used
            ? "used"
            : i.revoked
              ? "revoked"
              : i.expiresAt <= now()
                ? "expired"
                : "pending",
          createdAt: new Date(i.createdAt).toISOString(),
          expiresAt: new Date(i.expiresAt).toISOString(),
        })),
    });
  });

  route("DELETE", "/vaults/:vaultId/invites/:inviteId", ([vaultId, inviteId], { token }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId);
    if (membership.role !== "owner") fail(403, "forbidden");
    const invite = vault.invites.get(inviteId!);
    if (!invite) return fail(404, "not-found");
    if (invite.used) fail(409, "invite-used");
    invite.revoked = true;
    return {};
  });

  route("POST", "/invites/:inviteId/accept", async ([inviteId], { token, body }) => {
    const { account } = auth(token);
    const { token: inviteToken } = parse(inviteAcceptRequest, body);
    const vault = [...vaults.values()].find((v) => v.invites.has(inviteId!));
    const invite = vault?.invites.get(inviteId!);
    if (!vault || !invite || invite.tokenHash !== (await tokenHash(inviteToken))) {
      return fail(404, "invite-invalid");
    }
    if (invite.used) fail(410, "invite-used");
    if (invite.revoked) fail(410, "invite-revoked");
    if (invite.expiresAt < now()) fail(410, "invite-expired");
    if (vault.members.has(account.accountId)) fail(403, "forbidden");
    invite.used = true;
    vault.members.set(account.accountId, { role: invite.role, status: "pending", joinedAt: iso() });
    const owner = accountsById.get(vault.ownerId)!;
    return {
      vaultId: vault.vaultId,
      role: invite.role,
      owner: { accountId: owner.accountId, publicIdentity: owner.publicIdentity },
    };
  });

  route("POST", "/vaults/:vaultId/events", ([vaultId], { token, body }) => {
    const { account } = auth(token);
    const { vault, membership } = memberOf(vaultId!, account.accountId, true);
    // In a circle, members append too (replies, reactions); the circle's fold decides what applies.
    if (membership.role === "viewer" && vault.kind !== "circle") fail(403, "forbidden");
    const r = parse(appendRequest, body);
    for (const e of r.events) {
      const bytes = fromBase64(e.body);
      if (!bytes || bytes.length < 5) fail(400, "invalid-request");
      const epoch = new DataView(bytes!.buffer).getUint32(1, false);
      if (epoch < vault.epoch) fail(409, "stale-epoch");
    }
    const results = r.events.map((e) => {
      const existing = vault.eventIds.get(e.id);
      if (existing !== undefined) return { id: e.id, seq: existing, stored: false };
      seq += 1;
      vault.events.push({ seq, id: e.id, body: e.body, receivedAt: iso() });
      vault.eventIds.set(e.id, seq);
      return { id: e.id, seq, stored: true };
    });
    for (const l of vault.listeners) l();
    return { results };
  });

  route("GET", "/vaults/:vaultId/events", ([vaultId], { token, accept }, query) => {
    const { account } = auth(token);
    const { vault } = memberOf(vaultId!, account.accountId, true);
    const after = Number(query.get("after") ?? 0);
    const before = query.has("before") ? Number(query.get("before")) : null;
    const limit = Number(query.get("limit") ?? 500);
    if (
      !Number.isSafeInteger(after) ||
      after < 0 ||
      !(limit >= 1 && limit <= MAX_PULL_EVENTS) ||
      (before !== null && (!Number.isSafeInteger(before) || before < 1 || query.has("after")))
    ) {
      fail(400, "invalid-request");
    }
    let answer: { events: StoredEvent[]; next: number; more: boolean };
    if (before !== null) {
      // Reading from the end: the newest `limit` before `before`, oldest first.
      const older = vault.events.filter((e) => e.seq < before);
      const page = older.slice(Math.max(0, older.length - limit));
      answer = {
        events: page,
        next: page.length > 0 ? page[page.length - 1]!.seq : 0,
        more: older.length > limit,
      };
    } else {
      const newer = vault.events.filter((e) => e.seq > after);
      const page = newer.slice(0, limit);
      answer = {
        events: page,
        next: page.length > 0 ? page[page.length - 1]!.seq : after,
        more: newer.length > limit,
      };
    }
    if (accept !== EVENT_PAGE_CONTENT_TYPE) return answer;
    return new BinaryBody(
      encodeEventPage({
        ...answer,
        events: answer.events.map((e) => ({
          seq: e.seq,
          id: e.id,
          body: fromBase64(e.body)!,
          receivedAt: Date.parse(e.receivedAt),
        })),
      }),
    );
  });

  async function handle(request: TransportRequest): Promise<TransportResponse> {
    const [path, search = ""] = request.path.split("?") as [string, string?];
    if (!path.startsWith(PREFIX)) return { status: 404, body: errorOf("not-found") };
    const local = path.slice(PREFIX.length);
    for (const [method, pattern, handler] of routes) {
      const m = method === request.method ? pattern.exec(local) : null;
      if (!m) continue;
      try {
        const body = await handler(
          m.slice(1).map(decodeURIComponent),
          structuredClone(request),
          new URLSearchParams(search),
        );
        if (body instanceof BinaryBody) return { status: 200, body: undefined, bytes: body.bytes };
        return { status: 200, body: structuredClone(body) };
      } catch (e) {
        if (e instanceof HttpError) return { status: e.status, body: errorOf(e.reason) };
        throw e;
      }
    }
    return { status: 404, body: errorOf("not-found") };
  }

  async function* stream({
    path,
    token,
    signal,
  }: {
    path: string;
    token: string;
    signal: AbortSignal;
  }): AsyncIterable<StreamMessage> {
    const m = /^\/api\/v1\/vaults\/([^/]+)\/stream\?after=(\d+)$/.exec(path);
    if (!m) throw new StreamRefused(404);
    const session = liveSession(token);
    const vault = vaults.get(m[1]!);
    const membership = session ? vault?.members.get(session.accountId) : undefined;
    if (!session) throw new StreamRefused(401);
    if (!vault || !membership || membership.status !== "active") throw new StreamRefused(403);
    let told = Number(m[2]);
    for (;;) {
      if (signal.aborted || !vaults.has(vault.vaultId) || !vault.members.has(session.accountId)) {
        return;
      }
      if (!sessions.has(token)) return;
      const upTo = vault.events.at(-1)?.seq ?? 0;
      if (upTo > told) {
        told = upTo;
        yield { event: "events", data: JSON.stringify({ upTo }) };
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          vault.listeners.delete(done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        vault.listeners.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
  }

  return {
    transport: { request: handle, stream },
    eventsOf: (vaultId) => vaults.get(vaultId)?.events ?? [],
    inject(vaultId, event) {
      const vault = vaults.get(vaultId);
      if (!vault) throw new Error("no such vault");
      seq += 1;
      vault.events.push({ seq, id: event.id, body: event.body, receivedAt: iso() });
      vault.eventIds.set(event.id, seq);
      for (const l of vault.listeners) l();
    },
    dump: () =>
      JSON.stringify({
        accounts: [...accounts.values()],
        sessions: [...sessions.values()],
        vaults: [...vaults.values()].map((v) => ({
          ...v,
          members: [...v.members],
          grants: [...v.grants],
          eventIds: [...v.eventIds],
          invites: [...v.invites],
          attachments: [...v.attachments].map(([id, bytes]) => [id, toBase64Url(bytes)]),
          listeners: undefined,
        })),
      }),
    setNow(next) {
      now = next;
    },
    async claimSignedOutElsewhere(sessionId, signature) {
      const row =
        [...sessions.values()].find((s) => s.sessionId === sessionId) ?? endedRows.get(sessionId);
      if (!row) throw new Error("no such session");
      await endElsewhere(row, signature ?? null);
    },
  };
}

/** A route's answer in a binary media type the request accepted. */
class BinaryBody {
  constructor(readonly bytes: Uint8Array) {}
}

function errorOf(reason: string) {
  return { error: { reason, message: `fake server: ${reason}` } };
}

/** A device's connection to the network: switch it off and nothing gets through. */
export function networkSwitch(inner: Transport): { transport: Transport; online: boolean } {
  const control: { transport: Transport; online: boolean } = {
    online: true,
    transport: {
      async request(request: TransportRequest) {
        return control.online ? inner.request(request) : null;
      },
      async *stream(request: { path: string; token: string; signal: AbortSignal }) {
        if (!control.online) throw new Error("offline");
        for await (const message of inner.stream(request)) {
          if (!control.online) throw new Error("offline");
          yield message;
        }
      },
    },
  };
  return control;
}

export interface Faults {
  /** Chance a request is lost before it reaches the server. */
  readonly dropRequest: number;
  /** Chance the server acts on a request but the answer is lost. */
  readonly dropResponse: number;
  /** Chance a request reaches the server twice. */
  readonly duplicate: number;
  /** Chance a page of pulled events repeats some of its events. */
  readonly repeatEvents: number;
}

/** A network that loses and repeats things, driven by `random` (seeded in property tests). */
export function flakyNetwork(inner: Transport, faults: Faults, random: () => number): Transport {
  return {
    async request(request) {
      if (random() < faults.dropRequest) return null;
      if (random() < faults.duplicate) await inner.request(request);
      const response = await inner.request(request);
      if (random() < faults.dropResponse) return null;
      const body = response?.body as { events?: unknown[] } | undefined;
      if (
        response &&
        request.method === "GET" &&
        Array.isArray(body?.events) &&
        body.events.length > 0 &&
        random() < faults.repeatEvents
      ) {
        const events = body.events;
        const repeated = [...events, ...events.slice(0, 1 + Math.floor(random() * events.length))];
        return { ...response, body: { ...body, events: repeated } };
      }
      return response;
    },
    stream: (request) => inner.stream(request),
  };
}
