import { describe, expect, it } from "vitest";
import * as api from "./index.ts";

describe("public face", () => {
  it("exports exactly the documented API, and no test-only or libsodium internals", () => {
    expect(Object.keys(api).sort()).toEqual([
      "CircleKey",
      "Ed25519PublicKey",
      "Ed25519SecretKey",
      "ExportKey",
      "PinSalt",
      "RecoveryKey",
      "RootKey",
      "VaultKey",
      "X25519PublicKey",
      "X25519SecretKey",
      "deriveIdentity",
      "deriveKeyFromPin",
      "eventEpoch",
      "fromBase64Url",
      "generateCircleKey",
      "generatePinSalt",
      "generateRecoveryKey",
      "generateRootKey",
      "generateVaultKey",
      "openCirclePost",
      "openEvent",
      "openVaultKeyGrant",
      "parseRecoveryKey",
      "publicIdentity",
      "ready",
      "recoveryAuthKey",
      "safetyCode",
      "sealCirclePost",
      "sealEvent",
      "sealVaultKeyFor",
      "secretsEqual",
      "signRecoveryChallenge",
      "toBase64Url",
      "unwrapRootKey",
      "wrapRootKey",
    ]);
  });
});
