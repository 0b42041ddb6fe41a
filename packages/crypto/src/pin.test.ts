import { describe, expect, it } from "vitest";
import { secretsEqual } from "./bytes.ts";
import { deriveKeyFromPin, generatePinSalt } from "./pin.ts";
import { ready } from "./sodium.ts";

await ready();

describe("deriveKeyFromPin", () => {
  const salt = generatePinSalt();

  function key(pin: string, s = salt) {
    const result = deriveKeyFromPin(pin, s);
    if (!result.ok) throw new Error("expected a key");
    return result.value;
  }

  it("gives the same 32-byte key for the same PIN and salt", () => {
    const a = key("482913");
    expect(a).toHaveLength(32);
    expect(secretsEqual(a, key("482913"))).toBe(true);
  });

  it("gives a different key for a different PIN or a different salt", () => {
    const a = key("482913");
    expect(secretsEqual(a, key("482914"))).toBe(false);
    expect(secretsEqual(a, key("482913", generatePinSalt()))).toBe(false);
  });

  it("treats full-width digits like ASCII digits (NFKC)", () => {
    expect(secretsEqual(key("\uff14\uff18\uff12\uff19\uff11\uff13"), key("482913"))).toBe(true);
  });

  it("refuses an empty PIN with a problem, not an exception", () => {
    expect(deriveKeyFromPin("", salt)).toEqual({
      ok: false,
      error: { reason: "pin-empty", field: "pin" },
    });
  });

  it("makes a fresh 16-byte salt each time", () => {
    const other = generatePinSalt();
    expect(salt).toHaveLength(16);
    expect(secretsEqual(salt, other)).toBe(false);
  });
});
