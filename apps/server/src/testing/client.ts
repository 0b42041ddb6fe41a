/**
 * A small client of the Trellis API for tests and benchmarks: it does what the
 * app does, for real (OPAQUE registration and sign-in, root key wraps, vault
 * keys sealed and signed by @trellis/crypto, sealed events), over HTTP
 * (`fetchTransport`) or in-process (`injectTransport`). Responses are
 * checked against the wire contract's schemas, so a server that drifts from
 * the contract fails here.
 *
 * Test-only: it keeps every key in memory in plain objects and defaults to
 * cheap password stretching (`FAST_KEY_STRETCHING`). Real clients use the
 * library default.
 *
 * ```ts
 * const server = await startServer(config);
 * const client = new TestClient(fetchTransport(server.url));
 * const maya = await client.register({ username: "maya" });
 * const vault = await client.createVault(maya);
 * await client.append(maya, vault.vaultId, client.seal(vault, ["DoseLogged ..."]));
 * ```
 */
import {
  createHash,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
} from "node:crypto";
import * as opaque from "@serenity-kit/opaque";
import * as trellisCrypto from "@trellis/crypto";
import {
  accountResponse,
  appendResponse,
  errorBody,
  type FreshProof,
  inviteAcceptResponse,
  loginFinishResponse,
  loginStartResponse,
  membersResponse,
  myGrantsResponse,
  passwordStartResponse,
  pullResponse,
  type ReauthAction,
  type Role,
  reauthStartResponse,
  recoveryCompleteResponse,
  recoveryFinishResponse,
  recoveryStartResponse,
  registrationFinishResponse,
  registrationStartResponse,
  type Session,
  vaultListResponse,
  vaultSummary,
} from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { RateLimits } from "../auth/rate-limit.ts";

// --- Transport ----------------------------------------------------------------

export interface ApiRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path under the origin, e.g. `/api/v1/vaults`. */
  readonly path: string;
  /** Session token, sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** JSON body (sent with Content-Type: application/json). */
  readonly body?: unknown;
  /** Raw bytes instead (sent with Content-Type: application/octet-stream unless `headers` say otherwise). */
  readonly bytes?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
  readonly text: string;
  /** The body's bytes as sent (binary answers, such as event pages). */
  readonly raw: Uint8Array;
}

export type Transport = (request: ApiRequest) => Promise<ApiResponse>;

function requestHeaders(request: ApiRequest): Record<string, string> {
  return {
    ...(request.body === undefined ? {} : { "content-type": "application/json" }),
    ...(request.bytes === undefined ? {} : { "content-type": "application/octet-stream" }),
    ...(request.token === undefined ? {} : { authorization: `Bearer ${request.token}` }),
    ...request.headers,
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Real HTTP against a listening server (`startServer(...).url`). */
export function fetchTransport(baseUrl: string): Transport {
  return async (request) => {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: requestHeaders(request),
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.bytes === undefined ? {} : { body: new Uint8Array(request.bytes) }),
    });
    const raw = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(raw);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: parseJson(text), text, raw };
  };
}

