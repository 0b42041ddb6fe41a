/**
 * Sealing a snapshot (issue 15): a device that holds the whole record, with
 * nothing waiting to be sent, seals its folded state every `snapshotEvery`
 * entries it has taken in, as parts and a head (`entries.ts`), signed by its
 * device like every entry. The cursor it names is the server seq this
 * device's state folds up to: everything it pulled, its own entries
 * included (the outbox is empty, so all of them have come back with a seq).
 */
import { encodeSnapshot, type JourneyState } from "@trellis/domain";
import { newEventId } from "../../ids.ts";
import { packJson } from "../../snapshot/pack.ts";
import { withoutCosts } from "../costs-keys.ts";
import { cursorKey } from "../engine/cursor.ts";
import { appendSealed, type SealedEntry } from "../engine/push.ts";
import type { RoundContext } from "../engine/round.ts";
import type { VaultCrypto } from "../vault-crypto.ts";
import { snapshotEntries } from "./entries.ts";

/** Entries between snapshots when the app does not say otherwise. */
export const SNAPSHOT_EVERY = 5_000;

/** Entries taken in since the newest snapshot this device saw (its own or another's). */
export const sinceSnapshotKey = (vaultId: string) => `snapshot-since:${vaultId}`;

/** The sealed entries of a snapshot of `state` at `cursor`: its parts, then its head. */
export async function sealSnapshot(
  crypto: Pick<VaultCrypto, "sealEntry">,
  state: JourneyState,
  cursor: number,
  newId: () => string,
): Promise<SealedEntry[]> {
  // Costs never ride in a snapshot: it is sealed under the vault key alone.
  const packed = await packJson(encodeSnapshot(withoutCosts(state)));
  const { head, parts } = snapshotEntries(
    packed,
    { cursor, eventCount: state.eventCount, lastHlc: state.lastHlc },
    newId,
  );
  // Parts first: whoever reads from the end meets the head before them.
  return [
    ...parts.map((p) => crypto.sealEntry(p.id, p.value)),
    crypto.sealEntry(head.id, head.value),
  ];
}

/** Seals and appends a snapshot when one is due; a failure just waits for the next round. */
export async function sealSnapshotIfDue(ctx: RoundContext): Promise<void> {
  const { storage, vaultId } = ctx;
  const every = ctx.snapshotEvery;
  if (!every || !storage.wholeRecord || !storage.canRecord) return;
  const since = (await storage.getMeta<number>(sinceSnapshotKey(vaultId))) ?? 0;
  if (since < every) return;
  const cursor = (await storage.getMeta<number>(cursorKey(vaultId))) ?? 0;
  // Read at once, with no wait between: the state is exactly what was pulled up to the cursor.
  if (storage.pendingCount > 0 || !storage.wholeRecord || cursor === 0) return;
  const sealed = await sealSnapshot(ctx.crypto, storage.state, cursor, () =>
    newEventId(ctx.clock.now()),
  );
  const sent = await appendSealed(ctx.api, ctx.token, vaultId, sealed);
  if (sent.ok) await storage.setMeta(sinceSnapshotKey(vaultId), 0);
}
