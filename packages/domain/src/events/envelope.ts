import { z } from "zod";
import { HLC_STRING_PATTERN, isDeviceId } from "../core/hlc.ts";
import { isUuidV7 } from "../core/ids.ts";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { problemFromZod, refusal } from "../core/zod-problem.ts";
import { type EventType, eventCatalog, isEventType, type PayloadOf } from "./catalog.ts";

/**
 * The envelope every event travels in. `hlc` orders events across devices;
 * `schemaVersion` says which shape `payload` has, so old events stay readable
 * when a payload changes.
 */
export interface EventEnvelope<K extends EventType = EventType> {
  readonly id: string;
  readonly hlc: string;
  readonly device: string;
  readonly type: K;
  readonly schemaVersion: number;
  readonly payload: PayloadOf<K>;
}

/** A validated event of any known type, narrowed by `type`. */
export type TrellisEvent = { [K in EventType]: EventEnvelope<K> }[EventType];

export type EventOf<K extends EventType> = Extract<TrellisEvent, { type: K }>;

/** @internal exported for the test that holds `quickEnvelope` to it. */
export const envelopeSchema = z.strictObject({
  id: z.string().refine(isUuidV7, refusal("invalid-id")),
  hlc: z.string().regex(HLC_STRING_PATTERN),
  device: z.string().refine(isDeviceId, refusal("invalid-format")),
  type: z.string().min(1).max(64),
  schemaVersion: z.number().int().min(1),
  payload: z.unknown(),
});

type EnvelopeData = z.output<typeof envelopeSchema>;
const ENVELOPE_KEYS = new Set(["id", "hlc", "device", "type", "schemaVersion", "payload"]);

/**
 * The envelope when it is plainly valid, checked without zod (a new device
 * checks every event of a journey, 100,000 for a long one), else `null` and
 * `envelopeSchema` decides, with its messages. It accepts only what the schema
 * accepts (a property test holds it to that), so it changes speed, not answers.
 *
 * @internal
 */
export function quickEnvelope(raw: unknown): EnvelopeData | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  if (Object.getPrototypeOf(raw) !== Object.prototype) return null;
  const r = raw as Record<string, unknown>;
  let keys = 0;
  for (const key of Object.keys(r)) {
    if (!ENVELOPE_KEYS.has(key)) return null;
    keys += 1;
  }
  if (keys !== ENVELOPE_KEYS.size) return null;
  const { id, hlc, device, type, schemaVersion, payload } = r;
  if (typeof id !== "string" || !isUuidV7(id)) return null;
  if (typeof hlc !== "string" || !HLC_STRING_PATTERN.test(hlc)) return null;
  if (typeof device !== "string" || !isDeviceId(device)) return null;
  if (typeof type !== "string" || type.length < 1 || type.length > 64) return null;
  if (typeof schemaVersion !== "number" || !Number.isSafeInteger(schemaVersion)) return null;
  if (schemaVersion < 1) return null;
  return { id, hlc, device, type, schemaVersion, payload };
}

/**
 * Checks an untrusted value (from a form, an import, sync, or storage) and
 * returns a typed event, or the first problem found, naming the field.
 */
export function parseEvent(raw: unknown): Result<TrellisEvent, Problem> {
  let env = quickEnvelope(raw);
  if (!env) {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) return err(problemFromZod(parsed.error.issues, { input: raw }));
    env = parsed.data;
  }
  const { type, schemaVersion, hlc, device } = env;
  if (!isEventType(type)) {
    return err(problem("unknown-type", "type", { type }));
  }
  const definition = eventCatalog[type];
  if (schemaVersion > definition.schemaVersion) {
    return err(
      problem("newer-schema", "schemaVersion", {
        type,
        version: schemaVersion,
        known: definition.schemaVersion,
      }),
    );
  }
  if (!hlc.endsWith(`-${device}`)) {
    return err(problem("not-from-device", "hlc"));
  }
  const payload = definition.payload.safeParse(env.payload);
  if (!payload.success) {
    return err(problemFromZod(payload.error.issues, { prefix: "payload", input: env.payload }));
  }
  return ok({ ...env, type, payload: payload.data } as TrellisEvent);
}

/** Events sort by clock stamp, then id: the one order every device agrees on. */
export function compareEvents(
  a: { hlc: string; id: string },
  b: { hlc: string; id: string },
): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
