/**
 * Writing one entry to a circle: checked against the circle's schema first
 * (a text too long or with characters nobody types is refused here, naming
 * the field, and nothing is sent), then sealed with the circle's newest key
 * and signed by this device. A removal whose new key is still due is
 * finished before anything new is sealed, so a removed member never holds
 * the key of what is written after.
 */
import { VaultKey } from "@trellis/crypto";
import {
  type CircleEntryInput,
  circleEntry,
  circleEntrySchema,
  type Result,
} from "@trellis/domain";
import type { SyncFailure } from "../sync/api.ts";
import { rotatePinned } from "../sync/pinned.ts";
import { type CircleContext, done, fail, type Me } from "./context.ts";
import { circleCrypto } from "./log.ts";
import type { StoredCircle } from "./store.ts";

/** What was typed that a circle does not take: the field, and why. */
export interface CircleInputFailure extends SyncFailure {
  readonly reason: "invalid-input";
  readonly field: string;
  readonly detail: string;
}

export function inputFailure(
  field: string,
  detail: string,
): { ok: false; error: CircleInputFailure } {
  return { ok: false, error: { reason: "invalid-input", field, detail } };
}

/** The signed-in account and the circle, or why not (`no-account`, `not-found`). */
export async function circleFor(
  ctx: CircleContext,
  circleId: string,
): Promise<Result<{ me: Me; circle: StoredCircle }, SyncFailure>> {
  const me = ctx.me();
  if (!me.ok) return me;
  const circle = await ctx.store.circle(me.value.account.accountId, circleId);
  if (!circle) return fail("not-found");
  return { ok: true, value: { me: me.value, circle } };
}

/** Owner: the new key after a removal, if it is still due. */
export async function finishRotation(
  ctx: CircleContext,
  me: Me,
  circle: StoredCircle,
): Promise<Result<StoredCircle, SyncFailure>> {
  if (!circle.rotationDue || circle.role !== "owner") return { ok: true, value: circle };
  const kept = await ctx.store.log(circle.circleId);
  const rotated = await ctx.call((api, token) =>
    rotatePinned(api, token, {
      vaultId: circle.circleId,
      identity: me.identity,
      ownerAccountId: me.account.accountId,
      cursor: kept.upTo,
    }),
  );
  if (!rotated.ok) return rotated;
  const latest = (await ctx.store.circle(me.account.accountId, circle.circleId)) ?? circle;
  const { rotationDue: _, ...rest } = latest;
  const next = { ...rest, keys: [...rest.keys, VaultKey.encode(rotated.value)] };
  await ctx.store.saveCircle(next);
  return { ok: true, value: next };
}

/** Checks, seals, signs and appends one entry (idempotent by its id). */
export async function appendEntry(
  ctx: CircleContext,
  me: Me,
  stored: StoredCircle,
  input: CircleEntryInput,
): Promise<Result<void, SyncFailure>> {
  const checked = circleEntrySchema.safeParse(circleEntry(input));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return inputFailure(issue?.path.join(".") || "entry", issue?.message ?? "invalid");
  }
  const rotated = await finishRotation(ctx, me, stored);
  if (!rotated.ok) return rotated;
  const circle = rotated.value;
  const crypto = circleCrypto(ctx, me, circle);
  if (!crypto) return fail("circle-waiting");
  // Another device may have moved the circle to a new key: seal with that one.
  const listed = await ctx.call((api, token) => api.listVaults(token));
  if (!listed.ok) return listed;
  const current = listed.value.vaults.find((v) => v.vaultId === circle.circleId);
  if (!current) return fail("not-found");
  if (current.epoch > crypto.epoch) {
    const refreshed = await crypto.refresh();
    if (!refreshed.ok) return refreshed;
    if (current.epoch > crypto.epoch) return fail("stale-epoch");
  }
  const sealed = crypto.sealEntry(globalThis.crypto.randomUUID(), checked.data);
  const appended = await ctx.call((api, token) =>
    api.append(token, circle.circleId, { events: [sealed] }),
  );
  if (!appended.ok) return appended;
  ctx.told.emit();
  return done;
}
