import { parseHlc } from "../core/hlc.ts";
import { eventCatalog } from "../events/catalog.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { eventIdsDigest, textDigest } from "./digest.ts";
import { fold } from "./fold.ts";
import type { LayeredMap } from "./layered-map.ts";
import { type Draft, emptyDraft, type JourneyState, stateOf } from "./state.ts";

/**
 * A snapshot: the folded state written as plain JSON-able data, so that a new
 * device can start from it and fold only the entries after it (issue 15).
 * The codec knows nothing of sealing, cursors or the server; the sync layer
 * seals the body as an ordinary entry and says which cursor it covers.
 */

/** Bump when a handler changes what it makes of events, or the state changes shape. */
export const SNAPSHOT_VERSION = 2;

/**
 * The fold rules a snapshot was made under: the version above and every
 * event type with its schema version. A device running other rules (an older
 * or newer app) ignores the snapshot and folds from scratch.
 */
export const SNAPSHOT_RULES = `${SNAPSHOT_VERSION}:${textDigest(
  Object.entries(eventCatalog)
    .map(([type, d]) => `${type}@${d.schemaVersion}`)
    .join(","),
)}`;

type Encoded<T> =
  T extends ReadonlyMap<infer K, infer V>
    ? (readonly [K, V])[]
    : T extends ReadonlySet<infer V>
      ? V[]
      : T;

/** The state in a snapshot: maps as `[key, value]` arrays in their order, sets as arrays. */
export type SnapshotState = {
  readonly [K in Exclude<keyof JourneyState, "eventCount" | "lastHlc">]: Encoded<JourneyState[K]>;
};

/** A snapshot as it travels: plain data, `JSON.stringify` keeps it whole. */
export interface SnapshotBody {
  readonly format: "trellis-snapshot";
  readonly version: typeof SNAPSHOT_VERSION;
  /** `SNAPSHOT_RULES` of the device that made it. */
  readonly rules: string;
  /** How many events the state folds (rejected ones included). */
  readonly eventCount: number;
  /** The latest stamp folded: the tail must sort after it (see `foldMore`). */
  readonly lastHlc: string | null;
  /** `eventIdsDigest` of the events folded, when the maker said which (null if not). */
  readonly eventIds: string | null;
  readonly state: SnapshotState;
}

/** How each field of the state is written; a field added to `JourneyState` must be added here. */
const fields: { readonly [K in keyof SnapshotState]: Kind } = {
  journey: "object-or-null",
  notes: "records",
  cycles: "records",
  planItems: "records",
  doseLogs: "records",
  doseBySlot: "strings",
  supplies: "records",
  appointments: "records",
  labResults: "records",
  scans: "records",
  symptomChecks: "records",
  preferences: "object",
  cohorts: "records",
  embryos: "records",
  oocyteBatches: "records",
  storageFees: "records",
  transfers: "records",
  betas: "records",
  outcomes: "records",
  remembrances: "records",
  paths: "records",
  pathMilestones: "records",
  pregnancyPause: "object-or-null",
  oddsResumedFor: "set",
  clinics: "records",
  currentClinicId: "string-or-null",
  supportLines: "records",
  costs: "records",
  rejected: "rejected",
};
type Kind =
  | "records"
  | "strings"
  | "set"
  | "object"
  | "object-or-null"
  | "string-or-null"
  | "rejected";
const fieldNames = Object.keys(fields) as (keyof SnapshotState)[];

/**
 * The snapshot of `state`. `eventIds`, when given, are the ids of the events
 * folded into it; their digest lets a device check later, without folding,
 * that its log up to the snapshot's cursor holds exactly those events.
 */
