/**
 * The push queue: the next 14 days of reminders, as the relay keeps them.
 * Pure: the app gives what is due (from the domain's schedule) and the
 * words; this groups doses due at the same minute into one reminder, adds
 * each dose's snooze copy and, if asked, decoys at random instants.
 */
import type { PushPayload } from "./payload.ts";

/** One thing to remind of. `atMs` is when the notification should show. */
export interface ReminderSource {
  readonly atMs: number;
  readonly kind: "dose" | "appointment" | "fee" | "anniversary";
  /** A dose's key (`DoseInstance.key`), or an appointment's or fee's id: stable across uploads. */
  readonly key: string;
  /** What a named notification says of this one thing (used only when names are on). */
  readonly named: string;
}

/** The words a notification may use, made by the app from its catalogue. */
export interface QueueWords {
  /** A group of doses at one minute (one or more), or one appointment or fee. */
  text(group: readonly ReminderSource[]): { title: string; body: string };
  readonly taken: string;
  readonly snooze: string;
}

/** One item before encryption. */
export interface PlannedItem {
  readonly id: string;
  readonly atMs: number;
  readonly ttlSeconds: number;
  readonly payload: PushPayload;
}

export interface QueueOptions {
  readonly nowMs: number;
  readonly reminders: readonly ReminderSource[];
  readonly words: QueueWords;
  /** The app's address of Today, where a tap goes (with `?dose=<keys>` for doses). */
  readonly todayPath: string;
  /** A stable, opaque id for a reminder (the same on every upload, meaningless to the relay). */
  readonly idFor: (seed: string) => Promise<string>;
  /** Decoys at random instants (off by default). */
  readonly decoys?: boolean;
  /** For tests: a random source in [0, 1) and fresh ids for decoys. */
  readonly random?: () => number;
  readonly randomId?: () => string;
  readonly days?: number;
}

export const QUEUE_DAYS = 14;
export const SNOOZE_MINUTES = 10;
/** The relay's cap. Real reminders come first; decoys fill at most what is left. */
export const MAX_ITEMS = 500;
const MINUTE = 60_000;
/** A reminder still worth showing this long after its instant (a phone that was off). */
const TTL_SECONDS = 2 * 3600;

/** Reminders in [now, now + days), doses at the same minute together, in time order. */
export function groupReminders(
  reminders: readonly ReminderSource[],
  nowMs: number,
  days = QUEUE_DAYS,
): ReminderSource[][] {
  const end = nowMs + days * 86_400_000;
  const doses = new Map<number, ReminderSource[]>();
  const groups: ReminderSource[][] = [];
  for (const r of reminders) {
    if (r.atMs < nowMs - SNOOZE_MINUTES * MINUTE || r.atMs >= end) continue;
    if (r.kind !== "dose") {
      groups.push([r]);
      continue;
    }
    const minute = Math.floor(r.atMs / MINUTE);
    const group = doses.get(minute);
    if (group) group.push(r);
    else {
      const fresh = [r];
      doses.set(minute, fresh);
      groups.push(fresh);
    }
  }
  return groups.sort((a, b) => a[0]!.atMs - b[0]!.atMs);
}

const doseUrl = (path: string, keys: readonly string[]) =>
  `${path}?${new URLSearchParams({ dose: keys.join(",") }).toString()}`;

/**
 * The whole queue to upload: each reminder, each dose reminder's snooze
 * copy 10 minutes later (shown only if snoozed), then decoys if on. A
 * reminder already past (a snooze copy still to come) keeps only its copy.
 */
export async function planQueue(options: QueueOptions): Promise<PlannedItem[]> {
  const { nowMs, words } = options;
  const items: PlannedItem[] = [];
  for (const group of groupReminders(options.reminders, nowMs, options.days)) {
    const first = group[0]!;
    const seed = `${first.kind}:${group.map((r) => r.key).join(",")}:${first.atMs}`;
    const id = await options.idFor(seed);
    const { title, body } = words.text(group);
    const doses = first.kind === "dose";
    const keys = group.map((r) => r.key);
    const snoozeId = doses ? await options.idFor(`${seed}:snooze`) : undefined;
    const base = {
      v: 1,
      kind: "reminder",
      title,
      body,
      tag: id,
      url: doses ? doseUrl(options.todayPath, keys) : options.todayPath,
    } as const;
    const actions = doses
      ? {
          taken: words.taken,
          snooze: words.snooze,
          takenUrl: `${doseUrl(options.todayPath, keys)}&taken=1`,
        }
      : undefined;
    if (first.atMs >= nowMs)
      items.push({
        id,
        atMs: first.atMs,
        ttlSeconds: TTL_SECONDS,
        payload: { ...base, ...(actions ? { actions, snoozeId } : {}) },
      });
    if (snoozeId && actions)
      items.push({
        id: snoozeId,
        atMs: first.atMs + SNOOZE_MINUTES * MINUTE,
        ttlSeconds: TTL_SECONDS,
        payload: { ...base, actions, snoozeOf: snoozeId },
      });
  }
  const real = items.filter((i) => i.atMs >= nowMs).slice(0, MAX_ITEMS);
  if (!options.decoys) return real;
  return [...real, ...decoys(options, real.length)].sort((a, b) => a.atMs - b.atMs);
}

/** As many decoys as real items (at least 8), at random instants across the window. */
function decoys(options: QueueOptions, realCount: number): PlannedItem[] {
  const random = options.random ?? Math.random;
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  const span = (options.days ?? QUEUE_DAYS) * 86_400_000;
  const count = Math.min(Math.max(realCount, 8), MAX_ITEMS - realCount);
  return Array.from({ length: count }, () => ({
    id: randomId(),
    atMs: options.nowMs + MINUTE + Math.floor(random() * (span - MINUTE)),
    ttlSeconds: TTL_SECONDS,
    payload: { v: 1, kind: "decoy" } as const,
  }));
}
