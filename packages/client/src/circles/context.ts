/**
 * What every circle flow shares: the signed-in account with its keys and
 * this device's signer, the way to the server, what the device keeps, and
 * telling the screens something changed. A link-only reader whose session
 * ended signs in again on its own here, with the credentials this device
 * made for it, and the call is tried once more.
 */
import { type DeviceSigner, type Identity, RootKey } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { Listeners } from "../listeners.ts";
import { identityOf } from "../sync/account-sync/session.ts";
import type { Wiring } from "../sync/account-sync/wiring.ts";
import type { SyncApi, SyncFailure } from "../sync/api.ts";
import { deviceSigner } from "../sync/device-signer.ts";
import type { StoredAccount } from "../sync/stored.ts";
import type { CircleStore } from "./store.ts";

export interface Me {
  readonly account: StoredAccount;
  readonly identity: Identity;
  readonly signer: DeviceSigner;
}

export interface CircleContext {
  readonly w: Wiring;
  readonly store: CircleStore;
  readonly told: Listeners;
  /** The account signed in on this device, or `no-account`. */
  me(): Result<Me, SyncFailure>;
  /**
   * One call to the server with this device's session. `unauthenticated`
   * for a link-only reader: signs in again with the kept credentials, then
   * tries once more.
   */
  call<T>(
    f: (api: SyncApi, token: string) => Promise<Result<T, SyncFailure>>,
  ): Promise<Result<T, SyncFailure>>;
  now(): number;
}

export const fail = (reason: string) => ({ ok: false as const, error: { reason } });
export const done = { ok: true as const, value: undefined };

export function circleContext(
  w: Wiring,
  store: CircleStore,
  told: Listeners,
  signInAgain: () => Promise<Result<void, SyncFailure>>,
): CircleContext {
  const cache = new Map<string, Me>();
  function me(): Result<Me, SyncFailure> {
    const account = w.session.account;
    if (!account) return fail("no-account");
    const key = `${account.accountId}|${account.token}`;
    let found = cache.get(key);
    if (!found) {
      const root = RootKey.decode(account.rootKey);
      if (!root.ok) return fail("damaged");
      found = {
        account,
        identity: identityOf(account),
        signer: deviceSigner(root.value, w.client.device),
      };
      cache.clear();
      cache.set(key, found);
    }
    return { ok: true, value: found };
  }
  return {
    w,
    store,
    told,
    me,
    now: w.now,
    async call(f) {
      const first = me();
      if (!first.ok) return first;
      const r = await f(w.api(), first.value.account.token);
      if (r.ok || r.error.reason !== "unauthenticated" || !(await store.reader())) return r;
      const again = await signInAgain();
      if (!again.ok) return r;
      const next = me();
      if (!next.ok) return next;
      return f(w.api(), next.value.account.token);
    },
  };
}