export function encodeSnapshot(
  state: JourneyState,
  options: { readonly eventIds?: Iterable<string> } = {},
): SnapshotBody {
  const out: Record<string, unknown> = {};
  for (const name of fieldNames) {
    const value = state[name];
    const kind = fields[name];
    if (kind === "records" || kind === "strings")
      out[name] = [...(value as ReadonlyMap<string, unknown>)];
    else if (kind === "set") out[name] = [...(value as ReadonlySet<string>)];
    else if (kind === "rejected") out[name] = [...(value as readonly unknown[])];
    else out[name] = value;
  }
  return {
    format: "trellis-snapshot",
    version: SNAPSHOT_VERSION,
    rules: SNAPSHOT_RULES,
    eventCount: state.eventCount,
    lastHlc: state.lastHlc,
    eventIds: options.eventIds ? eventIdsDigest(options.eventIds) : null,
    state: out as unknown as SnapshotState,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The entries of a map field, or null when any is malformed or a key repeats. */
function entriesOf(value: unknown, kind: "records" | "strings"): [string, unknown][] | null {
  if (!Array.isArray(value)) return null;
  const keys = new Set<string>();
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [key, record] = entry as [unknown, unknown];
    if (typeof key !== "string" || keys.has(key)) return null;
    keys.add(key);
    if (kind === "strings") {
      if (typeof record !== "string") return null;
    } else if (!isObject(record) || ("id" in record && record.id !== key)) {
      return null;
    }
  }
  return value as [string, unknown][];
}

function isRejected(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.eventId === "string" &&
    typeof v.type === "string" &&
    isObject(v.problem) &&
    typeof v.problem.reason === "string"
  );
}

/** Fills `draft[name]` from the encoded `value`; false when it does not read. */
function decodeField(draft: Draft, name: keyof SnapshotState, value: unknown): boolean {
  const kind = fields[name];
  const target = draft as unknown as Record<string, unknown>;
  switch (kind) {
    case "records":
    case "strings": {
      const entries = entriesOf(value, kind);
      if (!entries) return false;
      const map = target[name] as LayeredMap<string, unknown>;
      for (const [k, v] of entries) map.set(k, v);
      return true;
    }
    case "set": {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return false;
      const set = new Set(value as string[]);
      if (set.size !== value.length) return false;
      target[name] = set;
      return true;
    }
    case "rejected":
      if (!Array.isArray(value) || !value.every(isRejected)) return false;
      target[name] = [...value];
      return true;
    case "object":
      if (!isObject(value)) return false;
      target[name] = value;
      return true;
    case "object-or-null":
      if (value !== null && !isObject(value)) return false;
      target[name] = value;
      return true;
    case "string-or-null":
      if (value !== null && typeof value !== "string") return false;
      target[name] = value;
      return true;
  }
}

/**
 * The state a snapshot holds, or null when the body is not a snapshot of this
 * version and these fold rules, or any part of it does not read. Never throws.
 * The state shares the body's records: do not change the body afterwards.
 */
export function decodeSnapshot(body: unknown): JourneyState | null {
  try {
    if (!isObject(body)) return null;
    if (body.format !== "trellis-snapshot" || body.version !== SNAPSHOT_VERSION) return null;
    if (body.rules !== SNAPSHOT_RULES) return null;
    const { eventCount, lastHlc, eventIds, state } = body;
    if (typeof eventCount !== "number" || !Number.isSafeInteger(eventCount) || eventCount < 0) {
      return null;
    }
    if (lastHlc === null ? eventCount !== 0 : typeof lastHlc !== "string" || eventCount === 0) {
      return null;
    }
    if (typeof lastHlc === "string" && !parseHlc(lastHlc).ok) return null;
    if (eventIds !== null && typeof eventIds !== "string") return null;
    if (!isObject(state)) return null;
    if (Object.keys(state).length !== fieldNames.length) return null;
    const draft = emptyDraft();
    for (const name of fieldNames) {
      if (!(name in state) || !decodeField(draft, name, state[name])) return null;
    }
    if (draft.rejected.length > eventCount) return null;
    draft.eventCount = eventCount;
    draft.lastHlc = lastHlc as string | null;
    return stateOf(draft);
  } catch {
    return null;
  }
}

/**
 * Whether `body` is exactly the snapshot of `events` (the log up to the
 * snapshot's cursor): decodes, and folding the events gives the same state,
 * count and last stamp (and the same id digest when the body has one). For a
 * device to check, in the background once it holds the log, the snapshot it
 * started from; on a mismatch it folds from scratch and forgets the snapshot.
 */
export function snapshotMatches(body: unknown, events: readonly TrellisEvent[]): boolean {
  if (!isObject(body) || decodeSnapshot(body) === null) return false;
  const snap = body as unknown as SnapshotBody;
  if (snap.eventIds !== null && snap.eventIds !== eventIdsDigest(events.map((e) => e.id))) {
    return false;
  }
  const fresh = encodeSnapshot(fold(events));
  return (
    fresh.eventCount === snap.eventCount &&
    fresh.lastHlc === snap.lastHlc &&
    JSON.stringify(fresh.state) === JSON.stringify(snap.state)
  );
}