/** In-process, through `app.inject` (no socket). `remoteAddress` sets the client address seen by rate limits. */
export function injectTransport(
  app: FastifyInstance,
  options: { remoteAddress?: string } = {},
): Transport {
  return async (request) => {
    const response = await app.inject({
      method: request.method,
      url: request.path,
      headers: requestHeaders(request),
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
      ...(request.bytes === undefined ? {} : { payload: Buffer.from(request.bytes) }),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value?.toString();
    }
    return {
      status: response.statusCode,
      headers,
      body: parseJson(response.body),
      text: response.body,
      raw: new Uint8Array(response.rawPayload),
    };
  };
}

/** A non-2xx answer. `reason` is the machine-readable error reason. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly reason: string;
  readonly retryAfter: number | undefined;

  constructor(
    readonly request: Pick<ApiRequest, "method" | "path">,
    readonly response: ApiResponse,
  ) {
    const parsed = errorBody.safeParse(response.body);
    const reason = parsed.success ? parsed.data.error.reason : "unparseable";
    super(
      `${request.method} ${request.path} -> ${response.status} ${reason}: ${
        parsed.success ? parsed.data.error.message : response.text.slice(0, 200)
      }`,
    );
    this.name = "ApiFailure";
    this.status = response.status;
    this.reason = reason;
    this.retryAfter = parsed.success ? parsed.data.error.retryAfter : undefined;
  }
}

interface Schema<T> {
  parse(value: unknown): T;
}

/**
 * Rate limits no test or benchmark reaches (many accounts from one address):
 * `startServer(config, { rateLimits: LOOSE_RATE_LIMITS })`. Never in production.
 */
export const LOOSE_RATE_LIMITS: RateLimits = {
  loginPerUsername: { limit: 1_000_000, windowSeconds: 900 },
  loginPerAddress: { limit: 1_000_000, windowSeconds: 900 },
  recoveryPerUsername: { limit: 1_000_000, windowSeconds: 900 },
  recoveryPerAddress: { limit: 1_000_000, windowSeconds: 900 },
  registrationPerAddress: { limit: 1_000_000, windowSeconds: 900 },
  registrationFinishPerAddress: { limit: 1_000_000, windowSeconds: 900 },
  sessionEndedPerAddress: { limit: 1_000_000, windowSeconds: 900 },
  pushDevicePerAddress: { limit: 1_000_000, windowSeconds: 900 },
};

// --- Keys and ids --------------------------------------------------------------

/** Cheap Argon2id for tests and benches only; the app uses the library default. */
export const FAST_KEY_STRETCHING = {
  "argon2id-custom": { memory: 1024, iterations: 1, parallelism: 1 },
} as const;

export type KeyStretching = typeof FAST_KEY_STRETCHING | "memory-constrained" | "rfc-recommended";

/** A UUIDv7 (time-ordered), as the app makes event ids. */
export function uuidV7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; error: unknown },
  what: string,
): T {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A fresh Ed25519 key pair standing in for the recovery auth key (the app derives it from the recovery key). */
function recoveryAuthKeyPair(): { publicKey: Buffer; privateKey: KeyObject } {
  const pair = generateKeyPairSync("ed25519");
  const x = pair.publicKey.export({ format: "jwk" }).x;
  if (x === undefined) throw new Error("Ed25519 public key without x.");
  return { publicKey: Buffer.from(x, "base64url"), privateKey: pair.privateKey };
}

// --- Accounts and vaults ---------------------------------------------------------

export interface TestAccount {
  readonly username: string;
  password: string;
  readonly accountId: string;
  /** The current session (replaced by sign-in, password change, recovery). */
  session: Session;
  readonly rootKey: trellisCrypto.RootKey;
  readonly identity: trellisCrypto.Identity;
  /** As sent on the wire (base64url). */
  readonly publicIdentity: { signingKey: string; boxKey: string };
  readonly recoveryKey: trellisCrypto.RecoveryKey;
  readonly recoveryAuth: { publicKey: Buffer; privateKey: KeyObject };
}

export interface TestVault {
  readonly vaultId: string;
  /** The vault keys this client holds, by epoch. */
  readonly keys: Map<number, trellisCrypto.VaultKey>;
  /** The epoch new events are sealed with. */
  epoch: number;
}

export interface SealedTestEvent {
  readonly id: string;
  /** Standard base64 of the sealed envelope, as the append body wants it. */
  readonly body: string;
}

export interface Invite {
  readonly inviteId: string;
  /** The one-time token (base64url of 32 random bytes); the server only sees its SHA-256. */
  readonly token: string;
}

const wirePublicIdentity = (identity: trellisCrypto.Identity) => ({
  signingKey: trellisCrypto.toBase64Url(identity.signing.publicKey),
  boxKey: trellisCrypto.toBase64Url(identity.box.publicKey),
});

let cryptoReady: Promise<void> | undefined;

/** Loads libsodium and OPAQUE once. */
export function clientReady(): Promise<void> {
  cryptoReady ??= Promise.all([trellisCrypto.ready(), opaque.ready]).then(() => {});
  return cryptoReady;
}

export class TestClient {
  readonly keyStretching: KeyStretching;

  constructor(
    readonly transport: Transport,
    options: { keyStretching?: KeyStretching } = {},
  ) {
    this.keyStretching = options.keyStretching ?? FAST_KEY_STRETCHING;
  }

  /** Any request; the raw answer, whatever its status. */
  request(request: ApiRequest): Promise<ApiResponse> {
    return this.transport(request);
  }

  /** A request that must succeed (2xx); the body parsed with `schema` (none for 204). */
  async call<T>(schema: Schema<T>, request: ApiRequest): Promise<T>;
  async call(schema: undefined, request: ApiRequest): Promise<undefined>;
  async call<T>(schema: Schema<T> | undefined, request: ApiRequest): Promise<T | undefined> {
    const response = await this.transport(request);
    if (response.status < 200 || response.status > 299) throw new ApiFailure(request, response);
    return schema === undefined ? undefined : schema.parse(response.body);
  }

  /** OPAQUE registration with a fresh root key, recovery key and identity; signs in this device. */
  async register(options: {
    username: string;
    password?: string;
    deviceName?: string;
  }): Promise<TestAccount> {
    await clientReady();
    const password = options.password ?? `pw-${randomUUID()}`;
    const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
      password,
    });
    const { registrationResponse, registrationId } = await this.call(registrationStartResponse, {
      method: "POST",
      path: "/api/v1/accounts/registration/start",
      body: { username: options.username, registrationRequest },
    });
    const { registrationRecord, exportKey } = opaque.client.finishRegistration({
      clientRegistrationState,
      registrationResponse,
      password,
      keyStretching: this.keyStretching,
    });
    const rootKey = trellisCrypto.generateRootKey();
    const recovery = trellisCrypto.generateRecoveryKey();
    const identity = trellisCrypto.deriveIdentity(rootKey);
    const recoveryAuth = recoveryAuthKeyPair();
    const exportKeyBytes = unwrap(trellisCrypto.ExportKey.decode(exportKey), "export key");
    const result = await this.call(registrationFinishResponse, {
      method: "POST",
      path: "/api/v1/accounts/registration/finish",
      body: {
        username: options.username,
        registrationId,
        registrationRecord,
        rootKeyWraps: {
          exportKey: trellisCrypto.toBase64Url(
            trellisCrypto.wrapRootKey(rootKey, { purpose: "export-key", key: exportKeyBytes }),
          ),
          recoveryKey: trellisCrypto.toBase64Url(
            trellisCrypto.wrapRootKey(rootKey, { purpose: "recovery-key", key: recovery.key }),
          ),
        },
        publicIdentity: wirePublicIdentity(identity),
        recoveryAuthKey: recoveryAuth.publicKey.toString("base64url"),
        deviceName: options.deviceName ?? "Test phone",
      },
    });
    return {
      username: options.username.trim().toLowerCase(),
      password,
      accountId: result.accountId,
      session: result.session,
      rootKey,
      identity,
      publicIdentity: wirePublicIdentity(identity),
      recoveryKey: recovery.key,
      recoveryAuth,
    };
  }

  /**
   * OPAQUE sign-in. Resolves to the new session and the unwrapped root key,
   * or throws ApiFailure (`login-failed`, `rate-limited`). A wrong password
   * is noticed by the client after start, as in the app: then it does not
   * call finish at all and throws a `login-failed` ApiFailure-like error.
   */
  async login(options: {
    username: string;
    password: string;
    deviceName?: string;
  }): Promise<{ accountId: string; session: Session; rootKey: trellisCrypto.RootKey }> {
    await clientReady();
    const { clientLoginState, startLoginRequest } = opaque.client.startLogin({
      password: options.password,
    });
    const { loginId, loginResponse } = await this.call(loginStartResponse, {
      method: "POST",
      path: "/api/v1/sessions/start",
      body: { username: options.username, startLoginRequest },
    });
    const finished = opaque.client.finishLogin({
      clientLoginState,
      loginResponse,
      password: options.password,
      keyStretching: this.keyStretching,
    });
    if (finished === undefined) throw new WrongPasswordError();
    const result = await this.call(loginFinishResponse, {
      method: "POST",
      path: "/api/v1/sessions/finish",
      body: {
        loginId,
        finishLoginRequest: finished.finishLoginRequest,
        deviceName: options.deviceName ?? "Test laptop",
      },
    });
    const exportKey = unwrap(trellisCrypto.ExportKey.decode(finished.exportKey), "export key");
    const wrap = trellisCrypto.fromBase64Url(result.rootKeyWrap);
    const rootKey = unwrap(
      trellisCrypto.unwrapRootKey(unwrap(wrap, "wrap") as trellisCrypto.RootKeyWrap, {
        purpose: "export-key",
        key: exportKey,
      }),
      "root key",
    );
    return { accountId: result.accountId, session: result.session, rootKey };
  }

  /**
   * A fresh proof of the account's current password for `action`: OPAQUE
   * login start for the signed-in account, finished here. Throws
   * WrongPasswordError when `password` is wrong (noticed before sending).
   */
  async freshProof(
    account: Pick<TestAccount, "session" | "password">,
    action: ReauthAction,
    password: string = account.password,
  ): Promise<FreshProof> {
    await clientReady();
    const { clientLoginState, startLoginRequest } = opaque.client.startLogin({ password });
    const { reauthId, loginResponse } = await this.call(reauthStartResponse, {
      method: "POST",
      path: "/api/v1/account/reauth/start",
      token: account.session.token,
      body: { action, startLoginRequest },
    });
    const finished = opaque.client.finishLogin({
      clientLoginState,
      loginResponse,
      password,
      keyStretching: this.keyStretching,
    });
    if (finished === undefined) throw new WrongPasswordError();
    return { reauthId, finishLoginRequest: finished.finishLoginRequest };
  }

  /** Password change: a fresh proof, a new OPAQUE record and the same root key re-wrapped. */
  async changePassword(
    account: TestAccount,
    newPassword: string,
    options: { signOutOthers?: boolean } = {},
  ): Promise<void> {
    const proof = await this.freshProof(account, "password-change");
    const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
      password: newPassword,
    });
    const { registrationResponse } = await this.call(passwordStartResponse, {
      method: "POST",
      path: "/api/v1/account/password/start",
      token: account.session.token,
      body: { registrationRequest },
    });
    const { registrationRecord, exportKey } = opaque.client.finishRegistration({
      clientRegistrationState,
      registrationResponse,
      password: newPassword,
      keyStretching: this.keyStretching,
    });
    const key = unwrap(trellisCrypto.ExportKey.decode(exportKey), "export key");
    await this.call(undefined, {
      method: "POST",
      path: "/api/v1/account/password/finish",
      token: account.session.token,
      body: {
        registrationRecord,
        rootKeyWrap: trellisCrypto.toBase64Url(
          trellisCrypto.wrapRootKey(account.rootKey, { purpose: "export-key", key }),
        ),
        signOutOthers: options.signOutOthers ?? false,
        proof,
      },
    });
    account.password = newPassword;
  }

  /**
   * Recovery: start (get the challenge and the recovery wrap), prove the
   * recovery key by signing the challenge, set a new password. Returns the
   * root key unwrapped with the recovery key and the new session.
   */
  async recover(options: {
    username: string;
    recoveryKey: trellisCrypto.RecoveryKey;
    recoveryAuth: { privateKey: KeyObject };
    newPassword: string;
    deviceName?: string;
  }): Promise<{ accountId: string; session: Session; rootKey: trellisCrypto.RootKey }> {
    await clientReady();
    const started = await this.call(recoveryStartResponse, {
      method: "POST",
      path: "/api/v1/recovery/start",
      body: { username: options.username },
    });
    const rootKey = unwrap(
      trellisCrypto.unwrapRootKey(
        unwrap(
          trellisCrypto.fromBase64Url(started.recoveryWrap),
          "wrap",
        ) as trellisCrypto.RootKeyWrap,
        { purpose: "recovery-key", key: options.recoveryKey },
      ),
      "root key from the recovery wrap",
    );
    const signature = sign(
      null,
      Buffer.from(started.challenge, "base64url"),
      options.recoveryAuth.privateKey,
    );
    const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
      password: options.newPassword,
    });
    const { registrationResponse } = await this.call(recoveryFinishResponse, {
      method: "POST",
      path: "/api/v1/recovery/finish",
      body: {
        recoveryId: started.recoveryId,
        signature: signature.toString("base64url"),
        registrationRequest,
      },
    });
    const { registrationRecord, exportKey } = opaque.client.finishRegistration({
      clientRegistrationState,
      registrationResponse,
      password: options.newPassword,
      keyStretching: this.keyStretching,
    });
    const key = unwrap(trellisCrypto.ExportKey.decode(exportKey), "export key");
    const done = await this.call(recoveryCompleteResponse, {
      method: "POST",
      path: "/api/v1/recovery/complete",
      body: {
        recoveryId: started.recoveryId,
        registrationRecord,
        rootKeyWrap: trellisCrypto.toBase64Url(
          trellisCrypto.wrapRootKey(rootKey, { purpose: "export-key", key }),
        ),
        deviceName: options.deviceName ?? "Recovered phone",
      },
    });
    return { accountId: done.accountId, session: done.session, rootKey };
  }

  account(account: Pick<TestAccount, "session">) {
    return this.call(accountResponse, {
      method: "GET",
      path: "/api/v1/account",
      token: account.session.token,
    });
  }

  /**
   * "Sign out and erase" another device of `by`'s account, as a device does:
   * the DELETE carries the account's signature on exactly that session.
   */
  signOutAndErase(
    by: Pick<TestAccount, "session" | "accountId" | "rootKey">,
    sessionId: string,
  ): Promise<ApiResponse> {
    const signing = trellisCrypto.deriveIdentity(by.rootKey).signing.secretKey;
    const signature = trellisCrypto.signSignOut({ accountId: by.accountId, sessionId }, signing);
    return this.request({
      method: "DELETE",
      path: `/api/v1/sessions/${sessionId}`,
      token: by.session.token,
      body: { signature: Buffer.from(signature).toString("base64url") },
    });
  }

  /** A new vault: a random epoch-1 key, granted to the owner (sealed to their own box key, signed by them). */
  async createVault(
    owner: TestAccount,
    vaultId: string = uuidV7(),
    options: { kind?: "record" | "circle" } = {},
  ): Promise<TestVault> {
    await clientReady();
    const key = trellisCrypto.generateVaultKey(1);
    const ownerGrant = trellisCrypto.sealVaultKeyFor(owner.identity.box.publicKey, key, {
      vaultId,
      signer: owner.identity.signing.secretKey,
    });
    await this.call(vaultSummary, {
      method: "POST",
      path: "/api/v1/vaults",
      token: owner.session.token,
      body: {
        vaultId,
        ownerGrant: trellisCrypto.toBase64Url(ownerGrant),
        ...(options.kind === undefined ? {} : { kind: options.kind }),
      },
    });
    return { vaultId, keys: new Map([[1, key]]), epoch: 1 };
  }

  listVaults(account: Pick<TestAccount, "session">) {
    return this.call(vaultListResponse, {
      method: "GET",
      path: "/api/v1/vaults",
      token: account.session.token,
    });
  }

  /** Seals plaintexts as the app seals events (one UUIDv7 id each, the vault's current epoch). */
  seal(vault: TestVault, plaintexts: readonly (string | Uint8Array)[]): SealedTestEvent[] {
    const key = vault.keys.get(vault.epoch);
    if (key === undefined) throw new Error(`No key for epoch ${vault.epoch}.`);
    return plaintexts.map((plaintext) => {
      const id = uuidV7();
      const bytes = typeof plaintext === "string" ? new TextEncoder().encode(plaintext) : plaintext;
      const sealed = trellisCrypto.sealEvent(
        { vaultId: vault.vaultId, eventId: id, epoch: vault.epoch },
        key,
        bytes,
      );
      return { id, body: Buffer.from(sealed).toString("base64") };
    });
  }

  append(
    account: Pick<TestAccount, "session">,
    vaultId: string,
    events: readonly SealedTestEvent[],
  ) {
    return this.call(appendResponse, {
      method: "POST",
      path: `/api/v1/vaults/${vaultId}/events`,
      token: account.session.token,
      body: { events },
    });
  }

  pull(account: Pick<TestAccount, "session">, vaultId: string, after = 0, limit = 500) {
    return this.call(pullResponse, {
      method: "GET",
      path: `/api/v1/vaults/${vaultId}/events?after=${after}&limit=${limit}`,
      token: account.session.token,
    });
  }

  /** Follows the cursor to the end. */
  async pullAll(account: Pick<TestAccount, "session">, vaultId: string, after = 0) {
    const events: { seq: number; id: string; body: string; receivedAt: string }[] = [];
    let cursor = after;
    for (;;) {
      const page = await this.pull(account, vaultId, cursor, 1000);
      events.push(...page.events);
      cursor = page.next;
      if (!page.more) return { events, next: cursor };
    }
  }

  /** Opens sealed events with the vault keys this client holds. */
  open(vault: TestVault, events: readonly { id: string; body: string }[]): string[] {
    return events.map((event) => {
      const opened = trellisCrypto.openEvent(
        { vaultId: vault.vaultId, eventId: event.id },
        vault.keys,
        Buffer.from(event.body, "base64"),
      );
      return new TextDecoder().decode(unwrap(opened, `event ${event.id}`));
    });
  }

  /** Creates an invite: a random 32-byte token whose SHA-256 goes to the server. */
  async invite(
    owner: Pick<TestAccount, "session">,
    vaultId: string,
    role: Exclude<Role, "owner"> = "partner",
    expiresAt: Date = new Date(Date.now() + 24 * 60 * 60 * 1000),
  ): Promise<Invite> {
    const tokenBytes = randomBytes(32);
    const inviteId = uuidV7();
    await this.call(undefined, {
      method: "POST",
      path: `/api/v1/vaults/${vaultId}/invites`,
      token: owner.session.token,
      body: {
        inviteId,
        tokenHash: createHash("sha256").update(tokenBytes).digest("base64url"),
        role,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { inviteId, token: tokenBytes.toString("base64url") };
  }

  acceptInvite(account: Pick<TestAccount, "session">, invite: Invite) {
    return this.call(inviteAcceptResponse, {
      method: "POST",
      path: `/api/v1/invites/${invite.inviteId}/accept`,
      token: account.session.token,
      body: { token: invite.token },
    });
  }

  members(account: Pick<TestAccount, "session">, vaultId: string) {
    return this.call(membersResponse, {
      method: "GET",
      path: `/api/v1/vaults/${vaultId}/members`,
      token: account.session.token,
    });
  }

  myGrants(account: Pick<TestAccount, "session">, vaultId: string) {
    return this.call(myGrantsResponse, {
      method: "GET",
      path: `/api/v1/vaults/${vaultId}/grants/mine`,
      token: account.session.token,
    });
  }

  /** Seals the vault key of `epoch` to each member's box key, signed by the owner, and PUTs the grants. */
  async grant(
    owner: TestAccount,
    vault: TestVault,
    members: readonly { accountId: string; boxKey: string }[],
    epoch: number = vault.epoch,
  ): Promise<void> {
    await clientReady();
    const key = vault.keys.get(epoch);
    if (key === undefined) throw new Error(`No key for epoch ${epoch}.`);
    await this.call(undefined, {
      method: "PUT",
      path: `/api/v1/vaults/${vault.vaultId}/grants`,
      token: owner.session.token,
      body: {
        epoch,
        grants: members.map((member) => ({
          accountId: member.accountId,
          grant: trellisCrypto.toBase64Url(
            trellisCrypto.sealVaultKeyFor(
              unwrap(trellisCrypto.X25519PublicKey.decode(member.boxKey), "box key"),
              key,
              { vaultId: vault.vaultId, signer: owner.identity.signing.secretKey },
            ),
          ),
        })),
      },
    });
  }

  /**
   * Rotation after a removal: a new random key for epoch + 1, granted to
   * the owner and everyone in `stay`; new events use it.
   */
  async rotate(
    owner: TestAccount,
    vault: TestVault,
    stay: readonly { accountId: string; boxKey: string }[],
  ): Promise<void> {
    await clientReady();
    const epoch = vault.epoch + 1;
    vault.keys.set(epoch, trellisCrypto.generateVaultKey(epoch));
    await this.grant(
      owner,
      vault,
      [{ accountId: owner.accountId, boxKey: owner.publicIdentity.boxKey }, ...stay],
      epoch,
    );
    vault.epoch = epoch;
  }

  /** Opens a grant of `epoch` received by `member` (checks the owner's signature). */
  async receiveKey(
    member: TestAccount,
    vault: Pick<TestVault, "vaultId">,
    ownerSigningKey: string,
    epoch: number,
  ): Promise<trellisCrypto.VaultKey> {
    const { grants } = await this.myGrants(member, vault.vaultId);
    const found = grants.find((g) => g.epoch === epoch);
    if (found === undefined) throw new Error(`No grant for epoch ${epoch}.`);
    return unwrap(
      trellisCrypto.openVaultKeyGrant(
        unwrap(trellisCrypto.fromBase64Url(found.grant), "grant") as trellisCrypto.VaultKeyGrant,
        {
          recipient: member.identity.box,
          expectedSigner: unwrap(
            trellisCrypto.Ed25519PublicKey.decode(ownerSigningKey),
            "owner signing key",
          ),
          vaultId: vault.vaultId,
        },
      ),
      "grant",
    );
  }

  removeMember(account: Pick<TestAccount, "session">, vaultId: string, accountId: string) {
    return this.call(undefined, {
      method: "DELETE",
      path: `/api/v1/vaults/${vaultId}/members/${accountId}`,
      token: account.session.token,
    });
  }

  /** Deletes the account, with a fresh proof of its password. */
  async deleteAccount(account: Pick<TestAccount, "session" | "username" | "password">) {
    const proof = await this.freshProof(account, "account-delete");
    return this.call(undefined, {
      method: "DELETE",
      path: "/api/v1/account",
      token: account.session.token,
      body: { confirmUsername: account.username, proof },
    });
  }
}

/** The client noticed (after login start) that the password is wrong, and did not call finish. */
export class WrongPasswordError extends Error {
  readonly reason = "login-failed";
  constructor() {
    super("The password is wrong (noticed by the client after login start).");
    this.name = "WrongPasswordError";
  }
}

// --- The live stream -------------------------------------------------------------

export interface StreamFrame {
  /** `events` for a notice; undefined for a comment. */
  readonly event?: string;
  readonly data?: string;
  /** A comment line without the leading `: ` (e.g. `ping`). */
  readonly comment?: string;
  /** When it arrived (ms since epoch). */
  readonly at: number;
}

export interface EventStream {
  readonly status: number;
  readonly headers: Headers;
  /** Everything received so far. */
  readonly frames: StreamFrame[];
  /** Resolves with the first frame (received so far or later) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (frame: StreamFrame) => boolean, timeoutMs?: number): Promise<StreamFrame>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** `upTo` of an `events` frame, or undefined. */
export function noticeUpTo(frame: StreamFrame): number | undefined {
  if (frame.event !== "events" || frame.data === undefined) return undefined;
  return (JSON.parse(frame.data) as { upTo: number }).upTo;
}

/**
 * Opens `GET /vaults/:vaultId/stream` with fetch streaming, as the app does
 * (so it can send the Authorization header). For a non-200 answer the
 * stream is already ended and `status` says why.
 */
export async function openEventStream(
  baseUrl: string,
  token: string,
  vaultId: string,
  after?: number,
): Promise<EventStream> {
  const controller = new AbortController();
  const query = after === undefined ? "" : `?after=${after}`;
  const response = await fetch(`${baseUrl}/api/v1/vaults/${vaultId}/stream${query}`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: controller.signal,
  });
  const frames: StreamFrame[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  let done = false;

  const ended = (async () => {
    if (response.body === null) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        for (let cut = buffer.indexOf("\n\n"); cut !== -1; cut = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event: string | undefined;
          let data: string | undefined;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) {
              frames.push({ comment: line.slice(1).trim(), at: Date.now() });
            } else if (line.startsWith("event:")) {
              event = line.slice(6).trim();
            } else if (line.startsWith("data:")) {
              data = (data === undefined ? "" : `${data}\n`) + line.slice(5).trim();
            }
          }
          if (event !== undefined || data !== undefined) {
            frames.push({
              ...(event === undefined ? {} : { event }),
              ...(data === undefined ? {} : { data }),
              at: Date.now(),
            });
          }
          notify();
        }
      }
    } catch {
      // Aborted by close(), or the connection dropped.
    } finally {
      done = true;
      notify();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    frames,
    ended,
    close: () => controller.abort(),
    waitFor(match, timeoutMs = 5_000) {
      return new Promise<StreamFrame>((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (found !== undefined) {
            finish();
            resolve(found);
          } else if (done) {
            finish();
            reject(new Error("The stream ended without a matching frame."));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No matching frame within ${timeoutMs} ms.`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
