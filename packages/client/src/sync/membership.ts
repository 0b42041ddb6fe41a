/**
 * The vault's membership log as this device trusts it: every entry fetched
 * from the server is checked against the owner's identity key (pinned: my
 * own for my vault, the one from the invite link or a compared safety code
 * for someone else's) and the hash chain, then folded into who is in, as
 * what, with which keys. These pinned keys are the only ones the owner's
 * devices seal vault keys to, and the only signers whose entries apply.
 */
import {
  type Ed25519PublicKey,
  fromBase64Url,
  type Identity,
  membershipEntryHash,
  openMembershipEntry,
  signMembershipEntry,
  toBase64Url,
} from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { Role } from "@trellis/sync";
import type { SyncApi, SyncFailure } from "./api.ts";

/** One change the owner signs. Keys are base64url, as the wire carries them. */
export type MembershipChange =
  /**
   * `legacyUpToSeq`: the highest seq the owner's device had pulled when the
   * log began; unsigned entries up to it (written before entries were
   * signed) apply. Absent only in logs begun before the cutoff existed.
   */
  | {
      kind: "create";
      accountId: string;
      signingKey: string;
      boxKey: string;
      legacyUpToSeq?: number;
    }
  | { kind: "invite"; inviteId: string; role: "partner" | "viewer" }
  | { kind: "add"; accountId: string; role: Role; signingKey: string; boxKey: string }
  | { kind: "role"; accountId: string; role: Role }
  /** `upToSeq`: the last event seq the owner's device had seen; the member's later entries are held. */
  | { kind: "remove"; accountId: string; upToSeq: number }
  | { kind: "epoch"; epoch: number }
  /** The legacy cutoff, once, for a log whose `create` has none. */
  | { kind: "legacy"; upToSeq: number }
  /**
   * The owner's switch: whether viewers may read costs (`costs-keys.ts`).
   * Off until the owner turns it on.
   */
  | { kind: "costs-viewers"; show: boolean }
  /**
   * A costs key of `epoch`, sealed to the pinned box key of `accountId` and
   * signed by the owner (`grant`, base64url). An epoch above the newest
   * starts a new costs key.
   */
  | { kind: "costs-key"; epoch: number; accountId: string; grant: string };

/** One costs key grant in the log. */
export interface CostsGrant {
  readonly epoch: number;
  readonly accountId: string;
  readonly grant: string;
}

export interface PinnedMember {
  readonly accountId: string;
  readonly role: Role;
  readonly signingKey: string;
  readonly boxKey: string;
  /** Set once removed: entries they signed after this seq are not theirs to add. */
  readonly removedUpToSeq?: number;
}

export interface Membership {
  readonly length: number;
  /** Hash of the last entry; null for an empty log. */
  readonly head: Uint8Array | null;
  readonly epoch: number;
  /** Unsigned entries at or below this seq apply (pre-signing history); null: none do. */
  readonly legacyUpToSeq: number | null;
  /** Everyone ever added (removed members too, with `removedUpToSeq`). */
  readonly members: ReadonlyMap<string, PinnedMember>;
  /** The owner's switch: viewers may read costs. */
  readonly costsForViewers: boolean;
  /** The newest costs key's epoch; 0 before the owner made one. */
  readonly costsEpoch: number;
  /** Every costs key grant, in log order. */
  readonly costsGrants: readonly CostsGrant[];
}

export const emptyMembership: Membership = {
  length: 0,
  head: null,
  epoch: 0,
  legacyUpToSeq: null,
  members: new Map(),
  costsForViewers: false,
  costsEpoch: 0,
  costsGrants: [],
};

const isSeq = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

const failure = (reason: string) => ({ ok: false as const, error: { reason } });

