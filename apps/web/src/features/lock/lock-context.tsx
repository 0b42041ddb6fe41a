/**
 * What screens can ask of the app lock: its status, "Lock now", quick exit,
 * and the settings card's changes. Given by the gate (`LockGate`); outside it
 * (component tests of other screens) there is none and lock controls hide.
 */
import type { ClientProblem } from "@trellis/client";
import type { Result } from "@trellis/domain";
import { createContext, useContext } from "react";
import type { DeviceUnlockProblem } from "./device-unlock.ts";
import type { LockSettings, LockStatus, UnlockFailure } from "./lock-api.ts";

export interface LockControls {
  readonly status: LockStatus;
  /** Closes the record, forgets the key and shows the lock screen (nothing when the lock is off). */
  lockNow(): void;
  /** Shows a plain page at once; locks first when the lock is on. */
  quickExit(): void;
  /** Seals the record with a new device key behind `passphrase`; the app goes on with it open. */
  turnOn(passphrase: string, settings: LockSettings): Promise<Result<void, ClientProblem>>;
  /** Checks `passphrase` (a wrong one counts as a wrong try), then puts the record back in the clear. */
  turnOff(passphrase: string): Promise<Result<void, UnlockFailure | ClientProblem>>;
  changePassphrase(passphrase: string): Promise<Result<void, ClientProblem>>;
  changeSettings(settings: Partial<LockSettings>): Promise<void>;
  /** Asks the platform authenticator for a credential with PRF and adds it beside the passphrase. */
  addDeviceUnlock(): Promise<Result<void, DeviceUnlockProblem>>;
  removeDeviceUnlock(): Promise<void>;
}

export const LockContext = createContext<LockControls | null>(null);

/** The app lock's controls, or null outside the gate. */
export function useLock(): LockControls | null {
  return useContext(LockContext);
}
