/**
 * Vaults and the people in them: creating a vault from a record, inviting a
 * partner by link, the safety code both compare, the owner's signed grant of
 * the vault key, and a new epoch when someone is removed. Protocol steps
 * only; what a device keeps is in `account-sync.ts`.
 */
import {
  Ed25519PublicKey,
  fromBase64Url,
  generateVaultKey,
  type Identity,
  openVaultKeyGrant,
  type PublicIdentity,
  type SafetyCode,
  safetyCode,
  sealVaultKeyFor,
  toBase64Url,
  type VaultKey,
  X25519PublicKey,
} from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import {
  circleInviteLink,
  inviteLink,
  parseInviteLink,
  type Role,
  type vaultKind,
} from "@trellis/sync";
import type { z } from "zod";
import { wireIdentity } from "./account.ts";
import type { SyncApi, SyncFailure } from "./api.ts";

type Outcome<T> = Promise<Result<T, SyncFailure>>;
type VaultKind = z.output<typeof vaultKind>;
const failure = (reason: string) => ({ ok: false as const, error: { reason } });

/** How long an invite link works. */
export const INVITE_DAYS = 7;

export interface WireIdentity {
  readonly signingKey: string;
  readonly boxKey: string;
}

/** Checks the keys the server sent for someone before any are used. */
export function decodeIdentity(wire: WireIdentity): Result<PublicIdentity, SyncFailure> {
  const signingKey = Ed25519PublicKey.decode(wire.signingKey);
  const boxKey = X25519PublicKey.decode(wire.boxKey);
  if (!signingKey.ok || !boxKey.ok) return failure("bad-response");
  return { ok: true, value: { signingKey: signingKey.value, boxKey: boxKey.value } };
}

/** The digits two people compare, for me and someone whose keys the server sent. */
export function safetyCodeWith(
  mine: Identity,
  theirs: WireIdentity,
): Result<SafetyCode, SyncFailure> {
  const decoded = decodeIdentity(theirs);
  if (!decoded.ok) return decoded;
  return {
    ok: true,
    value: safetyCode(
      { signingKey: mine.signing.publicKey, boxKey: mine.box.publicKey },
      decoded.value,
    ),
  };
}

/** The vault key sealed to `to` and signed as `identity`, base64url. */
export function grantFor(
  vaultId: string,
  identity: Identity,
  to: PublicIdentity,
  key: VaultKey,
): string {
  return toBase64Url(
    sealVaultKeyFor(to.boxKey, key, { vaultId, signer: identity.signing.secretKey }),
  );
}

/**
 * A new vault, owned by this account, with its first key (epoch 1) granted
 * to the owner: a `record` (the default), or a `circle`, whose key is fresh
 * and never the record's.
 */
export async function createVault(
  api: SyncApi,
  token: string,
  identity: Identity,
  kind: VaultKind = "record",
): Outcome<{ vaultId: string; key: VaultKey }> {
  const vaultId = crypto.randomUUID();
  const key = generateVaultKey(1);
  const own = { signingKey: identity.signing.publicKey, boxKey: identity.box.publicKey };
  const created = await api.createVault(token, {
    vaultId,
    ownerGrant: grantFor(vaultId, identity, own, key),
    kind,
  });
  if (!created.ok) return created;
  return { ok: true, value: { vaultId, key } };
}

/**
 * The vault keys granted to this account, each checked: sealed to my key,
 * for this vault, and signed by the signer I trust for it (the owner's key
 * from the invite link, or my own for my vault). Grants signed by anyone
 * else are ignored, whatever the server says about them.
 */
export async function fetchVaultKeys(
  api: SyncApi,
  token: string,
  input: { readonly vaultId: string; readonly identity: Identity; readonly trustedSigner: string },
): Outcome<VaultKey[]> {
  const signer = Ed25519PublicKey.decode(input.trustedSigner);
  if (!signer.ok) return failure("bad-signature");
  const mine = await api.myGrants(token, input.vaultId);
  if (!mine.ok) return mine;
  const keys: VaultKey[] = [];
  let lastProblem: string | null = null;
  for (const g of mine.value.grants) {
    if (g.signerKey !== input.trustedSigner) {
      lastProblem = "bad-signature";
      continue;
    }
    const bytes = fromBase64Url(g.grant);
    if (!bytes.ok) {
      lastProblem = "bad-response";
      continue;
    }
    const opened = openVaultKeyGrant(bytes.value, {
      recipient: input.identity.box,
      expectedSigner: signer.value,
      vaultId: input.vaultId,
    });
    if (opened.ok) keys.push(opened.value);
    else lastProblem = opened.error.reason;
  }
  if (keys.length === 0 && lastProblem) return failure(lastProblem);
  return { ok: true, value: keys };
}

