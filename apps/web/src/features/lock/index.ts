/**
 * The app lock's screens: the start gate (lock screen, unlock, auto-lock,
 * quick exit's plain page), the Settings card, the set-up offer and the quick
 * exit button. The lock itself (keys, sealed storage, wrong tries) is in
 * @trellis/client.
 */
export { AppLockCard } from "./AppLockCard.tsx";
export { LockGate } from "./LockGate.tsx";
export type { LockBackend } from "./lock-api.ts";
export { type LockControls, useLock } from "./lock-context.tsx";
export { type GateStart, openLockGate } from "./open-gate.ts";
export { LockOffer, QuickExitButton } from "./QuickExit.tsx";
