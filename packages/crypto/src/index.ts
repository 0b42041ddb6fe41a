/**
 * @trellis/crypto: all of Trellis's cryptography behind one small interface.
 * The only package that imports libsodium. Await `ready()` once; everything
 * else is synchronous. Expected failures come back as `Result` values with a
 * machine-readable `reason`; exceptions mean a bug in the caller.
 */
export {
  type AtRestKey,
  type AtRestSealer,
  type AtRestUnlock,
  type AtRestUnwrapFailure,
  atRestSealer,
  generateAtRestKey,
  unwrapAtRestKey,
  wrapAtRestKey,
} from "./at-rest.ts";
export {
  type OpenAttachmentFailure,
  openAttachment,
  type SealedAttachment,
  sealAttachment,
} from "./attachment.ts";
export { type Base64Url, fromBase64Url, secretsEqual, toBase64Url } from "./bytes.ts";
export {
  type CirclePostAddress,
  generateCircleKey,
  type OpenCirclePostFailure,
  openCirclePost,
  type SealedCirclePost,
  sealCirclePost,
} from "./circle.ts";
export {
  type EventAddress,
  eventEpoch,
  generateVaultKey,
  type OpenEventFailure,
  openEvent,
  type SealedEvent,
  sealEvent,
  type VaultKeysByEpoch,
} from "./event.ts";
export {
  type GrantFailure,
  openVaultKeyGrant,
  sealVaultKeyFor,
  type VaultKeyGrant,
} from "./grant.ts";
export { deriveIdentity, type Identity, type PublicIdentity, publicIdentity } from "./identity.ts";
export {
  AttachmentKey,
  type BoxKeyPair,
  CircleKey,
  Ed25519PublicKey,
  Ed25519SecretKey,
  ExportKey,
  type KeyCodec,
  type PinKey,
  PinSalt,
  RecoveryKey,
  RootKey,
  type SigningKeyPair,
  VaultKey,
  X25519PublicKey,
  X25519SecretKey,
} from "./keys.ts";
export {
  checkExportPassphrase,
  EXPORT_PASSPHRASE_MIN,
  isLockedExport,
  lockExport,
  type OpenLockedExportFailure,
  openLockedExport,
} from "./locked-export.ts";
export {
  type MembershipEntryAddress,
  type MembershipEntryFailure,
  membershipEntryHash,
  openMembershipEntry,
  signMembershipEntry,
} from "./membership-log.ts";
export { deriveKeyFromPin, generatePinSalt } from "./pin.ts";
export { recoveryAuthKey, signRecoveryChallenge } from "./recovery-auth.ts";
export {
  generateRecoveryKey,
  type NewRecoveryKey,
  parseRecoveryKey,
  type RecoveryKeyText,
} from "./recovery-key.ts";
export type { CryptoProblem, CryptoRefusal } from "./refusals.ts";
export {
  generateRootKey,
  type RootKeyUnlock,
  type RootKeyWrap,
  type UnwrapFailure,
  unwrapRootKey,
  type WrapPurpose,
  wrapRootKey,
} from "./root-key.ts";
export { type SafetyCode, safetyCode } from "./safety-code.ts";
export {
  SIGN_OUT_SIGNATURE_BYTES,
  type SignOutAddress,
  signSignOut,
  verifySignOut,
} from "./sign-out.ts";
export {
  certifyDevice,
  type DeviceSigner,
  deriveDeviceKey,
  type EntrySigner,
  generateDeviceKey,
  openSignedEntry,
  type SignedEntryAddress,
  type SignedEntryFailure,
  signEntry,
} from "./signed-entry.ts";
export { ready } from "./sodium.ts";