/** SHA-256 of the token's bytes (not its text), base64url: what the server keeps and compares. */
async function tokenHash(token: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", token)));
}

/**
 * A one-time invite: the token travels only in the link's fragment (never
 * sent to a server by a browser); the server keeps its SHA-256. The link also
 * carries the owner's signing key, which the partner's device later uses to
 * check the grant.
 */
export async function createInvite(
  api: SyncApi,
  token: string,
  input: {
    readonly vaultId: string;
    readonly identity: Identity;
    readonly role: "partner" | "viewer";
    readonly origin: string;
    readonly now: number;
    /** A circle's link opens the reader's page (`/circle#…`), not the record's (`/invite#…`). */
    readonly circle?: boolean;
  },
): Outcome<{ link: string; inviteId: string; expiresAt: string }> {
  const inviteId = crypto.randomUUID();
  const secretBytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = toBase64Url(secretBytes);
  const expiresAt = new Date(input.now + INVITE_DAYS * 86_400_000).toISOString();
  const created = await api.createInvite(token, input.vaultId, {
    inviteId,
    tokenHash: await tokenHash(secretBytes),
    role: input.role,
    expiresAt,
  });
  if (!created.ok) return created;
  const link = (input.circle ? circleInviteLink : inviteLink)(input.origin, {
    vaultId: input.vaultId,
    inviteId,
    token: secret,
    ownerSigningKey: toBase64Url(input.identity.signing.publicKey),
  });
  return { ok: true, value: { link, inviteId, expiresAt } };
}

export interface AcceptedInvite {
  readonly vaultId: string;
  readonly role: Role;
  readonly ownerAccountId: string;
  readonly ownerIdentity: WireIdentity;
}

/**
 * Accepts an invite from its link. The owner the server names must have the
 * signing key the link carries; otherwise someone in the middle swapped it.
 */
export async function acceptInvite(
  api: SyncApi,
  token: string,
  fragment: string,
): Outcome<AcceptedInvite> {
  const link = parseInviteLink(fragment);
  if (!link) return failure("invite-invalid");
  const accepted = await api.acceptInvite(token, link.inviteId, { token: link.token });
  if (!accepted.ok) return accepted;
  const { vaultId, role, owner } = accepted.value;
  if (vaultId !== link.vaultId || owner.publicIdentity.signingKey !== link.ownerSigningKey) {
    return failure("identity-mismatch");
  }
  return {
    ok: true,
    value: {
      vaultId,
      role,
      ownerAccountId: owner.accountId,
      ownerIdentity: owner.publicIdentity,
    },
  };
}

/**
 * After comparing the safety code: seals every vault key this owner holds to
 * the member and signs it. The current epoch is granted first (that is what
 * lets them in); older epochs follow so they can read the history too.
 */
export async function grantMember(
  api: SyncApi,
  token: string,
  input: {
    readonly vaultId: string;
    readonly identity: Identity;
    readonly member: { readonly accountId: string; readonly publicIdentity: WireIdentity };
    readonly keys: readonly VaultKey[];
  },
): Outcome<void> {
  const to = decodeIdentity(input.member.publicIdentity);
  if (!to.ok) return to;
  const newestFirst = [...input.keys].sort((a, b) => b.epoch - a.epoch);
  for (const [i, key] of newestFirst.entries()) {
    const put = await api.putGrants(token, input.vaultId, {
      epoch: key.epoch,
      grants: [
        {
          accountId: input.member.accountId,
          grant: grantFor(input.vaultId, input.identity, to.value, key),
        },
      ],
    });
    // Older epochs are a courtesy: a server may accept only the current one.
    if (!put.ok && i === 0) return put;
  }
  return { ok: true, value: undefined };
}

export { wireIdentity };
