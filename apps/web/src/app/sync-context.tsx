/**
 * Account and sync for the screens. The sync code (and its cryptography) is
 * loaded only when this device has an account, or when the person opens an
 * account screen: without an account, Trellis makes no network call at all.
 */
import { forgetThisDevice, hasAccount } from "@trellis/client";
import type { AccountSync, AccountSyncSnapshot, AccountView } from "@trellis/client/sync";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { Circles } from "../features/circles/index.ts";
import { useClient, useClientValue } from "./client-context.tsx";

interface SyncContextValue {
  /** Null until loaded (and never loaded without an account, unless `load` is called). */
  readonly sync: AccountSync | null;
  /** Whether this device keeps an account: null until its storage has said. */
  readonly stored: boolean | null;
  /** Loads account and sync (an account screen was opened). */
  load(): Promise<AccountSync>;
}

const SyncContext = createContext<SyncContextValue | null>(null);

const EMPTY: AccountSyncSnapshot = { account: null, vault: null, status: null };

export function SyncProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [sync, setSync] = useState<AccountSync | null>(null);
  const [stored, setStored] = useState<boolean | null>(null);
  const loading = useRef<Promise<AccountSync> | null>(null);

  const load = useCallback(() => {
    loading.current ??= import("@trellis/client/sync").then(async (mod) => {
      const opened = await mod.openAccountSync({
        client,
        connect: (url) => mod.fetchTransport(url),
        probe: mod.indexedDbSignOutProbe(),
        // Signed out from another device: once the record is erased, close
        // it and forget every database (the app then shows the erased screen).
        forgetDevice: async () => {
          client.close();
          await forgetThisDevice();
        },
      });
      setSync(opened);
      return opened;
    });
    return loading.current;
  }, [client]);

  useEffect(() => {
    let cancelled = false;
    void hasAccount(client).then((yes) => {
      if (cancelled) return;
      setStored(yes);
      // Sync that cannot load leaves the device as if it had no account, not waiting forever.
      if (yes) load().catch(() => setStored(false));
    });
    return () => {
      cancelled = true;
    };
  }, [client, load]);

  useEffect(() => {
    if (!sync) return;
    // Back online, or back to the app: try now rather than at the next backoff step.
    const nudge = () => sync.nudge();
    const visible = () => document.visibilityState === "visible" && sync.nudge();
    window.addEventListener("online", nudge);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.removeEventListener("online", nudge);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [sync]);

  const value = useMemo(() => ({ sync, stored, load }), [sync, stored, load]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

function useSyncContext(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error("useAccountSync outside SyncProvider");
  return value;
}

/** The account and sync object, loading it on first use. Null while it loads. */
export function useAccountSync(): AccountSync | null {
  const { sync, load } = useSyncContext();
  useEffect(() => {
    if (!sync) void load();
  }, [sync, load]);
  return sync;
}

/**
 * Account sync if this device has loaded it (it has an account, or an
 * account screen was opened), else null; never loads it. Re-read when sync's
 * snapshot changes.
 */
export function useLoadedSync(): AccountSync | null {
  const { sync } = useSyncContext();
  useSyncSnapshot();
  return sync;
}

/** Account, vault and sync status; empty (and nothing loaded) when this device has no account. */
export function useSyncSnapshot(): AccountSyncSnapshot {
  const { sync } = useSyncContext();
  return useSyncExternalStore(
    (listener) => sync?.subscribe(listener) ?? (() => {}),
    () => sync?.snapshot ?? EMPTY,
    () => sync?.snapshot ?? EMPTY,
  );
}

/**
 * Who wrote an entry, as sync verified it: the author's account id, or null
 * for the reader's own entries, for entries not received by sync, and on a
 * device without an account. Re-read whenever sync's snapshot changes.
 */
export function useAuthorOf(): (eventId: string) => string | null {
  const { sync } = useSyncContext();
  useSyncSnapshot();
  return (eventId) => sync?.authorOf(eventId) ?? null;
}

/** Whether this device may add entries (viewers read only). */
export function useCanRecord(): boolean {
  return useClientValue((client) => client.canRecord);
}

/** Circles given directly (component tests), with the account they belong to; the app uses account sync's own. */
const CirclesOverride = createContext<{
  readonly circles: Circles;
  readonly account: AccountView | null;
} | null>(null);

export function CirclesProvider({
  circles,
  account,
  children,
}: {
  circles: Circles;
  account: AccountView | null;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ circles, account }), [circles, account]);
  return <CirclesOverride.Provider value={value}>{children}</CirclesOverride.Provider>;
}

/**
 * The person's circles (`accountSync.circles`), loading account sync on
 * first use. Null while it loads.
 */
export function useCircles(): Circles | null {
  const given = useContext(CirclesOverride);
  const context = useContext(SyncContext);
  const sync = context?.sync ?? null;
  useEffect(() => {
    if (!given && context && !sync) void context.load();
  }, [given, context, sync]);
  if (given) return given.circles;
  return sync?.circles ?? null;
}

/**
 * Signs this device out of its account (the record, if any, stays), or null
 * where no account sync runs (component tests give circles directly).
 */
export function useSignOutHere(): (() => ReturnType<AccountSync["signOut"]>) | null {
  const sync = useContext(SyncContext)?.sync ?? null;
  return sync ? () => sync.signOut() : null;
}

/** The account this device's circles belong to; null without one (circles need an account). */
export function useCirclesAccount(): AccountView | null {
  const given = useContext(CirclesOverride);
  const sync = useContext(SyncContext)?.sync ?? null;
  const snapshot = useSyncExternalStore(
    (listener) => sync?.subscribe(listener) ?? (() => {}),
    () => sync?.snapshot ?? EMPTY,
    () => sync?.snapshot ?? EMPTY,
  );
  return given ? given.account : snapshot.account;
}

/**
 * Whether this device has an account, once that is known: `checking` while
 * its storage answers and, with one, while account sync loads (a device
 * with no record then waits, rather than showing set-up to a reader).
 */
export function useAccountPresence(): "checking" | "none" | "present" {
  const context = useContext(SyncContext);
  const snapshot = useSyncSnapshot();
  if (snapshot.account) return "present";
  if (!context || context.stored === false) return "none";
  if (context.stored === null || !context.sync) return "checking";
  return "none";
}
