import { routes } from "./routes.ts";
import { useSyncSnapshot } from "./sync-context.tsx";

/**
 * Whether this device, having no record, opens the circle reader instead of
 * set-up: at a circle's invite link (`/circle#…`), or with an account that
 * holds no record (a reader of circles; the reader app falls back to set-up
 * if it reads none). A partner waiting for a shared record has one (`vault`).
 */
export function useReaderOnly(location: string): boolean {
  const { account, vault } = useSyncSnapshot();
  if (location === routes.circle && window.location.hash.length > 1) return true;
  return account !== null && vault === null;
}
