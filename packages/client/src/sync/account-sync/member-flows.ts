/**
 * Sharing, as the screens start it: the owner's invites, accepting one,
 * the members and their safety codes, confirming a member (sending them the
 * vault key, sealed and signed), removing one (the vault moves to a new key
 * they never get), and leaving someone else's vault.
 */
import { VaultKey } from "@trellis/crypto";
import { appendChange, type PinnedMember } from "../membership.ts";
import { confirmPinned, logRemoval, ownerMembership } from "../pinned.ts";
import {
  acceptInvite as acceptInviteFlow,
  createInvite as createInviteFlow,
  safetyCodeWith,
  type WireIdentity,
} from "../sharing.ts";
import { identityOf } from "./session.ts";
import type { AccountSync } from "./types.ts";
import type { VaultEngine } from "./vault-engine.ts";
import { done, fail, pulledUpTo, type Wiring } from "./wiring.ts";

export type MemberFlows = Pick<
  AccountSync,
  | "createInvite"
  | "invites"
  | "revokeInvite"
  | "acceptInvite"
  | "members"
  | "safetyCodeWith"
  | "confirmMember"
  | "removeMember"
  | "leaveVault"
  | "verifyOwner"
  | "setCostsForViewers"
>;

/** Whether the log pins this member and they are still in (their keys are checked on confirm and rotation). */
const isPinned = (p: PinnedMember | undefined) => p !== undefined && p.removedUpToSeq === undefined;

