/**
 * Costs, withheld from viewers unless the owner chooses (issue 17). Every
 * member of a record vault holds the vault key, so a cost sealed only under
 * it would be every viewer's to read. Each cost event is sealed a second
 * time, inside its record entry, under the vault's costs key: a symmetric
 * key the owner makes, and grants (sealed to the member's pinned box key,
 * signed by the owner, in the owner-signed membership log) to the owner's
 * own account, to partners, and to viewers only while the owner's switch
 * (`costs-viewers` in the log) is on.
 *
 * The owner's devices keep this true before every round (`settleCosts`):
 * a costs key is made when there is none; anyone allowed who lacks a grant
 * of some epoch gets one (a partner confirmed later, viewers once the
 * switch is on: earlier costs too); and when someone holding the newest
 * costs key may no longer read costs (the switch went off, a viewer or
 * partner was removed, a partner became a viewer), a new costs key is made
 * and granted only to those still allowed. What they could read before
 * stays readable to them; what is recorded afterwards is not.
 *
 * A device without a costs key keeps such an entry held aside
 * (`costs-withheld`, checked for who signed it but not counted as a
 * problem), folds everything else, and takes it in once a key arrives.
 */
import {
  type Ed25519PublicKey,
  fromBase64Url,
  generateVaultKey,
  type Identity,
  openEvent,
  openVaultKeyGrant,
  sealEvent,
  sealVaultKeyFor,
  toBase64Url,
  type VaultKey,
} from "@trellis/crypto";
import { costEventTypes, type JourneyState, type Result } from "@trellis/domain";
import type { SyncApi, SyncFailure } from "./api.ts";
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "./base64.ts";
import { appendChange, type Membership, type PinnedMember } from "./membership.ts";
import { decodeIdentity } from "./sharing.ts";

/** The event types sealed under the costs key: the domain's list. */
export const COST_EVENT_TYPES: readonly string[] = costEventTypes;

const costTypes = new Set(COST_EVENT_TYPES);

export const isCostEventType = (type: string): boolean => costTypes.has(type);

/**
 * `state` without its costs, for a snapshot: a snapshot is sealed under the
 * vault key alone, which viewers hold. A device opening from one gets its
 * costs from the history behind it (sealed cost entries), as its key allows.
 */
export function withoutCosts(state: JourneyState): JourneyState {
  return {
    ...state,
    costs: new Map(),
    rejected: state.rejected.filter((r) => !isCostEventType(r.type)),
  };
}

/**
 * Costs keys are granted, and costs sealed, for this name rather than the
 * vault id: a costs key grant is never taken for a vault key, nor a vault
 * key for a costs key.
 */
export const costsScope = (vaultId: string) => `costs:${vaultId}`;

/** The costs keys this device holds for one vault; refreshed from the log before every round. */
export interface CostsKeyring {
  readonly keys: ReadonlyMap<number, VaultKey>;
  /** The key new costs are sealed with; null while this device holds none. */
  readonly newest: VaultKey | null;
  set(keys: readonly VaultKey[]): void;
}

export function costsKeyring(): CostsKeyring {
  let keys = new Map<number, VaultKey>();
  return {
    get keys() {
      return keys;
    },
    get newest() {
      const epochs = [...keys.keys()];
      return epochs.length > 0 ? keys.get(Math.max(...epochs))! : null;
    },
    set(next) {
      keys = new Map(next.map((k) => [k.epoch, k]));
    },
  };
}

/** Whether a member, as the log pins them, may read costs now. */
export function mayReadCosts(m: Membership, member: PinnedMember): boolean {
  if (member.removedUpToSeq !== undefined) return false;
  return member.role !== "viewer" || m.costsForViewers;
}

/**
 * The costs keys granted in the log to `accountId`, each opened with this
 * account's box key and checked: signed by the owner (the pinned key), for
 * this vault's costs, and of the epoch the log names. Anything else is
 * ignored, whoever put it there.
 */
export function openCostsKeys(
  m: Membership,
  input: {
    readonly vaultId: string;
    readonly accountId: string;
    readonly identity: Identity;
    readonly owner: Ed25519PublicKey;
  },
): VaultKey[] {
  const keys = new Map<number, VaultKey>();
  for (const g of m.costsGrants) {
    if (g.accountId !== input.accountId || keys.has(g.epoch)) continue;
    const bytes = fromBase64Url(g.grant);
    if (!bytes.ok) continue;
    const opened = openVaultKeyGrant(bytes.value, {
      recipient: input.identity.box,
      expectedSigner: input.owner,
      vaultId: costsScope(input.vaultId),
    });
    if (opened.ok && opened.value.epoch === g.epoch) keys.set(g.epoch, opened.value);
  }
  return [...keys.values()];
}

