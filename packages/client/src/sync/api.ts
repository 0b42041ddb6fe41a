/**
 * The sync API as typed calls: one function per endpoint of `@trellis/sync`,
 * each sending a body that matches the contract and checking the answer
 * against the contract's schema before anyone uses it. Failures are values
 * with a machine-readable reason, never thrown.
 */
import type { Result } from "@trellis/domain";
import {
  accountDeleteRequest,
  accountResponse,
  type appendRequest,
  appendResponse,
  attachmentPutResponse,
  EVENT_PAGE_CONTENT_TYPE,
  errorBody,
  inviteAcceptRequest,
  inviteAcceptResponse,
  inviteCreateRequest,
  inviteListResponse,
  loginFinishRequest,
  loginFinishResponse,
  loginStartRequest,
  loginStartResponse,
  membershipLogAppendRequest,
  membershipLogResponse,
  membersResponse,
  myGrantsResponse,
  passwordFinishRequest,
  passwordStartRequest,
  passwordStartResponse,
  putGrantsRequest,
  reauthStartRequest,
  reauthStartResponse,
  recoveryCompleteRequest,
  recoveryCompleteResponse,
  recoveryFinishRequest,
  recoveryFinishResponse,
  recoveryStartRequest,
  recoveryStartResponse,
  registrationFinishRequest,
  registrationFinishResponse,
  registrationStartRequest,
  registrationStartResponse,
  sessionEndedRequest,
  sessionEndedResponse,
  signOutDeviceRequest,
  vaultCreateRequest,
  vaultListResponse,
} from "@trellis/sync";
import type { z } from "zod";
import { type EventPage, pulledPage } from "./pulled-page.ts";
import type { HttpMethod, Transport } from "./transport.ts";

/**
 * Why a call failed. `reason` is one of the contract's `errorReasons` when the
 * server said so, or one of the client's own: `offline` (no answer at all),
 * `bad-response` (an answer that does not match the contract).
 */
export interface SyncFailure {
  readonly reason: string;
  /** HTTP status, when an answer came. */
  readonly status?: number;
  /** Seconds to wait before trying again (on `rate-limited`). */
  readonly retryAfter?: number;
}

export type ApiResult<T> = Promise<Result<T, SyncFailure>>;

const PREFIX = "/api/v1";
/** How attachment bytes travel, both ways. */
export const ATTACHMENT_CONTENT_TYPE = "application/octet-stream";
/** An answer that must be bytes (an attachment), never JSON. */
const sealedBytes = {
  safeParse: (value: unknown) =>
    value instanceof Uint8Array && value.length > 0
      ? { success: true as const, data: value }
      : { success: false as const },
};
const EMPTY = { safeParse: (value: unknown) => ({ success: true as const, data: value }) };

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;

/** `/vaults/<id><rest>`, under the API prefix. */
function vaultPath(vaultId: string, rest = ""): string {
  return `/vaults/${encodeURIComponent(vaultId)}${rest}`;
}

