import { useClientValue, useJourneyState } from "./client-context.tsx";
import { useAuthorOf, useSyncSnapshot } from "./sync-context.tsx";

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

/**
 * Who logged an entry, when it was someone other than the reader: the name
 * the record has for them (the journey's name for the owner, the partner's
 * name for a partner), or `""` when the record has no name for them (the
 * screen then says "your partner"). Null for the reader's own entries (from
 * any of their devices) and on
 * a record nobody shares. Only writers' entries are ever applied, so an
 * author who is not the owner is a partner.
 */
export function useLoggedBy(): (eventId: string) => string | null {
  const journey = useJourneyState().journey;
  const { vault, account } = useSyncSnapshot();
  const authorOf = useAuthorOf();
  return (eventId) => {
    const author = authorOf(eventId);
    // The reader's own, from this device or another of theirs: nothing to say.
    if (author === null || !vault || author === account?.accountId) return null;
    if (author === vault.ownerAccountId) return journey?.displayName ?? "";
    return journey?.partnerName ?? "";
  };
}
