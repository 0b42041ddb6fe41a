import { useClientValue, useJourneyState } from "./client-context.tsx";
import { useSyncSnapshot } from "./sync-context.tsx";

/**
 * The name of the person holding this device, for greetings: the name they
 * gave on this device, or else the one their role has in the record (the
 * journey's name for its owner, the partner's name on a partner's phone).
 * A viewer is greeted by no name unless they give one. Never the owner's
 * name on someone else's phone.
 */
export function useReaderName(): string | null {
  const journey = useJourneyState().journey;
  const own = useClientValue((client) => client.deviceSettings.readerName);
  const role = useSyncSnapshot().vault?.role ?? "owner";
  if (own) return own;
  if (role === "owner") return journey?.displayName || null;
  if (role === "partner") return journey?.partnerName || null;
  return null;
}
