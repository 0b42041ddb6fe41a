/**
 * Every endpoint of the sync API, with who may call it. All under /api/v1,
 * JSON in and out unless noted. "auth" = `Authorization: Bearer <token>`.
 * Errors are `errorBody` with a reason from `errorReasons`; refusals never
 * say whether another account or vault exists.
 */
export const api = {
  health: "GET /api/v1/health",
  // Accounts (OPAQUE: the password never reaches the server)
  registrationStart: "POST /api/v1/accounts/registration/start",
  registrationFinish: "POST /api/v1/accounts/registration/finish",
  loginStart: "POST /api/v1/sessions/start",
  loginFinish: "POST /api/v1/sessions/finish",
  account: "GET /api/v1/account (auth)",
  signOutDevice:
    "DELETE /api/v1/sessions/:sessionId (auth; own sessions only; 'current' for this one; optional body signOutDeviceRequest: erase that device)",
  sessionEnded:
    "POST /api/v1/sessions/ended (no auth; rate-limited; body sessionEndedRequest: was this session signed out from another device?)",
  reauthStart: "POST /api/v1/account/reauth/start (auth)",
  passwordStart: "POST /api/v1/account/password/start (auth)",
  passwordFinish: "POST /api/v1/account/password/finish (auth)",
  recoveryStart: "POST /api/v1/recovery/start",
  recoveryFinish: "POST /api/v1/recovery/finish",
  recoveryComplete: "POST /api/v1/recovery/complete",
  deleteAccount: "DELETE /api/v1/account (auth; body accountDeleteRequest)",
  // Vaults
  createVault: "POST /api/v1/vaults (auth; kind record or circle)",
  listVaults: "GET /api/v1/vaults (auth; each with its kind)",
  deleteVault: "DELETE /api/v1/vaults/:vaultId (auth; owner; deletes its events, members, invites)",
  members: "GET /api/v1/vaults/:vaultId/members (auth; member)",
  myGrants: "GET /api/v1/vaults/:vaultId/grants/mine (auth; member)",
  putGrants: "PUT /api/v1/vaults/:vaultId/grants (auth; owner)",
  removeMember:
    "DELETE /api/v1/vaults/:vaultId/members/:accountId (auth; owner, or the member themself)",
  membershipLog:
    "GET /api/v1/vaults/:vaultId/log (auth; member; the owner-signed membership chain)",
  appendMembershipLog:
    "POST /api/v1/vaults/:vaultId/log (auth; owner; the next entry; a wrong position is 409 log-conflict)",
  createInvite: "POST /api/v1/vaults/:vaultId/invites (auth; owner)",
  listInvites: "GET /api/v1/vaults/:vaultId/invites (auth; owner; pending, used, expired, revoked)",
  revokeInvite:
    "DELETE /api/v1/vaults/:vaultId/invites/:inviteId (auth; owner; the link then answers invite-revoked)",
  acceptInvite: "POST /api/v1/invites/:inviteId/accept (auth)",
  append:
    "POST /api/v1/vaults/:vaultId/events (auth; owner or partner; in a circle vault viewers too)",
  putAttachment:
    "PUT /api/v1/vaults/:vaultId/attachments/:attachmentId (auth; owner or partner; application/octet-stream, sealed; the same bytes again is 200, other bytes under a used id 409)",
  getAttachment:
    "GET /api/v1/vaults/:vaultId/attachments/:attachmentId (auth; a member with a grant; application/octet-stream)",
  deleteAttachment:
    "DELETE /api/v1/vaults/:vaultId/attachments/:attachmentId (auth; owner or partner)",
  pull: "GET /api/v1/vaults/:vaultId/events?after=<seq>&limit=<n> (auth; member)",
  stream: "GET /api/v1/vaults/:vaultId/stream?after=<seq> (auth; member; text/event-stream)",
  // The push relay (no account; see push.ts and docs/push.md)
  pushKey: "GET /api/v1/push/key",
  pushRegister: "POST /api/v1/push/devices (no auth; rate-limited per address)",
  pushSchedule:
    "PUT /api/v1/push/devices/:deviceId/schedule (Bearer <device secret>; replaces the whole queue)",
  pushDelete: "DELETE /api/v1/push/devices/:deviceId (Bearer <device secret>)",
} as const;

/**
 * The invite link the owner shares. Everything after `#` stays on the devices:
 * browsers never send the fragment to a server.
 * `https://<host>/invite#v=<vaultId>&i=<inviteId>&t=<token>&o=<owner signing key>`
 */
export function inviteLink(
  origin: string,
  p: { vaultId: string; inviteId: string; token: string; ownerSigningKey: string },
): string {
  return `${origin}/invite#v=${p.vaultId}&i=${p.inviteId}&t=${p.token}&o=${p.ownerSigningKey}`;
}

/**
 * A circle's invite link: the same fragment as `inviteLink`, at `/circle`,
 * so the page that opens it is the reader's, which loads nothing of a record.
 * `https://<host>/circle#v=<circleId>&i=<inviteId>&t=<token>&o=<owner signing key>`
 */
export function circleInviteLink(
  origin: string,
  p: { vaultId: string; inviteId: string; token: string; ownerSigningKey: string },
): string {
  return inviteLink(origin, p).replace(`${origin}/invite#`, `${origin}/circle#`);
}

export function parseInviteLink(
  fragment: string,
): { vaultId: string; inviteId: string; token: string; ownerSigningKey: string } | null {
  const params = new Map(
    fragment
      .replace(/^#/, "")
      .split("&")
      .map((pair) => pair.split("=") as [string, string | undefined]),
  );
  const vaultId = params.get("v");
  const inviteId = params.get("i");
  const token = params.get("t");
  const ownerSigningKey = params.get("o");
  if (!vaultId || !inviteId || !token || !ownerSigningKey) return null;
  return { vaultId, inviteId, token, ownerSigningKey };
}
