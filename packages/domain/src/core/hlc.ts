import { err, ok, type Result } from "./result.ts";

/**
 * Hybrid logical clock (Kulkarni et al. 2014): physical milliseconds plus a
 * counter plus the device id. Every event gets a stamp that is later than
 * anything its device has seen, so sorting stamps gives an order that respects
 * cause and effect across devices, even when their clocks disagree a little.
 *
 * There is no clock in here: the caller passes the current time in. Stamps are
 * plain values; keep the latest one wherever the device keeps its state.
 */
export interface Hlc {
  /** Milliseconds since the Unix epoch (physical part). */
  readonly wallMs: number;
  /** Orders events within the same millisecond. */
  readonly counter: number;
  /** The device that made the stamp; breaks the last ties. */
  readonly node: string;
}

/** 48 bits of milliseconds: enough until the year 10889. */
const MAX_WALL = 2 ** 48 - 1;
const MAX_COUNTER = 2 ** 32 - 1;
const NODE_PATTERN = /^[0-9a-z]{8,32}$/;
const HLC_PATTERN = /^([0-9a-f]{12})-([0-9a-f]{8})-([0-9a-z]{8,32})$/;

/** Default: refuse remote stamps more than a day ahead of our clock. */
export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/** Why a clock stamp was refused; `detail` is for developers (a log), never shown. */
export type HlcProblem =
  | { readonly reason: "hlc-invalid"; readonly detail: string }
  | { readonly reason: "clock-drift"; readonly detail: string }
  | { readonly reason: "counter-overflow"; readonly detail: string };

export function isDeviceId(node: string): boolean {
  return NODE_PATTERN.test(node);
}

/** The zero stamp for a device: every real stamp sorts after it. */
export function createHlc(node: string): Hlc {
  if (!isDeviceId(node)) {
    throw new RangeError(`device id must be 8-32 lowercase letters or digits, got "${node}"`);
  }
  return { wallMs: 0, counter: 0, node };
}

/** The stamp for a new local event, given the current physical time. */
export function tickHlc(local: Hlc, nowMs: number): Result<Hlc, HlcProblem> {
  const wall = Math.max(local.wallMs, Math.floor(nowMs));
  const counter = wall === local.wallMs ? local.counter + 1 : 0;
  return bounded({ wallMs: wall, counter, node: local.node });
}

/** Merge a stamp received from another device into ours (on sync). */
export function receiveHlc(
  local: Hlc,
  remote: Hlc,
  nowMs: number,
  maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
): Result<Hlc, HlcProblem> {
  const now = Math.floor(nowMs);
  if (remote.wallMs - now > maxDriftMs) {
    return err({
      reason: "clock-drift",
      detail: `a stamp from device ${remote.node} is ${Math.round((remote.wallMs - now) / 60000)} minutes ahead of this device's clock`,
    });
  }
  const wall = Math.max(local.wallMs, remote.wallMs, now);
  let counter: number;
  if (wall === local.wallMs && wall === remote.wallMs) {
    counter = Math.max(local.counter, remote.counter) + 1;
  } else if (wall === local.wallMs) {
    counter = local.counter + 1;
  } else if (wall === remote.wallMs) {
    counter = remote.counter + 1;
  } else {
    counter = 0;
  }
  return bounded({ wallMs: wall, counter, node: local.node });
}

function bounded(h: Hlc): Result<Hlc, HlcProblem> {
  if (h.wallMs > MAX_WALL)
    return err({ reason: "hlc-invalid", detail: "clock is beyond year 10889" });
  if (h.counter > MAX_COUNTER) {
    return err({ reason: "counter-overflow", detail: "too many events in one millisecond" });
  }
  return ok(h);
}

/** Total order: wall time, then counter, then device. Same as comparing the strings. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node === b.node) return 0;
  return a.node < b.node ? -1 : 1;
}

/** Fixed-width lowercase hex, so plain string comparison sorts like `compareHlc`. */
export function formatHlc(h: Hlc): string {
  return `${h.wallMs.toString(16).padStart(12, "0")}-${h.counter.toString(16).padStart(8, "0")}-${h.node}`;
}

export function parseHlc(text: string): Result<Hlc, HlcProblem> {
  const m = HLC_PATTERN.exec(text);
  if (!m) {
    return err({
      reason: "hlc-invalid",
      detail: "expected 12 hex digits, a dash, 8 hex digits, a dash and a device id",
    });
  }
  return ok({
    wallMs: Number.parseInt(m[1]!, 16),
    counter: Number.parseInt(m[2]!, 16),
    node: m[3]!,
  });
}

export const HLC_STRING_PATTERN = HLC_PATTERN;
