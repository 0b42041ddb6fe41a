/**
 * `Circles` (./types.ts) for the account on this device: the circles it
 * owns or reads, each a vault of kind `circle` with its own key; what the
 * owner writes there (name, status, how-to-help note); opening one (pulled,
 * checked, folded, marked seen on this device); drafts kept on the device;
 * and listeners told of changes. Posts, members and joining are in
 * `posts.ts`, `members.ts` and `join.ts`.
 */
import { toBase64Url, VaultKey } from "@trellis/crypto";
import { CIRCLE_NAME_MAX, type Result } from "@trellis/domain";
import { listeners } from "../listeners.ts";
import type { AccountSync } from "../sync/account-sync/types.ts";
import type { Wiring } from "../sync/account-sync/wiring.ts";
import type { SyncFailure } from "../sync/api.ts";
import { ownerMembership } from "../sync/pinned.ts";
import { createVault, fetchVaultKeys } from "../sync/sharing.ts";
import { type CircleContext, circleContext, done, fail, type Me } from "./context.ts";
import { draftFlows } from "./drafts.ts";
import { joinFlows } from "./join.ts";
import { loadCircle } from "./log.ts";
import { memberFlows } from "./members.ts";
import { postFlows } from "./posts.ts";
import { circleStore, type StoredCircle } from "./store.ts";
import type { CircleSummary, Circles } from "./types.ts";
import { circleView, unseenCount } from "./view.ts";
import { circleWatch } from "./watch.ts";
import { appendEntry, circleFor, inputFailure } from "./write.ts";

export function createCircles(
  w: Wiring,
  accounts: Pick<AccountSync, "createAccount" | "signIn">,
): Circles & { close(): void } {
  const store = circleStore(() => w.session.store);
  const told = listeners();
  const ctx = circleContext(w, store, told, async () => {
    const reader = await store.reader();
    if (!reader) return fail("no-account");
    return accounts.signIn(reader);
  });
  const at = () => new Date(ctx.now()).toISOString();
  const watch = circleWatch(told, () => list(ctx), {
    everyMs: w.options.circlePollMs ?? 30_000,
    enabled: () => w.options.live !== false && !w.session.closed && w.session.account !== null,
  });
  // Signed out, or another account signed in: no circle key of the last one stays here.
  let accountId = w.session.account?.accountId ?? null;
  w.session.subscribe(() => {
    const now = w.session.account?.accountId ?? null;
    if (now === accountId) return;
    accountId = now;
    void store.forgetOthers(now).then(() => told.emit());
  });

  async function ownerWrite(
    circleId: string,
    input: Parameters<typeof appendEntry>[3],
  ): Promise<Result<void, SyncFailure>> {
    const found = await circleFor(ctx, circleId);
    if (!found.ok) return found;
    if (found.value.circle.role === "viewer") return fail("forbidden");
    return appendEntry(ctx, found.value.me, found.value.circle, input);
  }

  return {
    list: () => list(ctx),
    async create(name) {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > CIRCLE_NAME_MAX) {
        return inputFailure("name", trimmed ? "too long" : "empty");
      }
      const me = ctx.me();
      if (!me.ok) return me;
      const made = await ctx.call((api, token) =>
        createVault(api, token, me.value.identity, "circle"),
      );
      if (!made.ok) return made;
      const circleId = made.value.vaultId;
      const log = await ctx.call((api, token) =>
        ownerMembership(api, token, {
          vaultId: circleId,
          identity: me.value.identity,
          accountId: me.value.account.accountId,
          cursor: 0,
        }),
      );
      if (!log.ok) return log;
      const circle: StoredCircle = {
        circleId,
        accountId: me.value.account.accountId,
        role: "owner",
        ownerAccountId: me.value.account.accountId,
        ownerSigningKey: toBase64Url(me.value.identity.signing.publicKey),
        keys: [VaultKey.encode(made.value.key)],
      };
      await store.saveCircle(circle);
      const named = await appendEntry(ctx, me.value, circle, { kind: "name", name, at: at() });
      if (!named.ok) return named;
      return { ok: true, value: { circleId } };
    },
    rename: (circleId, name) => ownerWrite(circleId, { kind: "name", name, at: at() }),
    async deleteCircle(circleId) {
      const found = await circleFor(ctx, circleId);
      if (!found.ok) return found;
      if (found.value.circle.role !== "owner") return fail("forbidden");
      const r = await ctx.call((api, token) => api.deleteVault(token, circleId));
      if (!r.ok && r.error.reason !== "not-found") return r;
      await store.forgetCircle(circleId);
      told.emit();
      return done;
    },
    async open(circleId) {
      const found = await circleFor(ctx, circleId);
      if (!found.ok) return found;
      const loaded = await loadCircle(ctx, found.value.me, found.value.circle);
      if (!loaded.ok) return loaded;
      await store.markSeen(circleId, loaded.value.upTo);
      if (loaded.value.fresh) told.emit();
      return { ok: true, value: circleView(loaded.value, found.value.me.account.accountId) };
    },
    setStatus: (circleId, status) =>
      ownerWrite(circleId, {
        kind: "status",
        template: status.template,
        text: status.text,
        at: at(),
      }),
    clearStatus: (circleId) => ownerWrite(circleId, { kind: "status-clear", at: at() }),
    setHelpNote: (circleId, text) => ownerWrite(circleId, { kind: "help-note", text, at: at() }),
    ...memberFlows(ctx),
    ...postFlows(ctx),
    ...joinFlows(ctx, accounts),
    drafts: draftFlows(store, ctx.now, () => told.emit()),
    subscribe: watch.subscribe,
    close: watch.stop,
  };
}

