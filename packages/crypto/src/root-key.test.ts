import { describe, expect, it } from "vitest";
import { secretsEqual } from "./bytes.ts";
import { ExportKey, type RecoveryKey } from "./keys.ts";
import { generateRecoveryKey } from "./recovery-key.ts";
import {
  generateRootKey,
  ROOT_WRAP_BYTES,
  type RootKeyUnlock,
  unwrapRootKey,
  unwrapWith,
  wrapRootKey,
  wrapWith,
} from "./root-key.ts";
import { lib, ready } from "./sodium.ts";

await ready();

/** What `@serenity-kit/opaque` hands back after a login: 64 bytes as base64url. */
function exportKeyFromLogin(): ExportKey {
  const sodium = lib();
  const text = sodium.to_base64(
    sodium.randombytes_buf(64),
    sodium.base64_variants.URLSAFE_NO_PADDING,
  );
  const decoded = ExportKey.decode(text);
  if (!decoded.ok) throw new Error("export key should decode");
  return decoded.value;
}

const byPassword = (key: ExportKey): RootKeyUnlock => ({ purpose: "export-key", key });
const byRecovery = (key: RecoveryKey): RootKeyUnlock => ({ purpose: "recovery-key", key });

describe("root key wraps", () => {
  it("unwraps with the export key it was wrapped under", () => {
    const root = generateRootKey();
    const exportKey = exportKeyFromLogin();
    const wrap = wrapRootKey(root, byPassword(exportKey));
    expect(wrap.length).toBe(ROOT_WRAP_BYTES);
    const opened = unwrapRootKey(wrap, byPassword(exportKey));
    expect(opened.ok && secretsEqual(opened.value, root)).toBe(true);
  });

  it("unwraps with the recovery key, after the person types it back in", () => {
    const root = generateRootKey();
    const recovery = generateRecoveryKey();
    const wrap = wrapRootKey(root, byRecovery(recovery.key));
    const opened = unwrapRootKey(wrap, byRecovery(recovery.key));
    expect(opened.ok && secretsEqual(opened.value, root)).toBe(true);
  });

  it("changes password by re-wrapping only: same root key, new wrap opens with the new export key, not the old", () => {
    const root = generateRootKey();
    const oldExport = exportKeyFromLogin();
    const oldWrap = wrapRootKey(root, byPassword(oldExport));

    // Password change: unwrap with the old login, wrap again with the new one.
    const unwrapped = unwrapRootKey(oldWrap, byPassword(oldExport));
    if (!unwrapped.ok) throw new Error("old wrap should open");
    const newExport = exportKeyFromLogin();
    const newWrap = wrapRootKey(unwrapped.value, byPassword(newExport));

    const viaNew = unwrapRootKey(newWrap, byPassword(newExport));
    expect(viaNew.ok && secretsEqual(viaNew.value, root)).toBe(true);
    expect(unwrapRootKey(newWrap, byPassword(oldExport))).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
    expect(unwrapRootKey(oldWrap, byPassword(newExport))).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
  });

  it("refuses a recovery-key wrap offered to the password path, and the reverse", () => {
    const root = generateRootKey();
    const exportKey = exportKeyFromLogin();
    const recovery = generateRecoveryKey().key;
    const passwordWrap = wrapRootKey(root, byPassword(exportKey));
    const recoveryWrap = wrapRootKey(root, byRecovery(recovery));
    expect(unwrapRootKey(recoveryWrap, byPassword(exportKey))).toEqual({
      ok: false,
      error: { reason: "wrong-purpose" },
    });
    expect(unwrapRootKey(passwordWrap, byRecovery(recovery))).toEqual({
      ok: false,
      error: { reason: "wrong-purpose" },
    });
  });

  it("binds the purpose into the associated data: same wrapping key, relabelled wrap, does not open", () => {
    const root = generateRootKey();
    const wrappingKey = lib().randombytes_buf(32);
    const wrap = wrapWith(root, wrappingKey, "export-key", lib().randombytes_buf(24));
    const relabelled = Uint8Array.from(wrap);
    relabelled[1] = 2; // claim recovery-key
    expect(unwrapWith(relabelled, wrappingKey, "recovery-key")).toEqual({
      ok: false,
      error: { reason: "decrypt-failure" },
    });
    expect(unwrapWith(wrap, wrappingKey, "export-key").ok).toBe(true);
  });

  it("derives different wrapping keys for the two purposes from the same bytes", () => {
    const root = generateRootKey();
    const bytes = lib().randombytes_buf(32);
    const wrap = wrapRootKey(root, byRecovery(bytes as RecoveryKey));
    const relabelled = Uint8Array.from(wrap);
    relabelled[1] = 1;
    const asExport = new Uint8Array(64);
    asExport.set(bytes);
    expect(unwrapRootKey(relabelled, byPassword(asExport as ExportKey)).ok).toBe(false);
  });

  it("uses a fresh nonce for every wrap", () => {
    const root = generateRootKey();
    const exportKey = exportKeyFromLogin();
    const a = wrapRootKey(root, byPassword(exportKey));
    const b = wrapRootKey(root, byPassword(exportKey));
    expect(a.subarray(2, 26)).not.toEqual(b.subarray(2, 26));
  });

  it("refuses any tampered byte", () => {
    const root = generateRootKey();
    const exportKey = exportKeyFromLogin();
    const wrap = wrapRootKey(root, byPassword(exportKey));
    for (let i = 2; i < wrap.length; i++) {
      const tampered = Uint8Array.from(wrap);
      tampered[i]! ^= 0x01;
      expect(unwrapRootKey(tampered, byPassword(exportKey))).toEqual({
        ok: false,
        error: { reason: "decrypt-failure" },
      });
    }
  });

  it("reports unsupported-version and malformed wraps", () => {
    const exportKey = exportKeyFromLogin();
    const wrap = wrapRootKey(generateRootKey(), byPassword(exportKey));
    const future = Uint8Array.from(wrap);
    future[0] = 2;
    expect(unwrapRootKey(future, byPassword(exportKey))).toEqual({
      ok: false,
      error: { reason: "unsupported-version" },
    });
    expect(unwrapRootKey(new Uint8Array(0), byPassword(exportKey))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
    expect(unwrapRootKey(wrap.subarray(0, 73), byPassword(exportKey))).toEqual({
      ok: false,
      error: { reason: "malformed" },
    });
  });

  it("makes a different random root key each time", () => {
    expect(secretsEqual(generateRootKey(), generateRootKey())).toBe(false);
  });
});
