import type { SyncStatus, VaultView } from "@trellis/client/sync";
import { en, type MessageKey } from "../i18n/en.ts";
import type { I18n } from "../i18n/i18n.tsx";

/** A machine reason from sync (`login-failed`, `offline`, ...) in words. */
export function reasonText(t: I18n["t"], reason: string): string {
  const key = `sync.reason.${reason}`;
  return key in en ? t(key as MessageKey) : t("sync.reason.unknown", { reason });
}

/**
 * The one-line sync status, honest about what is and isn't on the server.
 * Null when this device has no account.
 */
export function syncLine(
  t: I18n["t"],
  snapshot: {
    account: unknown;
    vault: VaultView | null;
    status: SyncStatus | null;
    signInNeeded?: boolean;
  },
): string | null {
  const { account, vault, status } = snapshot;
  if (!account) return null;
  // Before anything else (a device waiting for the owner too): nothing syncs until then.
  if (snapshot.signInNeeded || status?.reason === "unauthenticated") return t("sync.signedOut");
  // For the moment before the device erases itself (it then has no account).
  if (status?.reason === "signed-out-elsewhere") return t("sync.reason.signed-out-elsewhere");
  if (vault?.state === "waiting") return t("sync.waiting");
  if (vault?.state === "verify") return t("sync.verifyAgain");
  if (!status) return null;
  if (status.phase === "error") {
    if (status.fatal) return t("sync.removed");
    return t("sync.error", { reason: reasonText(t, status.reason ?? "unknown") });
  }
  if (status.phase === "offline") {
    return status.pending > 0
      ? t("sync.offlinePending", { count: status.pending })
      : t("sync.offline");
  }
  if (status.pending > 0) return t("sync.pending", { count: status.pending });
  if (status.phase === "syncing" && status.lastSyncedAt === undefined) return t("sync.syncing");
  return t("sync.synced");
}