/** Circles as the server lists them now (offline: as this device last knew them), by name. */
async function list(ctx: CircleContext): Promise<Result<CircleSummary[], SyncFailure>> {
  const me = ctx.me();
  if (!me.ok) return { ok: true, value: [] };
  const accountId = me.value.account.accountId;
  const listed = await ctx.call((api, token) => api.listVaults(token));
  if (!listed.ok && listed.error.reason !== "offline") return listed;
  if (listed.ok) {
    const onServer = listed.value.vaults.filter((v) => v.kind === "circle");
    // Removed, left or deleted: nothing of it stays here.
    for (const kept of await ctx.store.circles(accountId)) {
      if (!onServer.some((v) => v.vaultId === kept.circleId)) {
        await ctx.store.forgetCircle(kept.circleId);
      }
    }
    for (const v of onServer) {
      if (await ctx.store.circle(accountId, v.vaultId)) continue;
      const found = await foundOnServer(ctx, me.value, v.vaultId, v.role);
      if (!found.ok) return found;
    }
  }
  const summaries: CircleSummary[] = [];
  let fresh = false;
  for (const circle of await ctx.store.circles(accountId)) {
    const loaded = await loadCircle(ctx, me.value, circle);
    if (!loaded.ok) {
      if (loaded.error.reason !== "circle-waiting") return loaded;
      summaries.push({
        circleId: circle.circleId,
        name: "",
        role: circle.role,
        state: "waiting",
        waiting: 0,
        unseen: 0,
      });
      continue;
    }
    fresh ||= loaded.value.fresh;
    let waiting = 0;
    if (circle.role === "owner" && listed.ok) {
      const members = await ctx.call((api, token) => api.members(token, circle.circleId));
      if (members.ok) waiting = members.value.members.filter((m) => m.status === "pending").length;
    }
    const { state } = loaded.value;
    summaries.push({
      circleId: circle.circleId,
      name: state.name ?? "",
      role: circle.role,
      state: "active",
      ...(state.status && { status: state.status }),
      waiting,
      unseen: unseenCount(loaded.value, accountId, await ctx.store.seen(circle.circleId)),
    });
  }
  if (fresh) ctx.told.emit();
  summaries.sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, value: summaries };
}

/**
 * A circle this device has not kept yet (another device of the account
 * made or joined it). The owner's own: its keys are granted to me, signed by
 * me. Someone else's: on this device nobody brought the owner key by link,
 * so it is the key the server names (the safety code is there to compare).
 */
async function foundOnServer(
  ctx: CircleContext,
  me: Me,
  circleId: string,
  role: "owner" | "partner" | "viewer",
): Promise<Result<void, SyncFailure>> {
  const accountId = me.account.accountId;
  let ownerAccountId = accountId;
  let ownerSigningKey: string = toBase64Url(me.identity.signing.publicKey);
  if (role !== "owner") {
    const members = await ctx.call((api, token) => api.members(token, circleId));
    if (!members.ok) return members;
    const owner = members.value.members.find((m) => m.role === "owner");
    if (!owner) return fail("bad-response");
    ownerAccountId = owner.accountId;
    ownerSigningKey = owner.publicIdentity.signingKey;
  }
  const keys = await ctx.call((api, token) =>
    fetchVaultKeys(api, token, {
      vaultId: circleId,
      identity: me.identity,
      trustedSigner: ownerSigningKey,
    }),
  );
  await ctx.store.saveCircle({
    circleId,
    accountId,
    role,
    ownerAccountId,
    ownerSigningKey,
    keys: keys.ok ? keys.value.map((k) => VaultKey.encode(k)) : [],
  });
  return done;
}