export function memberFlows(w: Wiring, engine: VaultEngine): MemberFlows {
  const s = w.session;
  /** The keys each shown safety code was made from: confirming seals to these, nothing else. */
  const compared = new Map<string, WireIdentity>();
  return {
    async createInvite(role, origin) {
      if (!s.account || !s.vault) return fail("no-vault");
      if (s.vault.role !== "owner") return fail("forbidden");
      const r = await createInviteFlow(w.api(), s.account.token, {
        vaultId: s.vault.vaultId,
        identity: identityOf(s.account),
        role,
        origin,
        now: w.now(),
      });
      return r.ok ? { ok: true, value: { link: r.value.link, expiresAt: r.value.expiresAt } } : r;
    },
    async invites() {
      if (!s.account || !s.vault) return fail("no-vault");
      if (s.vault.role !== "owner") return fail("forbidden");
      const r = await w.api().invites(s.account.token, s.vault.vaultId);
      return r.ok ? { ok: true, value: r.value.invites } : r;
    },
    async revokeInvite(inviteId) {
      if (!s.account || !s.vault) return fail("no-vault");
      if (s.vault.role !== "owner") return fail("forbidden");
      const r = await w.api().revokeInvite(s.account.token, s.vault.vaultId, inviteId);
      return r.ok ? done : r;
    },
    async acceptInvite(fragment) {
      if (!s.account) return fail("no-account");
      if (s.vault) return fail("already-in-vault");
      if (s.hasRecord()) return fail("device-has-record");
      const accepted = await acceptInviteFlow(w.api(), s.account.token, fragment);
      if (!accepted.ok) return accepted;
      const code = safetyCodeWith(identityOf(s.account), accepted.value.ownerIdentity);
      if (!code.ok) return code;
      await s.saveVault({
        vaultId: accepted.value.vaultId,
        role: accepted.value.role,
        state: "waiting",
        ownerAccountId: accepted.value.ownerAccountId,
        ownerSigningKey: accepted.value.ownerIdentity.signingKey,
        keys: [],
      });
      await s.store.setCanRecord(accepted.value.role !== "viewer");
      w.pollGrant();
      s.changed();
      return { ok: true, value: { role: accepted.value.role, safetyCode: code.value } };
    },
    async members() {
      if (!s.account || !s.vault) return fail("no-vault");
      const r = await w.api().members(s.account.token, s.vault.vaultId);
      if (!r.ok) return r;
      const me = s.account.accountId;
      const view = r.value.members.map((m) => ({ ...m, isMe: m.accountId === me }));
      if (s.vault.role !== "owner") return { ok: true, value: view };
      const log = await ownerMembership(w.api(), s.account.token, {
        vaultId: s.vault.vaultId,
        identity: identityOf(s.account),
        accountId: me,
        cursor: await pulledUpTo(s, s.vault.vaultId),
      });
      if (!log.ok) return log;
      const pins = log.value.members;
      return {
        ok: true,
        value: view.map((m) =>
          m.status === "active" && !isPinned(pins.get(m.accountId))
            ? { ...m, needsCompare: true as const }
            : m,
        ),
      };
    },
    safetyCodeWith(member) {
      if (!s.account) return fail("no-account");
      const code = safetyCodeWith(identityOf(s.account), member.publicIdentity);
      if (code.ok && "accountId" in member && typeof member.accountId === "string") {
        compared.set(member.accountId, member.publicIdentity);
      }
      return code;
    },
    async confirmMember(accountId) {
      if (!s.account || !s.vault || s.vault.role !== "owner") return fail("forbidden");
      const shown = compared.get(accountId);
      if (!shown) return fail("compare-first");
      const keys = s.vault.keys
        .map((k) => VaultKey.decode(k))
        .flatMap((k) => (k.ok ? [k.value] : []));
      const confirmed = await confirmPinned(w.api(), s.account.token, {
        vaultId: s.vault.vaultId,
        identity: identityOf(s.account),
        ownerAccountId: s.account.accountId,
        accountId,
        compared: shown,
        keys,
        cursor: await pulledUpTo(s, s.vault.vaultId),
      });
      if (!confirmed.ok) return confirmed;
      // A partner reads costs from now on (a viewer only if the owner shows them); best effort,
      // every round makes the grants again if this did not.
      await engine.settleCosts();
      return done;
    },
    async setCostsForViewers(show) {
      if (!s.account || !s.vault || s.vault.role !== "owner") return fail("forbidden");
      if (typeof show !== "boolean") return fail("invalid-request");
      const at = {
        vaultId: s.vault.vaultId,
        identity: identityOf(s.account),
        accountId: s.account.accountId,
        cursor: await pulledUpTo(s, s.vault.vaultId),
      };
      const log = await ownerMembership(w.api(), s.account.token, at);
      if (!log.ok) return log;
      if (log.value.costsForViewers !== show) {
        const signed = await appendChange(
          w.api(),
          s.account.token,
          { ...at, membership: log.value },
          { kind: "costs-viewers", show },
        );
        if (!signed.ok) return signed;
      }
      // The grants (on) or the new costs key (off) follow at once.
      const settled = await engine.settleCosts();
      engine.nudge();
      return settled;
    },
    async verifyOwner() {
      if (!s.account || !s.vault || s.vault.state !== "verify") return fail("no-vault");
      const shown = compared.get(s.vault.ownerAccountId);
      if (!shown) return fail("compare-first");
      await s.saveVault({ ...s.vault, state: "waiting", ownerSigningKey: shown.signingKey });
      w.pollGrant();
      s.changed();
      return done;
    },
    async removeMember(accountId) {
      if (!s.account || !s.vault || s.vault.role !== "owner") return fail("forbidden");
      // Signed first: entries they send after what this device has seen are held everywhere.
      const logged = await logRemoval(w.api(), s.account.token, {
        vaultId: s.vault.vaultId,
        identity: identityOf(s.account),
        ownerAccountId: s.account.accountId,
        accountId,
        upToSeq: await pulledUpTo(s, s.vault.vaultId),
      });
      if (!logged.ok) return logged;
      const removed = await w.api().removeMember(s.account.token, s.vault.vaultId, accountId);
      if (!removed.ok && removed.error.reason !== "not-found") return removed;
      await s.saveVault({ ...s.vault, rotationDue: true });
      if (!engine.running) return done;
      const rotated = await engine.rotateNow();
      engine.nudge();
      s.changed();
      // Removed either way; the new key follows as soon as the server can be reached.
      return rotated.ok || rotated.error.reason === "offline" ? done : rotated;
    },
    async leaveVault() {
      if (!s.account || !s.vault) return done;
      if (s.vault.role === "owner") return fail("forbidden");
      const r = await w.api().removeMember(s.account.token, s.vault.vaultId, s.account.accountId);
      if (!r.ok && r.error.reason !== "not-found") return r;
      await w.stopEngine();
      await s.saveVault(null);
      s.changed();
      return done;
    },
  };
}
