/**
 * `@trellis/client/sync`: accounts, sharing and sync for the device. A
 * separate entry point so the app loads it (and its cryptography) only for
 * people who use an account; without one, nothing here runs.
 */

export type { NewRecoveryKey, SafetyCode } from "@trellis/crypto";
export { parseInviteLink } from "@trellis/sync";
/** Circles (`accountSync.circles`): the types the screens use. */
export type * from "../circles/types.ts";
export type { CircleInputFailure } from "../circles/write.ts";
export {
  changePassword,
  deleteAccount,
  freshProof,
  recover,
  register,
  type SignedIn,
  signIn,
} from "./account.ts";
export {
  type AccountSync,
  type AccountSyncOptions,
  type AccountSyncSnapshot,
  type AccountView,
  type DeviceView,
  type InviteView,
  type MemberView,
  openAccountSync,
  type VaultView,
} from "./account-sync.ts";
export { createApi, type SyncApi, type SyncFailure } from "./api.ts";
export {
  backoffDelay,
  createSyncEngine,
  type SyncClock,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncStatus,
  systemClock,
} from "./engine.ts";
export {
  acceptInvite,
  createInvite,
  createVault,
  fetchVaultKeys,
  grantMember,
  INVITE_DAYS,
  safetyCodeWith,
} from "./sharing.ts";
export {
  forgetIfSignedOutElsewhere,
  type SignedOutElsewhereOptions,
} from "./signed-out-elsewhere.ts";
export {
  indexedDbSignOutProbe,
  memorySignOutProbe,
  type SignOutProbe,
  type SignOutProbeStore,
  signOutProbeFor,
} from "./signout-probe.ts";
export { fetchTransport, parseEventStream, StreamRefused, type Transport } from "./transport.ts";
export { createVaultCrypto, type VaultCrypto } from "./vault-crypto.ts";
