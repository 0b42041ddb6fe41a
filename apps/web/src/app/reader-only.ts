import { routes } from "./routes.ts";
import { useAccountPresence, useSyncSnapshot } from "./sync-context.tsx";

/**
 * Whether this device, having no record, opens the circle reader instead of
 * set-up: at a circle's invite link (`/circle#…`), or with an account that
 * holds no record (a reader of circles). A partner waiting for a shared
 * record has one (`vault`).
 * `checking` while the device's account is still being read: a device with
 * no record then waits a moment, so that a reader never sees set-up.
 */
export function useReaderOnly(location: string): boolean | "checking" {
  const { account, vault } = useSyncSnapshot();
  const presence = useAccountPresence();
  if (location === routes.circle && window.location.hash.length > 1) return true;
  if (presence === "checking") return "checking";
  return account !== null && vault === null;
}
