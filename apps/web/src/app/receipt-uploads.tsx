import { useEffect } from "react";
import { useLoadedSync, useSyncSnapshot } from "./sync-context.tsx";

/**
 * Sends cost receipts that wait on this device (added before there was an
 * account, or while offline) to the record vault whenever sync has just
 * caught up. Nothing at all without an account: sync is never loaded here.
 */
export function ReceiptUploads() {
  const sync = useLoadedSync();
  const { vault, status } = useSyncSnapshot();
  const ready = vault?.state === "active" && status?.phase === "synced";
  useEffect(() => {
    if (!sync || !ready) return;
    void import("../features/costs/index.ts").then((m) => m.flushWaitingReceipts(sync));
  }, [sync, ready]);
  return null;
}
