/**
 * What the account-sync tests share (tests only): one fake server on a test
 * clock that moves a quarter second at each reading, devices that open an
 * account sync against it through any transport (closed after each test,
 * their storage kept), and accounts made on them.
 */
import { ready } from "@trellis/crypto";
import { afterEach, beforeAll, expect } from "vitest";
import { openClient, type TrellisClient } from "../client.ts";
import { type EventStorage, memoryStorage } from "../storage.ts";
import { type AccountSync, type AccountSyncOptions, openAccountSync } from "./account-sync.ts";
import { createFakeServer, type FakeServer } from "./fake-server.ts";
import type { Transport } from "./transport.ts";

export const TEST_SERVER = "https://trellis.test";
export const TEST_PASSWORD = "a password that is long enough";

export interface TestDevice {
  readonly client: TrellisClient;
  readonly sync: AccountSync;
  readonly storage: EventStorage;
}

/** Call once at the top of a test file; registers its own `beforeAll` and `afterEach`. */
export function syncDevices() {
  const clock = { ms: Date.UTC(2025, 4, 12, 19, 0) };
  const now = () => (clock.ms += 250);
  const opened: { client: TrellisClient; sync: AccountSync }[] = [];
  let server: FakeServer | null = null;
  let names = 0;

  beforeAll(async () => {
    await ready();
    server = await createFakeServer();
    server.setNow(() => clock.ms);
  });

  afterEach(async () => {
    for (const d of opened.splice(0)) {
      await d.sync.close();
      d.client.close();
    }
  });

  const fake = (): FakeServer => {
    if (!server) throw new Error("syncDevices: the server starts in beforeAll");
    return server;
  };

  /** Opens account sync for `client` through `transport` (the fake server's own by default). */
  async function openSync(
    client: TrellisClient,
    transport?: Transport,
    extra: Pick<AccountSyncOptions, "probe" | "forgetDevice" | "snapshotEvery"> = {},
  ): Promise<AccountSync> {
    const sync = await openAccountSync({
      client,
      connect: () => transport ?? fake().transport,
      backoff: { baseMs: 20, maxMs: 200 },
      grantPollMs: 50,
      circlePollMs: 50,
      now,
      ...extra,
    });
    opened.push({ client, sync });
    return sync;
  }

  return {
    clock,
    now,
    get server() {
      return fake();
    },
    openSync,
    /** A new device: a client on `storage` (fresh by default) with account sync open. */
    async device(
      transport?: Transport,
      storage: EventStorage = memoryStorage(),
      extra: Pick<AccountSyncOptions, "probe" | "forgetDevice" | "snapshotEvery"> = {},
    ): Promise<TestDevice> {
      const client = await openClient({ storage, now });
      return { client, sync: await openSync(client, transport, extra), storage };
    },
    /** Closes a device's account sync (the app is closed); its storage stays. */
    async closeSync(d: TestDevice): Promise<void> {
      const i = opened.findIndex((o) => o.sync === d.sync);
      if (i >= 0) opened.splice(i, 1);
      await d.sync.close();
    },
    /** Makes an account on `d` with a fresh name starting `base`; returns the name. */
    async account(d: TestDevice, base: string): Promise<string> {
      const username = `${base}${++names}`;
      const made = await d.sync.createAccount({
        serverUrl: TEST_SERVER,
        username,
        password: TEST_PASSWORD,
        deviceName: `${base}'s phone`,
        recovery: d.sync.newRecoveryKey(),
      });
      expect(made.ok).toBe(true);
      return username;
    },
  };
}

/** Writes a journal note on `client` (it must be accepted); the event. */
export async function note(client: TrellisClient, text: string) {
  const r = await client.record("JournalNoteAdded", {
    noteId: client.newId(),
    text,
    writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
  });
  if (!r.ok) throw new Error(`refused: ${r.error.reason} at ${r.error.field}`);
  return r.value;
}

/** The words of every note the device holds. */
export const texts = (client: TrellisClient) => [...client.state.notes.values()].map((n) => n.text);
