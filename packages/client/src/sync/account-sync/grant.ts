/**
 * A device waiting for the owner's confirmation (an invite was accepted; the
 * owner has not compared the safety code yet): asks now and then whether the
 * owner has granted the vault key, and once it has, the vault becomes
 * active and sync starts.
 */
import { VaultKey } from "@trellis/crypto";
import { fetchVaultKeys } from "../sharing.ts";
import { identityOf } from "./session.ts";
import type { Outcome } from "./types.ts";
import { fail, type Wiring } from "./wiring.ts";

export interface GrantWatch {
  /** Asks once now; true once the vault is active. */
  check(): Outcome<boolean>;
  /** Asks again after a while, and keeps asking, while the vault waits. */
  poll(): void;
  /** Stops asking (signed out, sign-in ended, closed). */
  cancel(): void;
}

export function grantWatch(w: Wiring): GrantWatch {
  const s = w.session;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function check(): Outcome<boolean> {
    if (!s.account || !s.vault) return fail("no-account");
    if (s.vault.state === "active") return { ok: true, value: true };
    // Not before the owner's key was compared again on this device.
    if (s.vault.state === "verify") return { ok: true, value: false };
    const keys = await fetchVaultKeys(w.api(), s.account.token, {
      vaultId: s.vault.vaultId,
      identity: identityOf(s.account),
      trustedSigner: s.vault.ownerSigningKey,
    });
    if (!keys.ok) return keys;
    if (keys.value.length === 0) return { ok: true, value: false };
    await s.saveVault({
      ...s.vault,
      state: "active",
      keys: keys.value.map((k) => VaultKey.encode(k)),
    });
    await s.store.setCanRecord(s.vault.role !== "viewer");
    w.startEngine();
    s.changed();
    return { ok: true, value: true };
  }

  function poll(): void {
    if (s.closed || timer || s.signInNeeded || s.vault?.state !== "waiting") return;
    timer = setTimeout(async () => {
      timer = null;
      await check();
      poll();
    }, w.options.grantPollMs ?? 3_000);
  }

  return {
    check,
    poll,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
