/**
 * Account flows on the client side of OPAQUE: the password never leaves the
 * device; its export key wraps the account root key, and the recovery key
 * wraps it too. Pure protocol steps over the API: nothing is stored here
 * (see `account-sync.ts` for what a device keeps).
 */
import * as opaque from "@serenity-kit/opaque";
import {
  deriveIdentity,
  ExportKey,
  fromBase64Url,
  generateRootKey,
  type Identity,
  type NewRecoveryKey,
  parseRecoveryKey,
  publicIdentity,
  type RootKey,
  recoveryAuthKey,
  signRecoveryChallenge,
  toBase64Url,
  unwrapRootKey,
  wrapRootKey,
} from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { FreshProof, ReauthAction, Session } from "@trellis/sync";
import type { SyncApi, SyncFailure } from "./api.ts";

/** A device signed in to an account: its session and the keys only the person's devices hold. */
export interface SignedIn {
  readonly accountId: string;
  readonly session: Session;
  readonly rootKey: RootKey;
  readonly identity: Identity;
}

export type AccountResult<T> = Promise<Result<T, SyncFailure>>;

const failure = (reason: string) => ({ ok: false as const, error: { reason } });

/** The public identity as the contract sends it (base64url). */
export function wireIdentity(identity: Identity) {
  const pub = publicIdentity(identity);
  return { signingKey: toBase64Url(pub.signingKey), boxKey: toBase64Url(pub.boxKey) };
}

function exportKeyOf(text: string): Result<ExportKey, SyncFailure> {
  const key = ExportKey.decode(text);
  return key.ok ? key : failure("bad-response");
}

/**
 * Unwraps the root key and checks the identity it derives is the one the
 * server has for the account: a server that swapped keys is caught here.
 */
function openRoot(
  wrapText: string,
  unlock: Parameters<typeof unwrapRootKey>[1],
  expected: { signingKey: string; boxKey: string } | null,
): Result<{ rootKey: RootKey; identity: Identity }, SyncFailure> {
  const wrap = fromBase64Url(wrapText);
  if (!wrap.ok) return failure("bad-response");
  const root = unwrapRootKey(wrap.value, unlock);
  if (!root.ok) {
    return failure(unlock.purpose === "recovery-key" ? "wrong-recovery-key" : root.error.reason);
  }
  const identity = deriveIdentity(root.value);
  if (expected) {
    const mine = wireIdentity(identity);
    if (mine.signingKey !== expected.signingKey || mine.boxKey !== expected.boxKey) {
      return failure("identity-mismatch");
    }
  }
  return { ok: true, value: { rootKey: root.value, identity } };
}

/**
 * Creates an account. The recovery key is made (and shown, and saved by the
 * person) before this is called, so an account never exists without one.
 */
export async function register(
  api: SyncApi,
  input: {
    readonly username: string;
    readonly password: string;
    readonly deviceName: string;
    readonly recovery: NewRecoveryKey;
  },
): AccountResult<SignedIn> {
  await opaque.ready;
  const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
    password: input.password,
  });
  const started = await api.registrationStart({ username: input.username, registrationRequest });
  if (!started.ok) return started;
  const finished = opaque.client.finishRegistration({
    clientRegistrationState,
    registrationResponse: started.value.registrationResponse,
    password: input.password,
  });
  const exportKey = exportKeyOf(finished.exportKey);
  if (!exportKey.ok) return exportKey;
  const rootKey = generateRootKey();
  const identity = deriveIdentity(rootKey);
  const done = await api.registrationFinish({
    username: input.username,
    registrationId: started.value.registrationId,
    registrationRecord: finished.registrationRecord,
    rootKeyWraps: {
      exportKey: toBase64Url(wrapRootKey(rootKey, { purpose: "export-key", key: exportKey.value })),
      recoveryKey: toBase64Url(
        wrapRootKey(rootKey, { purpose: "recovery-key", key: input.recovery.key }),
      ),
    },
    publicIdentity: wireIdentity(identity),
    recoveryAuthKey: toBase64Url(recoveryAuthKey(input.recovery.key)),
    deviceName: input.deviceName,
  });
  if (!done.ok) return done;
  return {
    ok: true,
    value: { accountId: done.value.accountId, session: done.value.session, rootKey, identity },
  };
}

/** Signs in on this device: OPAQUE login, then the root key from its wrap. */
export async function signIn(
  api: SyncApi,
  input: { readonly username: string; readonly password: string; readonly deviceName: string },
): AccountResult<SignedIn> {
  await opaque.ready;
  const { clientLoginState, startLoginRequest } = opaque.client.startLogin({
    password: input.password,
  });
  const started = await api.loginStart({ username: input.username, startLoginRequest });
  if (!started.ok) return started;
  const finished = opaque.client.finishLogin({
    clientLoginState,
    loginResponse: started.value.loginResponse,
    password: input.password,
  });
  // Wrong password or unknown name: OPAQUE cannot tell which, and neither do we.
  if (!finished) return failure("login-failed");
  const exportKey = exportKeyOf(finished.exportKey);
  if (!exportKey.ok) return exportKey;
  const done = await api.loginFinish({
    loginId: started.value.loginId,
    finishLoginRequest: finished.finishLoginRequest,
    deviceName: input.deviceName,
  });
  if (!done.ok) return done;
  const opened = openRoot(
    done.value.rootKeyWrap,
    { purpose: "export-key", key: exportKey.value },
    done.value.publicIdentity,
  );
  if (!opened.ok) return opened;
  return {
    ok: true,
    value: { accountId: done.value.accountId, session: done.value.session, ...opened.value },
  };
}