/** Marks a sealed cost inside a record entry; no event envelope has this field. */
const MARK = "trellis-costs";

export interface SealedCost {
  readonly [MARK]: 1;
  readonly epoch: number;
  /** base64 of the event's JSON sealed under the costs key, bound to the entry's id. */
  readonly sealed: string;
}

export function isSealedCost(value: unknown): value is SealedCost {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[MARK] === 1 &&
    Number.isSafeInteger((value as Record<string, unknown>).epoch) &&
    typeof (value as Record<string, unknown>).sealed === "string"
  );
}

/** Seals an event's JSON value under the costs key, for entry `id`. */
export function sealCost(vaultId: string, id: string, key: VaultKey, value: unknown): SealedCost {
  const sealed = sealEvent(
    { vaultId: costsScope(vaultId), eventId: id, epoch: key.epoch },
    key,
    utf8Encode(JSON.stringify(value)),
  );
  return { [MARK]: 1, epoch: key.epoch, sealed: toBase64(sealed) };
}

/**
 * Opens a sealed cost of entry `id`: `withheld` when this device holds no
 * key of its epoch, `broken` when the key is held and it does not open.
 */
export function openCost(
  vaultId: string,
  id: string,
  keys: ReadonlyMap<number, VaultKey>,
  cost: SealedCost,
): { ok: true; value: unknown } | { ok: false; reason: "withheld" | "broken" } {
  if (!keys.has(cost.epoch)) return { ok: false, reason: "withheld" };
  const bytes = fromBase64(cost.sealed);
  if (!bytes) return { ok: false, reason: "broken" };
  const opened = openEvent({ vaultId: costsScope(vaultId), eventId: id }, keys, bytes);
  const text = opened.ok ? utf8Decode(opened.value) : null;
  if (text === null) return { ok: false, reason: "broken" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "broken" };
  }
}

/**
 * On the owner's devices: makes the log's costs grants match who may read
 * costs (see the top of this file). `membership` is the log just fetched
 * and checked; returns it with whatever was appended.
 */
export async function settleCosts(
  api: SyncApi,
  token: string,
  input: {
    readonly vaultId: string;
    readonly identity: Identity;
    readonly ownerAccountId: string;
    readonly membership: Membership;
  },
): Promise<Result<Membership, SyncFailure>> {
  let m = input.membership;
  const { vaultId, identity, ownerAccountId } = input;
  const owner = m.members.get(ownerAccountId);
  if (owner?.role !== "owner") return { ok: false, error: { reason: "forbidden" } };
  const own = new Map(
    openCostsKeys(m, {
      vaultId,
      accountId: ownerAccountId,
      identity,
      owner: identity.signing.publicKey,
    }).map((k) => [k.epoch, k]),
  );
  const allowed = [...m.members.values()].filter((p) => mayReadCosts(m, p));
  // The owner first: a new epoch is never in the log without the owner's own grant.
  allowed.sort((a, b) => Number(b.role === "owner") - Number(a.role === "owner"));
  const holders = new Set(
    m.costsGrants.filter((g) => g.epoch === m.costsEpoch).map((g) => g.accountId),
  );
  const stale = [...holders].some((id) => {
    const p = m.members.get(id);
    return !p || !mayReadCosts(m, p);
  });
  const grant = async (member: PinnedMember, key: VaultKey) => {
    const to = decodeIdentity(member);
    if (!to.ok) return to;
    const sealed = sealVaultKeyFor(to.value.boxKey, key, {
      vaultId: costsScope(vaultId),
      signer: identity.signing.secretKey,
    });
    const next = await appendChange(
      api,
      token,
      { vaultId, identity, membership: m },
      {
        kind: "costs-key",
        epoch: key.epoch,
        accountId: member.accountId,
        grant: toBase64Url(sealed),
      },
    );
    if (next.ok) m = next.value;
    return next;
  };
  if (m.costsEpoch === 0 || stale || !own.has(m.costsEpoch)) {
    const key = generateVaultKey(m.costsEpoch + 1);
    for (const member of allowed) {
      const r = await grant(member, key);
      if (!r.ok) return r;
    }
    own.set(key.epoch, key);
  }
  const granted = new Set(m.costsGrants.map((g) => `${g.epoch}|${g.accountId}`));
  for (const member of allowed) {
    for (const key of [...own.values()].sort((a, b) => b.epoch - a.epoch)) {
      if (granted.has(`${key.epoch}|${member.accountId}`)) continue;
      const r = await grant(member, key);
      if (!r.ok) return r;
    }
  }
  return { ok: true, value: m };
}
