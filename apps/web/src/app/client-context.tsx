import type { TrellisClient } from "@trellis/client";
import type { JourneyState } from "@trellis/domain";
import { createContext, type ReactNode, useContext, useSyncExternalStore } from "react";

const ClientContext = createContext<TrellisClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: TrellisClient;
  children: ReactNode;
}) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): TrellisClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error("useClient outside ClientProvider");
  return client;
}

/** What `read` finds in the client, read again whenever an event is recorded on this device or another tab. */
export function useClientValue<T>(read: (client: TrellisClient) => T): T {
  const client = useClient();
  const now = () => read(client);
  return useSyncExternalStore((listener) => client.subscribe(listener), now, now);
}

/** The journey state; re-renders whenever an event is recorded on this device or another tab. */
export function useJourneyState(): JourneyState {
  return useClientValue((client) => client.state);
}
