/**
 * The people in a circle, as the owner manages them: a one-time link, the
 * members and their places, the safety code (optional for a circle, there
 * for whoever wants to compare), letting a waiting member in (their keys
 * pinned in the owner-signed membership log, the circle key sealed to
 * them), the owner's own names for members, and removing someone: signed
 * into the log, taken off the server's list, and the circle moved to a new
 * key they never get.
 */
import type { SafetyCode } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import { circleLabelSchema } from "@trellis/domain";
import type { SyncFailure } from "../sync/api.ts";
import { confirmPinned, logRemoval } from "../sync/pinned.ts";
import { createInvite, safetyCodeWith, type WireIdentity } from "../sync/sharing.ts";
import { type CircleContext, done, fail, type Me } from "./context.ts";
import { labelEntry, labelKeyOf, newLabelKey } from "./labels.ts";
import { keysOf, loadCircle } from "./log.ts";
import type { StoredCircle } from "./store.ts";
import type { Circles } from "./types.ts";
import { appendEntry, circleFor, finishRotation, inputFailure } from "./write.ts";

type MemberFlows = Pick<
  Circles,
  "invite" | "members" | "safetyCode" | "letIn" | "relabel" | "removeMember"
>;

const ownerOnly = fail("forbidden");

/** Seals the owner's name for a member under the label key (made first, once per circle). */
async function writeLabel(
  ctx: CircleContext,
  me: Me,
  circle: StoredCircle,
  accountId: string,
  label: string,
): Promise<Result<void, SyncFailure>> {
  const at = new Date(ctx.now()).toISOString();
  const loaded = await loadCircle(ctx, me, circle);
  if (!loaded.ok) return loaded;
  let key = labelKeyOf(loaded.value.state, me, circle.circleId);
  if (!key) {
    const made = newLabelKey(me, circle.circleId, at);
    const kept = await appendEntry(ctx, me, loaded.value.circle, made.entry);
    if (!kept.ok) return kept;
    key = made.key;
  }
  const entry = labelEntry(key, { circleId: circle.circleId, accountId, label, at });
  if (!entry.ok) return entry;
  return appendEntry(ctx, me, loaded.value.circle, entry.value);
}

