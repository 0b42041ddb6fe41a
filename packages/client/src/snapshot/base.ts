/**
 * A record opened from a snapshot (issue 15): a new device folds the newest
 * snapshot's state and only the entries after its cursor, so the screens are
 * usable long before the whole log has arrived. Until it has (the history,
 * synced in the background), the device keeps the snapshot beside the log
 * (`SNAPSHOT_BASE_KEY`: the snapshot's packed JSON and cursor), and its state
 * is that snapshot with every stored event that sorts after it folded on.
 * Once the history is in, the device folds everything and forgets the base.
 */
import {
  decodeSnapshot,
  encodeSnapshot,
  foldMore,
  type JourneyState,
  type TrellisEvent,
} from "@trellis/domain";
import type { EventStorage } from "../storage.ts";
import { packedFromText, unpackJson } from "./pack.ts";

/** Key of the stored base in the device's settings. */
export const SNAPSHOT_BASE_KEY = "snapshot-base";

/** What is kept: the snapshot as it came (gzipped JSON, base64) and the cursor it covers. */
export interface StoredBase {
  readonly vaultId: string;
  /** The server seq the snapshot's state folds up to. */
  readonly cursor: number;
  readonly packed: string;
}

/** The stored base's state, or null when there is none or it no longer reads. */
export async function loadBase(storage: EventStorage): Promise<JourneyState | null> {
  const stored = await storage.getMeta<StoredBase>(SNAPSHOT_BASE_KEY);
  if (!stored || typeof stored.packed !== "string") return null;
  const bytes = packedFromText(stored.packed);
  return bytes ? decodeSnapshot(await unpackJson(bytes)) : null;
}

/**
 * `base` with `events` folded on: those that sort after it. An entry that
 * reached the server after the snapshot but was stamped before it (a device
 * that was offline) cannot be placed without the whole log; it waits for the
 * history, when the device folds everything.
 */
export function foldOnto(base: JourneyState, events: readonly TrellisEvent[]): JourneyState {
  const last = base.lastHlc;
  const after = last === null ? events : events.filter((e) => e.hlc > last);
  return foldMore(base, after) ?? base;
}

/** Whether two states say exactly the same (maps compared in order, as a snapshot writes them). */
export function sameState(a: JourneyState, b: JourneyState): boolean {
  if (a.eventCount !== b.eventCount || a.lastHlc !== b.lastHlc) return false;
  return JSON.stringify(encodeSnapshot(a).state) === JSON.stringify(encodeSnapshot(b).state);
}
