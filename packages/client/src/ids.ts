/** Ids made on this device, with real randomness from the platform: events (UUIDv7) and the device itself. */
import { uuidV7FromParts } from "@trellis/domain";

/** A fresh UUIDv7 with real randomness from the platform. */
export function newEventId(nowMs: number): string {
  return uuidV7FromParts(Math.floor(nowMs), crypto.getRandomValues(new Uint8Array(10)));
}

/** A random id for this device: 16 lowercase hex digits, never derived from anything about the person. */
export function newDeviceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}