export function memberFlows(ctx: CircleContext): MemberFlows {
  /**
   * The keys each safety code the owner was shown was made from, by circle
   * and member: letting that member in seals to these and nothing else, so
   * a server cannot show one set of keys for the code and list another when
   * the key is sealed (confirmPinned then stops with `safety-code-changed`).
   */
  const compared = new Map<string, WireIdentity>();
  const comparedKey = (circleId: string, accountId: string) => `${circleId}|${accountId}`;
  async function ownCircle(circleId: string) {
    const found = await circleFor(ctx, circleId);
    if (!found.ok) return found;
    return found.value.circle.role === "owner" ? found : ownerOnly;
  }

  return {
    async invite(circleId, origin) {
      const found = await ownCircle(circleId);
      if (!found.ok) return found;
      const { me } = found.value;
      const r = await ctx.call((api, token) =>
        createInvite(api, token, {
          vaultId: circleId,
          identity: me.identity,
          role: "viewer",
          origin,
          now: ctx.now(),
          circle: true,
        }),
      );
      return r.ok ? { ok: true, value: { link: r.value.link, expiresAt: r.value.expiresAt } } : r;
    },

    async members(circleId) {
      const found = await circleFor(ctx, circleId);
      if (!found.ok) return found;
      const { me, circle } = found.value;
      const listed = await ctx.call((api, token) => api.members(token, circleId));
      if (!listed.ok) return listed;
      // Labels are the owner's own words; nobody else can open them.
      let labels: ReadonlyMap<string, string> = new Map();
      if (circle.role === "owner") {
        const loaded = await loadCircle(ctx, me, circle);
        if (loaded.ok) labels = loaded.value.labels;
      }
      return {
        ok: true,
        value: listed.value.members.map((m) => {
          const label = labels.get(m.accountId);
          return {
            accountId: m.accountId,
            ...(label !== undefined && { label }),
            role: m.role,
            status: m.status,
            joinedAt: m.joinedAt,
            isMe: m.accountId === me.account.accountId,
          };
        }),
      };
    },

    async safetyCode(circleId, accountId): Promise<Result<SafetyCode, SyncFailure>> {
      const found = await circleFor(ctx, circleId);
      if (!found.ok) return found;
      const listed = await ctx.call((api, token) => api.members(token, circleId));
      if (!listed.ok) return listed;
      const member = listed.value.members.find((m) => m.accountId === accountId);
      if (!member) return fail("not-found");
      // A reader compares with the owner whose key the link carried.
      if (
        found.value.circle.role === "viewer" &&
        member.role === "owner" &&
        member.publicIdentity.signingKey !== found.value.circle.ownerSigningKey
      ) {
        return fail("owner-key-changed");
      }
      const code = safetyCodeWith(found.value.me.identity, member.publicIdentity);
      if (code.ok && found.value.circle.role === "owner") {
        compared.set(comparedKey(circleId, accountId), member.publicIdentity);
      }
      return code;
    },

    async letIn(circleId, accountId, label) {
      const found = await ownCircle(circleId);
      if (!found.ok) return found;
      const { me } = found.value;
      // The name is checked before anyone is let in: nothing half-done.
      const named = circleLabelSchema.safeParse(label);
      if (!named.success) return inputFailure("label", named.error.issues[0]?.message ?? "invalid");
      const rotated = await finishRotation(ctx, me, found.value.circle);
      if (!rotated.ok) return rotated;
      const circle = rotated.value;
      const listed = await ctx.call((api, token) => api.members(token, circleId));
      if (!listed.ok) return listed;
      const member = listed.value.members.find((m) => m.accountId === accountId);
      if (!member || member.role === "owner") return fail("not-found");
      const kept = await ctx.store.log(circleId);
      const confirmed = await ctx.call((api, token) =>
        confirmPinned(api, token, {
          vaultId: circleId,
          identity: me.identity,
          ownerAccountId: me.account.accountId,
          accountId,
          // For a circle the code is optional: without one, the keys the server lists
          // now; once one was shown, the keys it was made from.
          compared: compared.get(comparedKey(circleId, accountId)) ?? member.publicIdentity,
          keys: keysOf(circle),
          cursor: kept.upTo,
        }),
      );
      if (!confirmed.ok) return confirmed;
      const labelled = await writeLabel(ctx, me, circle, accountId, label);
      ctx.told.emit();
      return labelled;
    },

    async relabel(circleId, accountId, label) {
      const found = await ownCircle(circleId);
      if (!found.ok) return found;
      return writeLabel(ctx, found.value.me, found.value.circle, accountId, label);
    },

    async removeMember(circleId, accountId) {
      const found = await ownCircle(circleId);
      if (!found.ok) return found;
      const { me, circle } = found.value;
      if (accountId === me.account.accountId) return ownerOnly;
      // What this device has seen is the cutoff: their entries after it never apply.
      const loaded = await loadCircle(ctx, me, circle);
      if (!loaded.ok) return loaded;
      const logged = await ctx.call((api, token) =>
        logRemoval(api, token, {
          vaultId: circleId,
          identity: me.identity,
          ownerAccountId: me.account.accountId,
          accountId,
          upToSeq: loaded.value.upTo,
        }),
      );
      if (!logged.ok) return logged;
      const removed = await ctx.call((api, token) => api.removeMember(token, circleId, accountId));
      if (!removed.ok && removed.error.reason !== "not-found") return removed;
      const due = { ...loaded.value.circle, rotationDue: true as const };
      await ctx.store.saveCircle(due);
      const rotated = await finishRotation(ctx, me, due);
      ctx.told.emit();
      // Removed either way; offline, the new key is made before anything new is sealed.
      return rotated.ok || rotated.error.reason === "offline" ? done : rotated;
    },
  };
}
