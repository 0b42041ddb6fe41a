/**
 * A device's account and sync, as one object for the screens. This file
 * wires the parts, each in its own file under `account-sync/`:
 *
 * - `session.ts`: what the device keeps (account, vault) and the snapshot;
 * - `watch-session.ts`: noticing that the server ended this device's sign-in
 *   (and erasing the device when another device of the account ended it);
 * - `vault-engine.ts`: the sync engine for the active vault, and its keys;
 * - `grant.ts`: waiting for the owner's confirmation after an invite;
 * - `linking.ts`: joining the device to an account and a vault;
 * - `account-flows.ts` and `member-flows.ts`: what a person starts;
 * - `types.ts`: the shape the screens see.
 *
 * Without an account nothing here runs and nothing touches the network.
 */
import { generateRecoveryKey, ready } from "@trellis/crypto";
import { recordVaultAttachments } from "../attachments/record-vault.ts";
import { createCircles } from "../circles/circles.ts";
import { accountFlows } from "./account-sync/account-flows.ts";
import { grantWatch } from "./account-sync/grant.ts";
import { linking } from "./account-sync/linking.ts";
import { memberFlows } from "./account-sync/member-flows.ts";
import { openSession, probeOf } from "./account-sync/session.ts";
import type { AccountSync, AccountSyncOptions } from "./account-sync/types.ts";
import { vaultEngine } from "./account-sync/vault-engine.ts";
import { watchSession } from "./account-sync/watch-session.ts";
import type { Wiring } from "./account-sync/wiring.ts";
import { createApi } from "./api.ts";
import { askSignedOutElsewhere } from "./signed-out-elsewhere.ts";
import { memorySignOutProbe } from "./signout-probe.ts";

export type {
  AccountSync,
  AccountSyncOptions,
  AccountSyncSnapshot,
  AccountView,
  DeviceView,
  InviteView,
  MemberView,
  VaultView,
} from "./account-sync/types.ts";

export async function openAccountSync(options: AccountSyncOptions): Promise<AccountSync> {
  await ready();
  const { client } = options;
  const probe = options.probe ?? memorySignOutProbe();
  const session = await openSession(client, () => engine.status, probe);

  /**
   * The server ended this device's session: say so, and stop asking it for
   * anything until the person signs in again. The engine stops on its own
   * (a fatal failure); the outbox keeps every pending event.
   */
  function sessionEnded(): void {
    if (session.signInNeeded || session.closed) return;
    session.signInNeeded = true;
    grant.cancel();
    session.changed();
  }

  /**
   * Another device of the account signed this one out ("I lost my phone"):
   * erase what it holds (record, keys, account, the probe), say so, then
   * forget every database. Whatever was not yet sent is gone too: that is
   * what the person on the other device asked for.
   */
  let erasing = false;
  async function endedElsewhere(): Promise<void> {
    if (erasing || session.closed) return;
    const account = session.account;
    if (!account) return;
    erasing = true;
    // The server's word is not enough to erase: only the account's signature
    // on signing this session out. Without it, ask to sign in again.
    const probe = await probeOf(account);
    if ((await askSignedOutElsewhere(wiring.apiFor(account.serverUrl), probe)) !== "erase") {
      erasing = false;
      sessionEnded();
      return;
    }
    await wiring.stopEngine();
    await client.eraseDevice();
    await session.saveAccount(null);
    session.erasedElsewhere = true;
    session.changed();
    await options.forgetDevice?.();
  }

  const connect = (serverUrl: string) =>
    watchSession(
      options.connect(serverUrl),
      () => session.account?.token,
      sessionEnded,
      () => void endedElsewhere(),
    );
  const wiring: Wiring = {
    client,
    session,
    options,
    now: options.now ?? (() => Date.now()),
    connect,
    apiFor: (serverUrl) => createApi(connect(serverUrl)),
    api: () => createApi(connect(session.account!.serverUrl)),
    startEngine: () => engine.start(),
    async stopEngine() {
      grant.cancel();
      await engine.stop();
    },
    pollGrant: () => grant.poll(),
  };
  const engine = vaultEngine(wiring);
  const grant = grantWatch(wiring);
  const linked = linking(wiring);

  const unsubscribeRecorded = client.sync.onRecorded(linked.ensureVault);
  const unsubscribeErased = client.sync.onErased(() => {
    // Everything this device held is gone, account and keys included.
    void wiring.stopEngine();
    session.forget(client.sync);
    void probe.clear();
    session.changed();
  });

  const accounts = accountFlows(wiring, linked, engine);
  const circles = createCircles(wiring, accounts);
  const sync: AccountSync = {
    get snapshot() {
      return session.snapshot;
    },
    subscribe: session.subscribe,
    newRecoveryKey: generateRecoveryKey,
    ...accounts,
    ...memberFlows(wiring, engine),
    circles,
    recordAttachments: () => recordVaultAttachments(wiring),
    nudge() {
      engine.nudge();
      linked.ensureVault();
    },
    checkGrant: grant.check,
    authorOf: engine.authorOf,
    async close() {
      session.closed = true;
      session.close();
      circles.close();
      unsubscribeRecorded();
      unsubscribeErased();
      await wiring.stopEngine();
    },
  };

  if (session.account && session.vault?.state === "active") engine.start();
  if (session.account && session.vault?.state === "waiting") grant.poll();
  linked.ensureVault();
  return sync;
}
