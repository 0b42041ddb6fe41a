/**
 * Listens to the vault's live stream: a notice that the server holds events
 * past what this device has seen wakes the engine at once. When the stream
 * drops it reconnects with backoff; when the server refuses it for good
 * (signed out, removed, or a server without a stream) it stops, and the
 * engine polls instead.
 */
import { StreamRefused, type Transport } from "../transport.ts";
import { type BackoffOptions, backoffDelay } from "./backoff.ts";
import type { SyncClock } from "./clock.ts";

export interface StreamOptions {
  readonly transport: Transport;
  /** The session's bearer token. */
  readonly token: string;
  readonly clock: SyncClock;
  readonly backoff?: BackoffOptions | undefined;
  /** The stream's path for a device that has taken in everything up to `after`. */
  readonly path: (after: number) => string;
  /** This device's cursor for the vault, read at each connection. */
  readonly cursor: () => Promise<number>;
  /** The highest sequence number this device knows of (wake only for something newer). */
  readonly knownUpTo: () => number;
  /** False once the engine stops: no reconnecting after that. */
  readonly running: () => boolean;
  /** Aborts when the engine stops: closes the stream and cuts a backoff wait short. */
  readonly signal: AbortSignal;
  /** The stream connected (true) or dropped (false). */
  readonly onConnected: (connected: boolean) => void;
  /** Ask the engine for a round now. */
  readonly wake: () => void;
}

/** Listens until the engine stops or the server refuses the stream for good. */
export async function listen(options: StreamOptions): Promise<void> {
  const { transport, token, clock, signal } = options;
  let attempt = 0;
  let connected = false;
  const connection = (now: boolean) => {
    if (connected === now) return;
    connected = now;
    options.onConnected(now);
  };
  while (options.running()) {
    try {
      const after = await options.cursor();
      const messages = transport.stream({ path: options.path(after), token, signal });
      for await (const message of messages) {
        if (!connected) {
          connection(true);
          attempt = 0;
        }
        if (message.event !== "events") continue;
        const upTo = readUpTo(message.data);
        if (upTo !== null && upTo > options.knownUpTo()) options.wake();
      }
    } catch (cause) {
      if (cause instanceof StreamRefused && cause.status !== 429 && cause.status < 500) {
        // Refused for good: the engine notices the reason on its next pull, and polls meanwhile.
        connection(false);
        if (cause.status === 401 || cause.status === 403) options.wake();
        return;
      }
    }
    connection(false);
    if (!options.running()) return;
    const delay = backoffDelay(attempt++, clock.random(), options.backoff);
    await clock.sleep(delay, signal);
  }
}

/** The `upTo` of an `events` notice, or null if the notice says nothing usable. */
export function readUpTo(data: string): number | null {
  try {
    const value = (JSON.parse(data) as { upTo?: unknown }).upTo;
    return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
  } catch {
    return null;
  }
}
