/**
 * Sealing vault keys only to pinned keys. Confirming a member pins the keys
 * the safety code was computed from (signed into the membership log) and
 * seals to those; rotation seals only to members the log pins. If the
 * server's member list disagrees (a key changed since the code was
 * compared, or an active member nobody confirmed), nothing is sealed and
 * the action stops with `safety-code-changed` or `member-not-verified`,
 * naming the member so the screen can ask to compare again.
 */
import { generateVaultKey, type Identity, toBase64Url, type VaultKey } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { Role } from "@trellis/sync";
import type { SyncApi, SyncFailure } from "./api.ts";
import { appendChange, fetchMembership, type Membership } from "./membership.ts";
import { decodeIdentity, grantFor, grantMember, type WireIdentity } from "./sharing.ts";

/** A refusal about one member: the screen names them by role and asks to compare again. */
export interface TrustFailure extends SyncFailure {
  readonly reason: "safety-code-changed" | "member-not-verified";
  readonly field: "member";
  readonly params: { readonly accountId: string; readonly role: Role };
}

type Outcome<T> = Promise<Result<T, SyncFailure>>;

const refuse = (
  reason: TrustFailure["reason"],
  accountId: string,
  role: Role,
): { ok: false; error: TrustFailure } => ({
  ok: false,
  error: { reason, field: "member", params: { accountId, role } },
});

const sameKeys = (a: WireIdentity, b: WireIdentity) =>
  a.signingKey === b.signingKey && a.boxKey === b.boxKey;

/**
 * The owner's view of the log. If the vault has none yet, writes the
 * `create` entry, with the legacy cutoff: `cursor`, the last seq this device
 * has pulled (everything up to it was on the server before entries were
 * signed, or this device's own signed ones). A log begun before the cutoff
 * existed gets it once, in a `legacy` entry.
 */
export async function ownerMembership(
  api: SyncApi,
  token: string,
  input: {
    readonly vaultId: string;
    readonly identity: Identity;
    readonly accountId: string;
    readonly cursor: number;
  },
): Outcome<Membership> {
  const m = await fetchMembership(api, token, input.vaultId, input.identity.signing.publicKey);
  if (!m.ok) return m;
  const at = { ...input, membership: m.value };
  if (m.value.length > 0) {
    if (m.value.legacyUpToSeq !== null) return m;
    return appendChange(api, token, at, { kind: "legacy", upToSeq: input.cursor });
  }
  return appendChange(api, token, at, {
    kind: "create",
    accountId: input.accountId,
    signingKey: toBase64Url(input.identity.signing.publicKey),
    boxKey: toBase64Url(input.identity.box.publicKey),
    legacyUpToSeq: input.cursor,
  });
}

/** What an owner's action on one member's place in the log starts from. */
interface OwnerAction {
  readonly vaultId: string;
  readonly identity: Identity;
  readonly ownerAccountId: string;
  /** The member acted on. */
  readonly accountId: string;
}

/**
 * After the safety code matched: `compared` are the keys the code was made
 * from. Pins them (an `add` entry) unless already pinned, then grants.
 */
export async function confirmPinned(
  api: SyncApi,
  token: string,
  input: OwnerAction & {
    readonly compared: WireIdentity;
    readonly keys: readonly VaultKey[];
    /** The last seq this device pulled (the legacy cutoff, should the log begin here). */
    readonly cursor: number;
  },
): Outcome<void> {
  const members = await api.members(token, input.vaultId);
  if (!members.ok) return members;
  const member = members.value.members.find((m) => m.accountId === input.accountId);
  if (!member || member.role === "owner") return { ok: false, error: { reason: "not-found" } };
  if (!sameKeys(member.publicIdentity, input.compared)) {
    return refuse("safety-code-changed", member.accountId, member.role);
  }
  if (!decodeIdentity(input.compared).ok) return { ok: false, error: { reason: "bad-response" } };
  const log = await ownerMembership(api, token, { ...input, accountId: input.ownerAccountId });
  if (!log.ok) return log;
  const pinned = log.value.members.get(member.accountId);
  if (pinned && pinned.removedUpToSeq === undefined) {
    if (!sameKeys(pinned, input.compared)) {
      return refuse("safety-code-changed", member.accountId, member.role);
    }
  } else {
    const added = await appendChange(
      api,
      token,
      { ...input, membership: log.value },
      {
        kind: "add",
        accountId: member.accountId,
        role: member.role,
        ...input.compared,
      },
    );
    if (!added.ok) return added;
  }
  return grantMember(api, token, {
    vaultId: input.vaultId,
    identity: input.identity,
    member: { accountId: member.accountId, publicIdentity: input.compared },
    keys: input.keys,
  });
}

/** Signs a removal into the log (entries they sign after `upToSeq` will be held). */
export async function logRemoval(
  api: SyncApi,
  token: string,
  input: OwnerAction & {
    readonly upToSeq: number;
  },
): Outcome<void> {
  const log = await ownerMembership(api, token, {
    ...input,
    accountId: input.ownerAccountId,
    cursor: input.upToSeq,
  });
  if (!log.ok) return log;
  const pinned = log.value.members.get(input.accountId);
  if (!pinned || pinned.removedUpToSeq !== undefined) return { ok: true, value: undefined };
  const r = await appendChange(
    api,
    token,
    { ...input, membership: log.value },
    {
      kind: "remove",
      accountId: input.accountId,
      upToSeq: input.upToSeq,
    },
  );
  return r.ok ? { ok: true, value: undefined } : r;
}

/**
 * A new epoch, sealed to the pinned keys of every member still in the vault.
 * Any active member on the server's list that the log does not pin, or pins
 * with other keys, stops the rotation before anything is sealed.
 */
export async function rotatePinned(
  api: SyncApi,
  token: string,
  input: {
    readonly vaultId: string;
    readonly identity: Identity;
    readonly ownerAccountId: string;
    readonly cursor: number;
  },
): Outcome<VaultKey> {
  const members = await api.members(token, input.vaultId);
  if (!members.ok) return members;
  const log = await ownerMembership(api, token, { ...input, accountId: input.ownerAccountId });
  if (!log.ok) return log;
  const grantees: { accountId: string; keys: WireIdentity }[] = [];
  for (const m of members.value.members) {
    const pinned = log.value.members.get(m.accountId);
    const current = pinned && pinned.removedUpToSeq === undefined ? pinned : null;
    if (!current) {
      if (m.status === "active") return refuse("member-not-verified", m.accountId, m.role);
      continue; // pending: confirmed later, with the key of that day
    }
    if (!sameKeys(current, m.publicIdentity)) {
      return refuse("safety-code-changed", m.accountId, m.role);
    }
    grantees.push({ accountId: m.accountId, keys: current });
  }
  if (!grantees.some((g) => g.accountId === input.ownerAccountId)) {
    return { ok: false, error: { reason: "bad-response" } };
  }
  const key = generateVaultKey(members.value.epoch + 1);
  const grants: { accountId: string; grant: string }[] = [];
  for (const g of grantees) {
    const to = decodeIdentity(g.keys);
    if (!to.ok) return to;
    grants.push({
      accountId: g.accountId,
      grant: grantFor(input.vaultId, input.identity, to.value, key),
    });
  }
  const put = await api.putGrants(token, input.vaultId, { epoch: key.epoch, grants });
  if (!put.ok) return put;
  const logged = await appendChange(
    api,
    token,
    { ...input, membership: log.value },
    {
      kind: "epoch",
      epoch: key.epoch,
    },
  );
  if (!logged.ok) return logged;
  return { ok: true, value: key };
}
