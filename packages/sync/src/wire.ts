import { z } from "zod";
import {
  accountProofErrorReasons,
  freshProof,
  quotaErrorReasons,
  registrationId,
} from "./account-proof.ts";

/**
 * The Trellis sync wire contract: every request and response body between the
 * client and the server, as schemas both sides validate against. The server
 * only ever sees what is here: ids, opaque OPAQUE messages, public keys,
 * wrapped keys and sealed event bodies. Nothing here carries a person's words.
 *
 * Encodings: `b64url` = unpadded base64url (keys, wrapped keys, grants, tokens);
 * `b64` = standard padded base64 (event bodies, as the event store already uses).
 */

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
    error: "must be a lowercase UUID",
  });
export const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, { error: "must be unpadded base64url" });
const b64 = z
  .string()
  .min(1)
  .max(400_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: "must be base64" });

/**
 * A username is only a login name: it never has to be a real name or an email,
 * and the app suggests it is not. NFKC-normalised (full-width letters become
 * plain ones) and compared lowercased; the server also refuses lookalikes of
 * names in use (`username-confusable`).
 */
export const username = z
  .string()
  .normalize("NFKC")
  .trim()
  .min(3, { error: "must be at least 3 characters" })
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[\p{L}\p{N}._@+-]+$/u, { error: "may use letters, digits and . _ @ + - only" })
  .transform((s) => s.toLowerCase());

/** A name for a device ("Maya's phone"); shown in the device list. */
export const deviceName = z.string().trim().min(1).max(60);

/** OPAQUE protocol messages from @serenity-kit/opaque, passed through untouched. */
const opaqueMessage = b64url(4096);

export const publicIdentity = z.strictObject({
  /** Ed25519 public key: verifies grants this account signs. */
  signingKey: b64url(64),
  /** X25519 public key: vault keys are sealed to it. */
  boxKey: b64url(64),
});
export type PublicIdentity = z.infer<typeof publicIdentity>;

export const session = z.strictObject({
  sessionId: uuid,
  /** Bearer token for `Authorization: Bearer <token>`; the server keeps only its hash. */
  token: b64url(128),
});
export type Session = z.infer<typeof session>;

