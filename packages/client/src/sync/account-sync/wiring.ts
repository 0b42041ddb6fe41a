/**
 * What the parts of account sync share: the session, the way to the server,
 * and the few things one part asks of another (start or stop sync, wait for
 * the owner's grant). `openAccountSync` builds it once and hands it to each.
 */
import type { TrellisClient } from "../../client.ts";
import type { SyncApi } from "../api.ts";
import { cursorKey } from "../engine/cursor.ts";
import type { Transport } from "../transport.ts";
import type { Session } from "./session.ts";
import type { AccountSyncOptions } from "./types.ts";

export interface Wiring {
  readonly client: TrellisClient;
  readonly session: Session;
  readonly options: AccountSyncOptions;
  readonly now: () => number;
  /** A transport to `serverUrl` that notices when this device's sign-in ended. */
  connect(serverUrl: string): Transport;
  apiFor(serverUrl: string): SyncApi;
  /** The API of the server this device's account is on (only with an account). */
  api(): SyncApi;
  /** Starts sync for the active vault, if there is one and it is not running. */
  startEngine(): void;
  /** Stops sync and any wait for a grant. */
  stopEngine(): Promise<void>;
  /** While the vault waits for the owner's confirmation, asks again now and then. */
  pollGrant(): void;
}

export const fail = (reason: string) => ({ ok: false as const, error: { reason } });
export const done = { ok: true as const, value: undefined };

/** The last server seq this device has pulled for the vault (0 before the first pull). */
export async function pulledUpTo(s: Session, vaultId: string): Promise<number> {
  return (await s.store.getMeta<number>(cursorKey(vaultId))) ?? 0;
}
