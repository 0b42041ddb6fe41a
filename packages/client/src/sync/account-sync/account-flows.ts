/**
 * The account flows a person starts: create an account, sign in, recover
 * with the recovery key, change the password, list and sign out devices,
 * sign out, delete the account. Failures are `{ reason }` values.
 */
import { RootKey, signSignOut, toBase64Url } from "@trellis/crypto";
import { deviceName, username } from "@trellis/sync";
import {
  changePassword as changePasswordFlow,
  deleteAccount as deleteAccountFlow,
  recover as recoverFlow,
  register,
  signIn as signInFlow,
} from "../account.ts";
import { RECORD_VAULT_KEY } from "../stored.ts";
import type { Linking } from "./linking.ts";
import { identityOf } from "./session.ts";
import type { AccountSync } from "./types.ts";
import type { VaultEngine } from "./vault-engine.ts";
import { done, fail, type Wiring } from "./wiring.ts";

export type AccountFlows = Pick<
  AccountSync,
  | "createAccount"
  | "signIn"
  | "recover"
  | "changePassword"
  | "devices"
  | "signOutDevice"
  | "signOut"
  | "deleteAccount"
>;

export function accountFlows(w: Wiring, linked: Linking, engine: VaultEngine): AccountFlows {
  const s = w.session;

  /** Signed out here (the session ends, or the account is gone): sync stops, the record stays. */
  async function unlink(): Promise<void> {
    await w.stopEngine();
    await s.saveVault(null);
    await s.saveAccount(null);
  }

  return {
    async createAccount(input) {
      const typed = typedProblem(input);
      if (typed) return typed;
      const made = await register(w.apiFor(input.serverUrl), input);
      if (!made.ok) return made;
      const username = normalisedUsername(input.username);
      await linked.link(input.serverUrl, made.value, username, input.deviceName);
      await s.saveVault(null);
      if (s.hasRecord()) {
        const vaulted = await linked.vaultFromRecord(made.value);
        if (!vaulted.ok) {
          s.changed();
          return vaulted;
        }
      }
      w.startEngine();
      s.changed();
      return done;
    },
    async signIn(input) {
      const typed = typedProblem(input);
      if (typed) return typed;
      const signedIn = await signInFlow(w.apiFor(input.serverUrl), input);
      return linked.afterSignIn(
        input.serverUrl,
        signedIn,
        normalisedUsername(input.username),
        input.deviceName,
      );
    },
    async recover(input) {
      const typed = typedProblem(input);
      if (typed) return typed;
      const signedIn = await recoverFlow(w.apiFor(input.serverUrl), input);
      return linked.afterSignIn(
        input.serverUrl,
        signedIn,
        normalisedUsername(input.username),
        input.deviceName,
      );
    },
    async changePassword(input) {
      if (!s.account) return fail("no-account");
      const root = RootKey.decode(s.account.rootKey);
      if (!root.ok) return fail("damaged");
      return changePasswordFlow(w.api(), {
        token: s.account.token,
        rootKey: root.value,
        ...input,
      });
    },
    async devices() {
      if (!s.account) return fail("no-account");
      const r = await w.api().account(s.account.token);
      return r.ok ? { ok: true, value: r.value.devices } : r;
    },
    async signOutDevice(sessionId) {
      if (!s.account) return fail("no-account");
      const another = sessionId !== "current" && sessionId !== s.account.sessionId;
      // Signed with the account's identity key: that device erases itself only
      // on this signature, so the server alone can never make it erase.
      const erase = another
        ? {
            signature: toBase64Url(
              signSignOut(
                { accountId: s.account.accountId, sessionId },
                identityOf(s.account).signing.secretKey,
              ),
            ),
          }
        : undefined;
      const r = await w.api().signOutDevice(s.account.token, sessionId, erase);
      if (!r.ok) return r;
      if (another && s.vault?.role === "owner") {
        // That device holds the vault's keys: what is written from now on
        // goes under a new key it never gets. As when a member is removed,
        // the rotation stays due until it is done (offline: the next round).
        await s.saveVault({ ...s.vault, rotationDue: true });
        if (engine.running) {
          await engine.rotateNow();
          engine.nudge();
        }
        s.changed();
      }
      return done;
    },
    async signOut() {
      if (!s.account) return done;
      // Best effort: offline, the session simply expires on the server.
      await w.api().signOutDevice(s.account.token, "current");
      await unlink();
      s.signInNeeded = false;
      s.changed();
      return done;
    },
    async deleteAccount(input) {
      if (!s.account) return fail("no-account");
      const r = await deleteAccountFlow(w.api(), { token: s.account.token, ...input });
      if (!r.ok) return r;
      await unlink();
      await s.store.setMeta(RECORD_VAULT_KEY, undefined);
      s.signInNeeded = false;
      s.changed();
      return done;
    },
  };
}

/**
 * What the person typed that the server's contract does not take, said
 * before anything is sent: a username (`username-invalid`: 3 to 64 letters,
 * digits and . _ @ + -) or a device name (`device-name-invalid`: at most 60
 * characters). Sent as typed, it would be refused on the way out.
 */
function typedProblem(input: { username: string; deviceName: string }) {
  if (!username.safeParse(input.username).success) return fail("username-invalid");
  if (!deviceName.safeParse(input.deviceName).success) return fail("device-name-invalid");
  return null;
}

function normalisedUsername(text: string): string {
  return text.trim().toLowerCase();
}
