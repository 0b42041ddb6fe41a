/**
 * Joining a circle by its link, and leaving it. A person without an
 * account on this device gets a reader account first: with a username and
 * password, a light reader account they can use on another device; without,
 * a link-only reader whose random username and password are made here and
 * kept only on this device (used again, on their own, when the session
 * ends). The reader trusts the owner key the link carried: every grant of
 * the circle key must be signed with it. A device that holds a record but
 * no account is refused (`device-has-record`): joining a circle must never
 * send a record anywhere.
 */
import { generateRecoveryKey, toBase64Url } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import { parseInviteLink } from "@trellis/sync";
import type { AccountSync } from "../sync/account-sync/types.ts";
import type { SyncFailure } from "../sync/api.ts";
import { acceptInvite } from "../sync/sharing.ts";
import { type CircleContext, done, fail } from "./context.ts";
import type { Circles } from "./types.ts";

type JoinFlows = Pick<Circles, "join" | "leave">;

/** A username nobody chose: `reader-` and 20 random hex digits (the contract allows a-z, 0-9, -). */
function readerUsername(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  return `reader-${hex}`;
}

export function joinFlows(
  ctx: CircleContext,
  accounts: Pick<AccountSync, "createAccount">,
): JoinFlows {
  const s = ctx.w.session;

  async function readerAccount(
    input: Parameters<Circles["join"]>[0],
  ): Promise<Result<void, SyncFailure>> {
    if (s.hasRecord()) return fail("device-has-record");
    const light = input.username !== undefined && input.password !== undefined;
    const username = light ? input.username! : readerUsername();
    const password = light
      ? input.password!
      : toBase64Url(crypto.getRandomValues(new Uint8Array(24)));
    // A reader keeps no recovery key: a light reader who forgets the password joins again by a new link.
    const made = await accounts.createAccount({
      serverUrl: input.serverUrl,
      username,
      password,
      deviceName: input.deviceName,
      recovery: generateRecoveryKey(),
    });
    if (!made.ok) return made;
    if (!light) {
      await ctx.store.saveReader({
        serverUrl: input.serverUrl,
        username,
        password,
        deviceName: input.deviceName,
      });
    }
    return done;
  }

  return {
    async join(input) {
      const link = parseInviteLink(input.fragment);
      if (!link) return fail("invite-invalid");
      if ((input.username === undefined) !== (input.password === undefined)) {
        return fail("invalid-input");
      }
      if (!s.account) {
        const made = await readerAccount(input);
        if (!made.ok) return made;
      } else if (s.account.serverUrl !== input.serverUrl) {
        return fail("other-server");
      }
      const me = ctx.me();
      if (!me.ok) return me;
      const mine = await ctx.store.circle(me.value.account.accountId, link.vaultId);
      if (mine) return { ok: true, value: { circleId: mine.circleId } };
      const accepted = await ctx.call((api, token) => acceptInvite(api, token, input.fragment));
      if (!accepted.ok) return accepted;
      const { vaultId, role, ownerAccountId, ownerIdentity } = accepted.value;
      const listed = await ctx.call((api, token) => api.listVaults(token));
      const kind = listed.ok ? listed.value.vaults.find((v) => v.vaultId === vaultId)?.kind : null;
      // Unknown (the answer was lost): kept, since the link is used now; `list` sorts it out.
      if (listed.ok && kind !== "circle") {
        // A record's invite under a circle link: step back out rather than follow it here.
        await ctx.call((api, token) =>
          api.removeMember(token, vaultId, me.value.account.accountId),
        );
        return fail("not-a-circle");
      }
      await ctx.store.saveCircle({
        circleId: vaultId,
        accountId: me.value.account.accountId,
        role: role === "owner" ? "viewer" : role,
        ownerAccountId,
        ownerSigningKey: ownerIdentity.signingKey,
        keys: [],
      });
      ctx.told.emit();
      return { ok: true, value: { circleId: vaultId } };
    },

    async leave(circleId) {
      const me = ctx.me();
      if (!me.ok) return me;
      const circle = await ctx.store.circle(me.value.account.accountId, circleId);
      if (!circle) return done;
      if (circle.role === "owner") return fail("forbidden");
      const r = await ctx.call((api, token) =>
        api.removeMember(token, circleId, me.value.account.accountId),
      );
      if (!r.ok && r.error.reason !== "not-found") return r;
      await ctx.store.forgetCircle(circleId);
      ctx.told.emit();
      return done;
    },
  };
}