/** Applies one change; false when it makes no sense (a log to refuse). */
export function applyChange(m: Membership, change: MembershipChange): Membership | null {
  const members = new Map(m.members);
  switch (change.kind) {
    case "create": {
      if (m.length !== 0) return null;
      const { accountId, signingKey, boxKey, legacyUpToSeq } = change;
      if (legacyUpToSeq !== undefined && !isSeq(legacyUpToSeq)) return null;
      members.set(accountId, { accountId, role: "owner", signingKey, boxKey });
      return { ...m, epoch: 1, legacyUpToSeq: legacyUpToSeq ?? null, members };
    }
    case "invite":
      return m;
    case "add": {
      const { accountId, role, signingKey, boxKey } = change;
      if (role === "owner") return null;
      members.set(accountId, { accountId, role, signingKey, boxKey });
      return { ...m, members };
    }
    case "role": {
      const member = members.get(change.accountId);
      if (!member || member.role === "owner" || change.role === "owner") return null;
      members.set(change.accountId, { ...member, role: change.role });
      return { ...m, members };
    }
    case "remove": {
      const member = members.get(change.accountId);
      if (!member || member.role === "owner") return null;
      members.set(change.accountId, { ...member, removedUpToSeq: change.upToSeq });
      return { ...m, members };
    }
    case "epoch":
      // Later than the last one; a rotation that failed half-way may skip a number.
      return Number.isInteger(change.epoch) && change.epoch > m.epoch
        ? { ...m, epoch: change.epoch }
        : null;
    case "legacy":
      // Once, and never after a `create` that set it: a cutoff cannot move.
      return m.length > 0 && m.legacyUpToSeq === null && isSeq(change.upToSeq)
        ? { ...m, legacyUpToSeq: change.upToSeq }
        : null;
    case "costs-viewers":
      return m.length > 0 && typeof change.show === "boolean"
        ? { ...m, costsForViewers: change.show }
        : null;
    case "costs-key": {
      // Only to someone in, and to a viewer only while the switch is on.
      const member = members.get(change.accountId);
      const { epoch, grant } = change;
      if (!member || member.removedUpToSeq !== undefined) return null;
      if (member.role === "viewer" && !m.costsForViewers) return null;
      if (!Number.isSafeInteger(epoch) || epoch < 1 || typeof grant !== "string") return null;
      const grants = [...m.costsGrants, { epoch, accountId: change.accountId, grant }];
      return { ...m, costsEpoch: Math.max(m.costsEpoch, epoch), costsGrants: grants };
    }
  }
}

function parseChange(bytes: Uint8Array): MembershipChange | null {
  try {
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
    if (typeof value !== "object" || value === null) return null;
    const kind = (value as { kind?: unknown }).kind;
    const kinds = [
      "create",
      "invite",
      "add",
      "role",
      "remove",
      "epoch",
      "legacy",
      "costs-viewers",
      "costs-key",
    ];
    return typeof kind === "string" && kinds.includes(kind) ? (value as MembershipChange) : null;
  } catch {
    return null;
  }
}

/**
 * The log from the server, every entry checked against `owner`: a broken
 * chain, a bad signature or a change that makes no sense is
 * `membership-log-broken`, and nothing from the log is trusted.
 */
export async function fetchMembership(
  api: SyncApi,
  token: string,
  vaultId: string,
  owner: Ed25519PublicKey,
): Promise<Result<Membership, SyncFailure>> {
  const fetched = await api.membershipLog(token, vaultId);
  if (!fetched.ok) return fetched;
  let m = emptyMembership;
  for (const [position, e] of fetched.value.entries.entries()) {
    const bytes = fromBase64Url(e.entry);
    if (e.position !== position || !bytes.ok) return failure("membership-log-broken");
    const opened = openMembershipEntry({ vaultId, position, previous: m.head }, owner, bytes.value);
    const change = opened.ok ? parseChange(opened.value) : null;
    const next = change && applyChange(m, change);
    if (!next) return failure("membership-log-broken");
    m = { ...next, length: position + 1, head: membershipEntryHash(bytes.value) };
  }
  return { ok: true, value: m };
}

/** Signs one change as the owner and appends it after `m`. */
export async function appendChange(
  api: SyncApi,
  token: string,
  input: { vaultId: string; identity: Identity; membership: Membership },
  change: MembershipChange,
): Promise<Result<Membership, SyncFailure>> {
  const next = applyChange(input.membership, change);
  if (!next) return failure("membership-log-broken");
  const entry = signMembershipEntry(
    { vaultId: input.vaultId, position: input.membership.length, previous: input.membership.head },
    input.identity.signing.secretKey,
    new TextEncoder().encode(JSON.stringify(change)),
  );
  const put = await api.appendMembershipLog(token, input.vaultId, {
    position: input.membership.length,
    entry: toBase64Url(entry),
  });
  if (!put.ok) return put;
  return {
    ok: true,
    value: { ...next, length: input.membership.length + 1, head: membershipEntryHash(entry) },
  };
}

/** The member a signing key belongs to, if the log pins it. */
export function memberBySigningKey(m: Membership, signingKey: string): PinnedMember | undefined {
  for (const member of m.members.values()) if (member.signingKey === signingKey) return member;
  return undefined;
}

/** Why an entry signed by `signingKey` (sealed at `seq`) may not apply; null when it may. */
export function writerProblem(m: Membership, signingKey: string, seq: number): string | null {
  const member = memberBySigningKey(m, signingKey);
  if (!member) return "unknown-signer";
  if (member.role === "viewer") return "signer-not-writer";
  if (member.removedUpToSeq !== undefined && seq > member.removedUpToSeq) return "signer-removed";
  return null;
}
