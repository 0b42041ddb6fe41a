/**
 * The scheduler, one per server instance: every `pollMs` (1 s) it claims the
 * items that are due (push/store.ts: `FOR UPDATE SKIP LOCKED`, then a lease)
 * and sends each to its device's push endpoint, exactly the stored bytes,
 * with `Content-Encoding: aes128gcm`, `TTL`, `Urgency: high` and a VAPID
 * `Authorization` header. An item leaves the queue only once the push
 * service accepted it (2xx): a crash mid-send leaves it there, to be sent
 * again (at-least-once). 404/410: the subscription is gone, and so is the
 * device. 400/413: it will never be taken; dropped. Anything else: tried
 * again with backoff until its drop time.
 */
import type { Db } from "../db/types.ts";
import { checkPushEndpoint } from "./endpoints.ts";
import {
  type ClaimedPushItem,
  claimDueItems,
  releaseClaims,
  settleDropped,
  settleGone,
  settleRetry,
  settleSent,
} from "./store.ts";
import { type VapidKeys, vapidAuthorization } from "./vapid.ts";

export const DEFAULT_PUSH_POLL_MS = 1000;
/** Items claimed per round; a full round is followed by another at once. */
export const DEFAULT_PUSH_BATCH = 50;
/** A push service that has not answered by then is a failure (retried). Below CLAIM_SECONDS. */
export const SEND_TIMEOUT_MS = 10_000;
const FIRST_RETRY_SECONDS = 5;
const LONGEST_RETRY_SECONDS = 10 * 60;

export interface PushSchedulerOptions {
  readonly db: Db;
  /** The VAPID keys (the server's secrets, loaded on first need). */
  readonly keys: () => Promise<VapidKeys>;
  /** The VAPID `sub` claim. */
  readonly contact: string;
  /** TRELLIS_PUSH_ALLOW_HOSTS, checked again before each send (it may have changed since the upload). */
  readonly allowHosts: readonly string[];
  readonly pollMs?: number;
  readonly batch?: number;
  /** Problems worth a log line (a failing database, say); never item contents. */
  readonly warn: (error: unknown, message: string) => void;
}

export interface PushScheduler {
  /** Items this instance has had accepted by a push service (for tests). */
  readonly stats: { sent: number; inFlight: number };
  /** Stops polling, aborts sends in flight and gives their items back. Idempotent. */
  stop(): Promise<void>;
}

export type SendOutcome = "sent" | "gone" | "rejected" | { retryAfterSeconds: number };

function backoffSeconds(attempts: number, retryAfter?: number): number {
  const base = Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (attempts - 1));
  const jittered = base * (0.75 + Math.random() * 0.5);
  return Math.max(jittered, retryAfter ?? 0);
}

/** Sends one item and says what became of it. */
export async function sendPushItem(
  item: ClaimedPushItem,
  keys: VapidKeys,
  contact: string,
  signal: AbortSignal,
): Promise<SendOutcome> {
  const endpoint = new URL(item.endpoint);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        "content-encoding": "aes128gcm",
        ttl: String(item.ttlLeft),
        urgency: "high",
        authorization: vapidAuthorization(keys, endpoint, contact),
      },
      body: new Uint8Array(item.payload),
      redirect: "error",
      signal: AbortSignal.any([signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
    });
    await response.arrayBuffer().catch(() => undefined);
  } catch {
    return { retryAfterSeconds: backoffSeconds(item.attempts) };
  }
  const status = response.status;
  if (status >= 200 && status < 300) return "sent";
  if (status === 404 || status === 410) return "gone";
  if (status === 400 || status === 413) return "rejected";
  const retryAfter = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
  return {
    retryAfterSeconds: backoffSeconds(
      item.attempts,
      Number.isFinite(retryAfter) ? Math.min(retryAfter, LONGEST_RETRY_SECONDS) : undefined,
    ),
  };
}

export function startPushScheduler(options: PushSchedulerOptions): PushScheduler {
  const { db } = options;
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batch ?? DEFAULT_PUSH_BATCH;
  const aborter = new AbortController();
  const claims = new Map<string, number>(); // claim id -> items of it in flight
  const stats = { sent: 0, inFlight: 0 };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let failing = false;

  async function settle(item: ClaimedPushItem, outcome: SendOutcome): Promise<void> {
    if (outcome === "sent") {
      await settleSent(db, item);
      stats.sent += 1;
    } else if (outcome === "gone") await settleGone(db, item);
    else if (outcome === "rejected") await settleDropped(db, item);
    else await settleRetry(db, item, outcome.retryAfterSeconds);
  }

  /** One round: claim what is due, send it all; true when there may be more. */
  async function round(): Promise<boolean> {
    const items = await claimDueItems(db, batch);
    if (items.length === 0) return false;
    const keys = await options.keys();
    const claim = items[0]!.claim;
    claims.set(claim, items.length);
    stats.inFlight += items.length;
    try {
      await Promise.all(
        items.map(async (item) => {
          const outcome: SendOutcome = checkPushEndpoint(item.endpoint, options.allowHosts).ok
            ? await sendPushItem(item, keys, options.contact, aborter.signal)
            : "rejected";
          stats.inFlight -= 1;
          // Stopping: the item stays claimed and is given back below.
          if (aborter.signal.aborted) return;
          await settle(item, outcome);
        }),
      );
    } finally {
      if (!aborter.signal.aborted) claims.delete(claim);
    }
    return items.length === batch;
  }

  async function tick(): Promise<void> {
    try {
      while (!stopped && (await round()));
      failing = false;
    } catch (error) {
      if (!failing && !stopped) options.warn(error, "sending push reminders failed; trying again");
      failing = true;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined;
        schedule();
      });
    }, pollMs);
    timer.unref();
  }

  schedule();

  return {
    stats,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      aborter.abort();
      await running;
      await releaseClaims(db, [...claims.keys()]).catch((error: unknown) =>
        options.warn(error, "giving back push reminders being sent failed"),
      );
    },
  };
}