/** Typed calls on one server. `token` is the session's bearer token, where a call needs one. */
export function createApi(transport: Transport) {
  async function call<T>(
    method: HttpMethod,
    path: string,
    options: {
      token?: string | undefined;
      body?: unknown;
      request?: z.ZodType;
      response: { safeParse(value: unknown): { success: boolean; data?: unknown } };
      signal?: AbortSignal | undefined;
      accept?: string | undefined;
      bytes?: Uint8Array | undefined;
    },
  ): ApiResult<T> {
    let body = options.body;
    if (options.request && body !== undefined) {
      // Our own bug if this fails: never send what the contract refuses.
      body = options.request.parse(body);
    }
    const response = await transport.request({
      method,
      path: `${PREFIX}${path}`,
      token: options.token,
      body,
      ...(options.bytes && { bytes: options.bytes }),
      signal: options.signal,
      accept: options.accept,
    });
    if (!response) return { ok: false, error: { reason: "offline" } };
    if (response.status >= 200 && response.status < 300) {
      const parsed = options.response.safeParse(response.bytes ?? response.body);
      if (!parsed.success) {
        return { ok: false, error: { reason: "bad-response", status: response.status } };
      }
      return { ok: true, value: parsed.data as T };
    }
    const failure = errorBody.safeParse(response.body);
    if (!failure.success) {
      return {
        ok: false,
        error: {
          reason: response.status >= 500 ? "internal" : "bad-response",
          status: response.status,
        },
      };
    }
    const { reason, retryAfter } = failure.data.error;
    return {
      ok: false,
      error: { reason, status: response.status, ...(retryAfter !== undefined && { retryAfter }) },
    };
  }

  return {
    health: () => call<unknown>("GET", "/health", { response: EMPTY }),

    registrationStart: (body: In<typeof registrationStartRequest>) =>
      call<Out<typeof registrationStartResponse>>("POST", "/accounts/registration/start", {
        body,
        request: registrationStartRequest,
        response: registrationStartResponse,
      }),
    registrationFinish: (body: In<typeof registrationFinishRequest>) =>
      call<Out<typeof registrationFinishResponse>>("POST", "/accounts/registration/finish", {
        body,
        request: registrationFinishRequest,
        response: registrationFinishResponse,
      }),
    loginStart: (body: In<typeof loginStartRequest>) =>
      call<Out<typeof loginStartResponse>>("POST", "/sessions/start", {
        body,
        request: loginStartRequest,
        response: loginStartResponse,
      }),
    loginFinish: (body: In<typeof loginFinishRequest>) =>
      call<Out<typeof loginFinishResponse>>("POST", "/sessions/finish", {
        body,
        request: loginFinishRequest,
        response: loginFinishResponse,
      }),
    account: (token: string) =>
      call<Out<typeof accountResponse>>("GET", "/account", { token, response: accountResponse }),
    /** With `erase` (the account's signature), that device erases itself when it hears. */
    signOutDevice: (
      token: string,
      sessionId: string | "current",
      erase?: In<typeof signOutDeviceRequest>,
    ) =>
      call<unknown>("DELETE", `/sessions/${encodeURIComponent(sessionId)}`, {
        token,
        ...(erase && { body: erase, request: signOutDeviceRequest }),
        response: EMPTY,
      }),
    /** No token: was the session with this token hash signed out from another device? */
    sessionEnded: (body: In<typeof sessionEndedRequest>) =>
      call<Out<typeof sessionEndedResponse>>("POST", "/sessions/ended", {
        body,
        request: sessionEndedRequest,
        response: sessionEndedResponse,
      }),
    reauthStart: (token: string, body: In<typeof reauthStartRequest>) =>
      call<Out<typeof reauthStartResponse>>("POST", "/account/reauth/start", {
        token,
        body,
        request: reauthStartRequest,
        response: reauthStartResponse,
      }),
    passwordStart: (token: string, body: In<typeof passwordStartRequest>) =>
      call<Out<typeof passwordStartResponse>>("POST", "/account/password/start", {
        token,
        body,
        request: passwordStartRequest,
        response: passwordStartResponse,
      }),
    passwordFinish: (token: string, body: In<typeof passwordFinishRequest>) =>
      call<unknown>("POST", "/account/password/finish", {
        token,
        body,
        request: passwordFinishRequest,
        response: EMPTY,
      }),
    recoveryStart: (body: In<typeof recoveryStartRequest>) =>
      call<Out<typeof recoveryStartResponse>>("POST", "/recovery/start", {
        body,
        request: recoveryStartRequest,
        response: recoveryStartResponse,
      }),
    recoveryFinish: (body: In<typeof recoveryFinishRequest>) =>
      call<Out<typeof recoveryFinishResponse>>("POST", "/recovery/finish", {
        body,
        request: recoveryFinishRequest,
        response: recoveryFinishResponse,
      }),
    recoveryComplete: (body: In<typeof recoveryCompleteRequest>) =>
      call<Out<typeof recoveryCompleteResponse>>("POST", "/recovery/complete", {
        body,
        request: recoveryCompleteRequest,
        response: recoveryCompleteResponse,
      }),
    deleteAccount: (token: string, body: In<typeof accountDeleteRequest>) =>
      call<unknown>("DELETE", "/account", {
        token,
        body,
        request: accountDeleteRequest,
        response: EMPTY,
      }),

    createVault: (token: string, body: In<typeof vaultCreateRequest>) =>
      call<unknown>("POST", "/vaults", {
        token,
        body,
        request: vaultCreateRequest,
        response: EMPTY,
      }),
    listVaults: (token: string) =>
      call<Out<typeof vaultListResponse>>("GET", "/vaults", { token, response: vaultListResponse }),
    /** Owner only: the vault and everything in it (events, members, invites, attachments). */
    deleteVault: (token: string, vaultId: string) =>
      call<unknown>("DELETE", vaultPath(vaultId), { token, response: EMPTY }),
    /** Stores sealed attachment bytes (`sealAttachment`) under the vault; the same bytes again is fine. */
    putAttachment: (token: string, vaultId: string, attachmentId: string, sealed: Uint8Array) =>
      call<Out<typeof attachmentPutResponse>>(
        "PUT",
        vaultPath(vaultId, `/attachments/${encodeURIComponent(attachmentId)}`),
        { token, bytes: sealed, response: attachmentPutResponse },
      ),
    /** The sealed bytes of an attachment, still to be opened with its key. */
    getAttachment: (token: string, vaultId: string, attachmentId: string) =>
      call<Uint8Array>(
        "GET",
        vaultPath(vaultId, `/attachments/${encodeURIComponent(attachmentId)}`),
        { token, response: sealedBytes, accept: ATTACHMENT_CONTENT_TYPE },
      ),
    deleteAttachment: (token: string, vaultId: string, attachmentId: string) =>
      call<unknown>(
        "DELETE",
        vaultPath(vaultId, `/attachments/${encodeURIComponent(attachmentId)}`),
        { token, response: EMPTY },
      ),
    members: (token: string, vaultId: string) =>
      call<Out<typeof membersResponse>>("GET", vaultPath(vaultId, "/members"), {
        token,
        response: membersResponse,
      }),
    membershipLog: (token: string, vaultId: string) =>
      call<Out<typeof membershipLogResponse>>("GET", vaultPath(vaultId, "/log"), {
        token,
        response: membershipLogResponse,
      }),
    appendMembershipLog: (
      token: string,
      vaultId: string,
      body: In<typeof membershipLogAppendRequest>,
    ) =>
      call<unknown>("POST", vaultPath(vaultId, "/log"), {
        token,
        body,
        request: membershipLogAppendRequest,
        response: EMPTY,
      }),
    myGrants: (token: string, vaultId: string) =>
      call<Out<typeof myGrantsResponse>>("GET", vaultPath(vaultId, "/grants/mine"), {
        token,
        response: myGrantsResponse,
      }),
    putGrants: (token: string, vaultId: string, body: In<typeof putGrantsRequest>) =>
      call<unknown>("PUT", vaultPath(vaultId, "/grants"), {
        token,
        body,
        request: putGrantsRequest,
        response: EMPTY,
      }),
    removeMember: (token: string, vaultId: string, accountId: string) =>
      call<unknown>("DELETE", vaultPath(vaultId, `/members/${encodeURIComponent(accountId)}`), {
        token,
        response: EMPTY,
      }),
    createInvite: (token: string, vaultId: string, body: In<typeof inviteCreateRequest>) =>
      call<unknown>("POST", vaultPath(vaultId, "/invites"), {
        token,
        body,
        request: inviteCreateRequest,
        response: EMPTY,
      }),
    /** The vault's invites (owner only), newest first, each with where it stands. */
    invites: (token: string, vaultId: string) =>
      call<Out<typeof inviteListResponse>>("GET", vaultPath(vaultId, "/invites"), {
        token,
        response: inviteListResponse,
      }),
    /** Withdraws an unused invite (owner only): its link then answers `invite-revoked`. */
    revokeInvite: (token: string, vaultId: string, inviteId: string) =>
      call<unknown>("DELETE", vaultPath(vaultId, `/invites/${encodeURIComponent(inviteId)}`), {
        token,
        response: EMPTY,
      }),
    acceptInvite: (token: string, inviteId: string, body: In<typeof inviteAcceptRequest>) =>
      call<Out<typeof inviteAcceptResponse>>(
        "POST",
        `/invites/${encodeURIComponent(inviteId)}/accept`,
        { token, body, request: inviteAcceptRequest, response: inviteAcceptResponse },
      ),
    /**
     * Not checked against `appendRequest` before sending: the bodies are
     * this device's own sealing, and matching 100k of them against the
     * base64 pattern was a second of a first device's push.
     */
    append: (token: string, vaultId: string, body: In<typeof appendRequest>) =>
      call<Out<typeof appendResponse>>("POST", vaultPath(vaultId, "/events"), {
        token,
        body,
        response: appendResponse,
      }),
    /** Up to `limit` events after seq `after`, bodies as bytes (asked for in binary, JSON understood). */
    pull: (token: string, vaultId: string, after: number, limit: number) =>
      call<EventPage>("GET", vaultPath(vaultId, `/events?after=${after}&limit=${limit}`), {
        token,
        response: pulledPage,
        accept: EVENT_PAGE_CONTENT_TYPE,
      }),
    /**
     * The newest `limit` events before seq `before` (`Number.MAX_SAFE_INTEGER`
     * for the very end), oldest first; `more` says older ones exist. A new
     * device reads from the end for the newest snapshot.
     */
    pullBefore: (token: string, vaultId: string, before: number, limit: number) =>
      call<EventPage>("GET", vaultPath(vaultId, `/events?before=${before}&limit=${limit}`), {
        token,
        response: pulledPage,
        accept: EVENT_PAGE_CONTENT_TYPE,
      }),
    /** Path of the live stream, for `Transport.stream`. */
    streamPath: (vaultId: string, after: number) =>
      `${PREFIX}${vaultPath(vaultId, `/stream?after=${after}`)}`,
  };
}

export type SyncApi = ReturnType<typeof createApi>;