/**
 * A new password from the recovery key: proves possession by signing the
 * server's challenge, sets the new password, and re-wraps the same root key
 * (no data changes). Every other device is signed out by the server.
 */
export async function recover(
  api: SyncApi,
  input: {
    readonly username: string;
    readonly recoveryKeyText: string;
    readonly newPassword: string;
    readonly deviceName: string;
  },
): AccountResult<SignedIn> {
  const recoveryKey = parseRecoveryKey(input.recoveryKeyText);
  if (!recoveryKey.ok) return failure(recoveryKey.error.reason);
  const started = await api.recoveryStart({ username: input.username });
  if (!started.ok) return started;
  // Unknown names get a fake wrap: it fails to open exactly like a wrong key.
  const opened = openRoot(
    started.value.recoveryWrap,
    { purpose: "recovery-key", key: recoveryKey.value },
    null,
  );
  if (!opened.ok) return opened;
  const challenge = fromBase64Url(started.value.challenge);
  if (!challenge.ok) return failure("bad-response");
  await opaque.ready;
  const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
    password: input.newPassword,
  });
  const proven = await api.recoveryFinish({
    recoveryId: started.value.recoveryId,
    signature: toBase64Url(signRecoveryChallenge(recoveryKey.value, challenge.value)),
    registrationRequest,
  });
  if (!proven.ok) return proven;
  const finished = opaque.client.finishRegistration({
    clientRegistrationState,
    registrationResponse: proven.value.registrationResponse,
    password: input.newPassword,
  });
  const exportKey = exportKeyOf(finished.exportKey);
  if (!exportKey.ok) return exportKey;
  const done = await api.recoveryComplete({
    recoveryId: started.value.recoveryId,
    registrationRecord: finished.registrationRecord,
    rootKeyWrap: toBase64Url(
      wrapRootKey(opened.value.rootKey, { purpose: "export-key", key: exportKey.value }),
    ),
    deviceName: input.deviceName,
  });
  if (!done.ok) return done;
  const mine = wireIdentity(opened.value.identity);
  if (
    mine.signingKey !== done.value.publicIdentity.signingKey ||
    mine.boxKey !== done.value.publicIdentity.boxKey
  ) {
    return failure("identity-mismatch");
  }
  return {
    ok: true,
    value: { accountId: done.value.accountId, session: done.value.session, ...opened.value },
  };
}

/**
 * A fresh proof of the current password for an account action (the server
 * refuses a session token alone): OPAQUE login for the signed-in account,
 * finished here. A wrong password is `wrong-password`, noticed before
 * anything is sent.
 */
export async function freshProof(
  api: SyncApi,
  input: { readonly token: string; readonly password: string; readonly action: ReauthAction },
): AccountResult<FreshProof> {
  await opaque.ready;
  const { clientLoginState, startLoginRequest } = opaque.client.startLogin({
    password: input.password,
  });
  const started = await api.reauthStart(input.token, { action: input.action, startLoginRequest });
  if (!started.ok) return started;
  const finished = opaque.client.finishLogin({
    clientLoginState,
    loginResponse: started.value.loginResponse,
    password: input.password,
  });
  if (!finished) return failure("wrong-password");
  return {
    ok: true,
    value: { reauthId: started.value.reauthId, finishLoginRequest: finished.finishLoginRequest },
  };
}

/** A new password: the current one proven, the same root key wrapped again. Nothing else changes. */
export async function changePassword(
  api: SyncApi,
  input: {
    readonly token: string;
    readonly rootKey: RootKey;
    readonly currentPassword: string;
    readonly newPassword: string;
    readonly signOutOthers: boolean;
  },
): AccountResult<void> {
  const proof = await freshProof(api, {
    token: input.token,
    password: input.currentPassword,
    action: "password-change",
  });
  if (!proof.ok) return proof;
  const { clientRegistrationState, registrationRequest } = opaque.client.startRegistration({
    password: input.newPassword,
  });
  const started = await api.passwordStart(input.token, { registrationRequest });
  if (!started.ok) return started;
  const finished = opaque.client.finishRegistration({
    clientRegistrationState,
    registrationResponse: started.value.registrationResponse,
    password: input.newPassword,
  });
  const exportKey = exportKeyOf(finished.exportKey);
  if (!exportKey.ok) return exportKey;
  const done = await api.passwordFinish(input.token, {
    registrationRecord: finished.registrationRecord,
    rootKeyWrap: toBase64Url(
      wrapRootKey(input.rootKey, { purpose: "export-key", key: exportKey.value }),
    ),
    signOutOthers: input.signOutOthers,
    proof: proof.value,
  });
  return done.ok ? { ok: true, value: undefined } : done;
}

/** Deletes the account on the server: the password proven, the name typed again. */
export async function deleteAccount(
  api: SyncApi,
  input: { readonly token: string; readonly confirmUsername: string; readonly password: string },
): AccountResult<void> {
  const proof = await freshProof(api, {
    token: input.token,
    password: input.password,
    action: "account-delete",
  });
  if (!proof.ok) return proof;
  const done = await api.deleteAccount(input.token, {
    confirmUsername: input.confirmUsername,
    proof: proof.value,
  });
  return done.ok ? { ok: true, value: undefined } : done;
}