export const roles = ["owner", "partner", "viewer"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

// --- Accounts -------------------------------------------------------------

export const registrationStartRequest = z.strictObject({
  username,
  registrationRequest: opaqueMessage,
});
export const registrationStartResponse = z.strictObject({
  registrationResponse: opaqueMessage,
  /** Finish must name it: it completes only a start issued for this username. */
  registrationId,
});

export const registrationFinishRequest = z.strictObject({
  username,
  registrationId,
  registrationRecord: opaqueMessage,
  /** The account root key, wrapped by the OPAQUE export key and by the recovery key (crypto package). */
  rootKeyWraps: z.strictObject({ exportKey: b64url(512), recoveryKey: b64url(512) }),
  publicIdentity,
  /** Ed25519 public key derived from the recovery key: proves possession during recovery. */
  recoveryAuthKey: b64url(64),
  deviceName,
});
export const registrationFinishResponse = z.strictObject({ accountId: uuid, session });

export const loginStartRequest = z.strictObject({ username, startLoginRequest: opaqueMessage });
export const loginStartResponse = z.strictObject({ loginId: uuid, loginResponse: opaqueMessage });

export const loginFinishRequest = z.strictObject({
  loginId: uuid,
  finishLoginRequest: opaqueMessage,
  deviceName,
});
export const loginFinishResponse = z.strictObject({
  accountId: uuid,
  session,
  rootKeyWrap: b64url(512),
  publicIdentity,
});

/**
 * `POST /sessions/ended` (no auth, rate-limited per address): was the session
 * with this token ended from another device of its account? A device asks it
 * at start, before it can read its own token (with the app lock on, the token
 * is sealed at rest), and erases itself on `true`. `tokenHash` is the
 * SHA-256 of the token's bytes (the token decoded from base64url), b64url.
 * Unknown hashes, and sessions that ended any other way, answer `false`.
 */
export const sessionEndedRequest = z.strictObject({ tokenHash: b64url(64) });
/**
 * `signature`: the account's Ed25519 signature on signing this session out
 * (`signSignOut` in @trellis/crypto), present when the device that signed it
 * out sent one. A device erases itself only on a signature it can check.
 */
export const sessionEndedResponse = z.strictObject({
  endedElsewhere: z.boolean(),
  signature: b64url(86).optional(),
});

/**
 * Body of `DELETE /sessions/:sessionId` for another device's session, asking
 * it to erase itself: the account's signature on signing exactly that
 * session out (64 bytes, base64url). Without a body the session just ends
 * and that device is asked to sign in again.
 */
export const signOutDeviceRequest = z.strictObject({ signature: b64url(86) });

export const device = z.strictObject({
  sessionId: uuid,
  deviceName,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export const accountResponse = z.strictObject({
  accountId: uuid,
  username: z.string(),
  publicIdentity,
  devices: z.array(device),
});

export const passwordStartRequest = z.strictObject({ registrationRequest: opaqueMessage });
export const passwordStartResponse = z.strictObject({ registrationResponse: opaqueMessage });
export const passwordFinishRequest = z.strictObject({
  registrationRecord: opaqueMessage,
  /** The same root key, re-wrapped by the new export key: no data is re-encrypted. */
  rootKeyWrap: b64url(512),
  /** Sign out every other device. */
  signOutOthers: z.boolean(),
  /** The current password, proven just now (`account-proof.ts`); without it: 401 `reauth-failed`. */
  proof: freshProof.optional(),
});

/** Recovery: prove possession of the recovery key, then set a new password. */
export const recoveryStartRequest = z.strictObject({ username });
export const recoveryStartResponse = z.strictObject({
  recoveryId: uuid,
  /** Random bytes to sign with the recovery auth key. */
  challenge: b64url(128),
  /** The root key wrapped by the recovery key. Unknown usernames get a convincing fake. */
  recoveryWrap: b64url(512),
});
export const recoveryFinishRequest = z.strictObject({
  recoveryId: uuid,
  /** Ed25519 signature of the challenge by the recovery auth key. */
  signature: b64url(128),
  registrationRequest: opaqueMessage,
});
export const recoveryFinishResponse = z.strictObject({ registrationResponse: opaqueMessage });
export const recoveryCompleteRequest = z.strictObject({
  recoveryId: uuid,
  registrationRecord: opaqueMessage,
  rootKeyWrap: b64url(512),
  deviceName,
});
export const recoveryCompleteResponse = z.strictObject({
  accountId: uuid,
  session,
  publicIdentity,
});

export const accountDeleteRequest = z.strictObject({
  confirmUsername: username,
  /** The current password, proven just now (`account-proof.ts`); without it: 401 `reauth-failed`. */
  proof: freshProof.optional(),
});

// --- Vaults, members, keys ------------------------------------------------

/**
 * What a vault holds: a person's `record`, or a `circle` (news for family and
 * friends, under its own key, never the record's). The server keeps the kind
 * so a new device follows the record and not a circle; it never sees what is
 * inside either. In a circle, viewers may append too (replies and reactions,
 * which the circle's own fold takes only where the post allows them).
 */
export const vaultKind = z.enum(["record", "circle"]);

export const vaultCreateRequest = z.strictObject({
  vaultId: uuid,
  /** The vault key (epoch 1) sealed to the owner's own box key and signed by them. */
  ownerGrant: b64url(1024),
  /** `record` when absent. */
  kind: vaultKind.optional(),
});

export const vaultSummary = z.strictObject({
  vaultId: uuid,
  role,
  /** The key epoch new events must use. */
  epoch: z.number().int().min(1),
  /** `record` from a server older than circles. */
  kind: vaultKind.default("record"),
});
export const vaultListResponse = z.strictObject({ vaults: z.array(vaultSummary) });

// --- Attachments ------------------------------------------------------------

/**
 * A sealed attachment (a photo): `sealAttachment` bytes from @trellis/crypto,
 * sent and received as `application/octet-stream`. The server stores the
 * bytes under (vaultId, attachmentId) and knows nothing else: no file name,
 * no type, no size before padding. Its key travels inside the entry or post
 * that shows it. At most `MAX_ATTACHMENT_BYTES` each; counted in the owning
 * account's storage quota.
 */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;
export const attachmentId = uuid;
export const attachmentPutResponse = z.strictObject({
  attachmentId: uuid,
  /** Bytes stored (the sealed size). */
  bytes: z.number().int().min(1),
});

export const member = z.strictObject({
  accountId: uuid,
  role,
  publicIdentity,
  /** Pending: accepted an invite, waiting for the owner to compare the safety code and send the key. */
  status: z.enum(["pending", "active"]),
  joinedAt: z.string(),
});
export const membersResponse = z.strictObject({
  members: z.array(member),
  epoch: z.number().int().min(1),
});

export const grant = z.strictObject({
  epoch: z.number().int().min(1),
  grant: b64url(1024),
  grantedBy: uuid,
  /** The granting owner's signing key, as the server has it (the client checks it against what it trusts). */
  signerKey: b64url(64),
});
export const myGrantsResponse = z.strictObject({ grants: z.array(grant) });

export const putGrantsRequest = z.strictObject({
  /** Current epoch (adding a member) or current + 1 (rotating after a removal). */
  epoch: z.number().int().min(1),
  grants: z
    .array(z.strictObject({ accountId: uuid, grant: b64url(1024) }))
    .min(1)
    .max(50),
});

// --- Membership log (owner-signed chain; see docs/sync-protocol.md) ---------

/**
 * One entry of a vault's membership log: bytes signed by the owner's
 * identity key and chained by hash (`signMembershipEntry` in @trellis/crypto).
 * The server stores and serves them in order; only clients can check them.
 */
export const membershipLogEntry = z.strictObject({
  position: z.number().int().min(0).max(0xffff_ffff),
  entry: b64url(8192),
});
/** `GET /vaults/:vaultId/log` (member): every entry, by position. */
export const membershipLogResponse = z.strictObject({ entries: z.array(membershipLogEntry) });
/** `POST /vaults/:vaultId/log` (owner): the next entry; its position must be the log's length. */
export const membershipLogAppendRequest = membershipLogEntry;

// --- Invites ----------------------------------------------------------------

export const inviteCreateRequest = z.strictObject({
  inviteId: uuid,
  /**
   * SHA-256 of the one-time token's bytes (the token decoded from base64url), b64url.
   * The token itself travels only in the link's fragment.
   */
  tokenHash: b64url(64),
  role: z.enum(["partner", "viewer"]),
  /** ISO instant; at most 7 days ahead. */
  expiresAt: z.string(),
});
export const inviteAcceptRequest = z.strictObject({ token: b64url(128) });

/**
 * Where an invite stands, as the server sees it: `pending` (can still be
 * accepted), `used` (someone joined with it), `expired` (past `expiresAt`,
 * never used) or `revoked` (the owner withdrew it before it was used).
 */
export const inviteStatuses = ["pending", "used", "expired", "revoked"] as const;
export const inviteStatus = z.enum(inviteStatuses);
export type InviteStatus = z.infer<typeof inviteStatus>;
/** One invite the owner made: never its token or hash, nor who used it. */
export const inviteSummary = z.strictObject({
  inviteId: uuid,
  role: z.enum(["partner", "viewer"]),
  status: inviteStatus,
  /** ISO instants. */
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InviteSummary = z.infer<typeof inviteSummary>;
/** `GET /vaults/:vaultId/invites` (owner): newest first; invites are forgotten a week after they expire. */
export const inviteListResponse = z.strictObject({ invites: z.array(inviteSummary) });
export const inviteAcceptResponse = z.strictObject({
  vaultId: uuid,
  role,
  owner: z.strictObject({ accountId: uuid, publicIdentity }),
});

// --- Events (already served by the vault store) --------------------------

/**
 * Entries one append may carry (issue 15: 500 made a first device's 100k
 * entries 200 round trips). A client also keeps each request's JSON under
 * `MAX_APPEND_BYTES`, well inside the server's default body limit (8 MiB).
 */
export const MAX_APPEND_EVENTS = 2000;
export const MAX_APPEND_BYTES = 4 * 1024 * 1024;
/** Entries one pull may ask for (`limit`). */
export const MAX_PULL_EVENTS = 5000;

export const appendRequest = z.strictObject({
  events: z
    .array(z.strictObject({ id: uuid, body: b64 }))
    .min(1)
    .max(MAX_APPEND_EVENTS),
});
export const appendResponse = z.strictObject({
  results: z.array(z.strictObject({ id: uuid, seq: z.number().int(), stored: z.boolean() })),
});
export const pullResponse = z.strictObject({
  events: z.array(
    z.strictObject({ seq: z.number().int(), id: uuid, body: b64, receivedAt: z.string() }),
  ),
  next: z.number().int(),
  more: z.boolean(),
});

/**
 * The live stream (`GET /api/v1/vaults/:vaultId/stream`, text/event-stream,
 * Authorization header, read with fetch streaming): `event: events` with data
 * `{"upTo": <seq>}` when new events exist (the client then pulls), and a
 * comment line `: ping` every 25 s.
 */
export const streamNotice = z.strictObject({ upTo: z.number().int() });

// --- Errors -------------------------------------------------------------

export const errorReasons = [
  "malformed-json",
  "invalid-request",
  "body-too-large",
  "unsupported-media-type",
  "not-found",
  "unauthenticated",
  /** 401: this session was signed out from another device of the account (it should forget what it holds). */
  "signed-out-elsewhere",
  "forbidden",
  "username-taken",
  "login-failed",
  "rate-limited",
  "invite-invalid",
  "invite-expired",
  "invite-used",
  "invite-revoked",
  "stale-epoch",
  "log-conflict",
  "storage-unavailable",
  "internal",
  ...accountProofErrorReasons,
  ...quotaErrorReasons,
] as const;
export type ErrorReason = (typeof errorReasons)[number];
export const errorBody = z.strictObject({
  error: z.strictObject({
    reason: z.string(),
    message: z.string(),
    /** Seconds to wait, on `rate-limited`. */
    retryAfter: z.number().optional(),
  }),
});
