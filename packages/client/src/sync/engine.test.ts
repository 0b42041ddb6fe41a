import { generateRecoveryKey, generateVaultKey, ready, type VaultKey } from "@trellis/crypto";
import { EVENT_PAGE_CONTENT_TYPE } from "@trellis/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { openClient, type SyncStore, type TrellisClient } from "../client.ts";
import { memoryStorage } from "../storage.ts";
import { register, type SignedIn } from "./account.ts";
import { createApi } from "./api.ts";
import { backoffDelay, createSyncEngine, cursorKey, type SyncClock } from "./engine.ts";
import { createFakeServer, type FakeServer, networkSwitch } from "./fake-server.ts";
import { createVault } from "./sharing.ts";
import type { Transport } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

let server: FakeServer;
let owner: SignedIn;
let t = Date.UTC(2025, 9, 1, 21, 0);
const now = () => (t += 100);

beforeAll(async () => {
  await ready();
  server = await createFakeServer();
  const made = await register(createApi(server.transport), {
    username: "engine-tests",
    password: "password for the engine tests",
    deviceName: "test",
    recovery: generateRecoveryKey(),
  });
  if (!made.ok) throw new Error(made.error.reason);
  owner = made.value;
});

async function freshVault() {
  const v = await createVault(createApi(server.transport), owner.session.token, owner.identity);
  if (!v.ok) throw new Error(v.error.reason);
  return v.value;
}

async function journeyClient(): Promise<TrellisClient> {
  const client = await openClient({ storage: memoryStorage(), now });
  await client.record("JourneyCreated", {
    dateOfBirth: "1991-01-09",
    homeZone: "Europe/Madrid",
    createdAt: "2025-10-01T23:00:00+02:00[Europe/Madrid]",
  });
  return client;
}

function note(client: TrellisClient, text: string) {
  return client.record("JournalNoteAdded", {
    noteId: client.newId(),
    text,
    writtenAt: "2025-10-01T23:05:00+02:00[Europe/Madrid]",
  });
}

/** A clock whose waits end only when the test says so (or the engine cuts them short). */
function manualClock() {
  const waits: { ms: number; done: () => void }[] = [];
  const clock: SyncClock = {
    now: () => t,
    random: () => 0.5,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => resolve();
        waits.push({ ms, done });
        signal.addEventListener("abort", done, { once: true });
      }),
  };
  const release = () => {
    for (const w of waits.splice(0)) w.done();
  };
  return { clock, waits, release };
}

/** Seals an arbitrary object the way a device seals an event, and appends it. */
async function appendRaw(vaultId: string, key: VaultKey, id: string, event: unknown) {
  const crypto = createVaultCrypto({ vaultId, keys: [key] });
  const sealed = crypto.seal({ ...(event as object), id } as never);
  const r = await createApi(server.transport).append(owner.session.token, vaultId, {
    events: [sealed],
  });
  expect(r.ok).toBe(true);
}

describe("backoff", () => {
  it("grows exponentially to a cap, with equal jitter, and never retries sooner than the server asks", () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        (attempt, random, retryAfter) => {
          const exponential = Math.min(60_000, 1_000 * 2 ** attempt);
          const delay = backoffDelay(attempt, random, {}, retryAfter);
          expect(delay).toBeGreaterThanOrEqual(Math.max(exponential / 2, (retryAfter ?? 0) * 1000));
          expect(delay).toBeLessThanOrEqual(Math.max(exponential, (retryAfter ?? 0) * 1000));
        },
      ),
    );
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 0.5))).toEqual([750, 1500, 3000, 6000]);
  });
});

describe("the sync engine", () => {
  it("says it is offline, retries with growing delays, and sends everything once it is back", async () => {
    const vault = await freshVault();
    const client = await journeyClient();
    await note(client, "Written with no signal.");
    const network = networkSwitch(server.transport);
    network.online = false;
    const { clock, waits, release } = manualClock();
    const engine = createSyncEngine({
      storage: client.sync,
      transport: network.transport,
      crypto: createVaultCrypto({ vaultId: vault.vaultId, keys: [vault.key] }),
      token: owner.session.token,
      clock,
      live: false,
    });
    engine.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(waits.length).toBe(1));
      expect(engine.status).toMatchObject({ phase: "offline", pending: 2 });
      delays.push(waits[0]!.ms);
      release();
    }
    expect(delays).toEqual([750, 1500, 3000, 6000]);

    network.online = true;
    await vi.waitFor(() => expect(waits.length).toBe(1));
    engine.nudge();
    await vi.waitFor(() => expect(engine.status).toMatchObject({ phase: "synced", pending: 0 }));
    expect(server.eventsOf(vault.vaultId)).toHaveLength(2);
    await engine.stop();
    expect(engine.status.phase).toBe("stopped");
  });

  it("holds an event from a newer Trellis aside (never applied, never dropped) and keeps it held", async () => {
    const vault = await freshVault();
    const client = await journeyClient();
    const engine = createSyncEngine({
      storage: client.sync,
      transport: server.transport,
      crypto: createVaultCrypto({ vaultId: vault.vaultId, keys: [vault.key] }),
      token: owner.session.token,
      live: false,
    });
    expect((await engine.sync()).ok).toBe(true);
    const id = client.newId();
    await appendRaw(vault.vaultId, vault.key, id, {
      hlc: "0199a0b0c0d0-00000000-bbbbbbbbbbbbbbbb",
      device: "bbbbbbbbbbbbbbbb",
      type: "SomethingFromTheFuture",
      schemaVersion: 1,
      payload: {},
    });
    const before = client.state.eventCount;
    for (let i = 0; i < 2; i++) {
      expect((await engine.sync()).ok).toBe(true);
      expect(await client.sync.held()).toMatchObject([{ id, reason: "needs-update" }]);
    }
    expect(engine.status.held).toBe(1);
    expect(client.state.eventCount).toBe(before);
  });

  it("holds events sealed with a key it lacks, and takes them in once the key arrives", async () => {
    const vault = await freshVault();
    const client = await journeyClient();
    const next = generateVaultKey(2);
    let granted: VaultKey[] = [];
    const engine = createSyncEngine({
      storage: client.sync,
      transport: server.transport,
      crypto: createVaultCrypto({
        vaultId: vault.vaultId,
        keys: [vault.key],
        fetchKeys: async () => ({ ok: true, value: granted }),
      }),
      token: owner.session.token,
      live: false,
    });
    const other = await journeyClient();
    const written = await note(other, "Written after a new key.");
    if (!written.ok) throw new Error(`refused: ${written.error.reason}`);
    const event = written.value;
    const sealed = createVaultCrypto({ vaultId: vault.vaultId, keys: [next] }).seal(event);
    const api = createApi(server.transport);
    expect((await api.append(owner.session.token, vault.vaultId, { events: [sealed] })).ok).toBe(
      true,
    );
    expect((await engine.sync()).ok).toBe(true);
    expect(await client.sync.held()).toMatchObject([{ id: event.id, reason: "unknown-epoch" }]);
    expect(await client.sync.getMeta(cursorKey(vault.vaultId))).toBeGreaterThan(0);

    granted = [next];
    expect((await engine.sync()).ok).toBe(true);
    expect(await client.sync.held()).toEqual([]);
    expect((await client.exportAll()).events.map((e) => (e as { id: string }).id)).toContain(
      event.id,
    );
  });

  it("moves the cursor only after what it pulled is stored", async () => {
    const vault = await freshVault();
    const writer = await journeyClient();
    const crypto = () => createVaultCrypto({ vaultId: vault.vaultId, keys: [vault.key] });
    await createSyncEngine({
      storage: writer.sync,
      transport: server.transport,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    }).sync();

    const reader = await openClient({ storage: memoryStorage(), now });
    let failOnce = true;
    const flaky: SyncStore = Object.create(reader.sync, {
      receive: {
        value: async (events: Parameters<SyncStore["receive"]>[0]) => {
          if (failOnce) {
            failOnce = false;
            throw new Error("QuotaExceededError");
          }
          return reader.sync.receive(events);
        },
      },
    });
    const engine = createSyncEngine({
      storage: flaky,
      transport: server.transport,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    });
    await expect(engine.sync()).rejects.toThrow("QuotaExceededError");
    expect(await reader.sync.getMeta(cursorKey(vault.vaultId))).toBeUndefined();
    expect((await engine.sync()).ok).toBe(true);
    expect(reader.state.journey).not.toBeNull();
  });

  it("pulls in binary, still understands a server that answers only in JSON, and refuses a garbled page", async () => {
    const vault = await freshVault();
    const writer = await journeyClient();
    await note(writer, "Bloated today; the scan is at 8.");
    const crypto = () => createVaultCrypto({ vaultId: vault.vaultId, keys: [vault.key] });
    await createSyncEngine({
      storage: writer.sync,
      transport: server.transport,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    }).sync();

    const asked: (string | undefined)[] = [];
    const answeredBinary: boolean[] = [];
    const spying: Transport = {
      stream: server.transport.stream,
      async request(request) {
        if (request.method === "GET" && request.path.includes("/events"))
          asked.push(request.accept);
        const response = await server.transport.request(request);
        if (request.path.includes("/events")) answeredBinary.push(response?.bytes !== undefined);
        return response;
      },
    };
    const binaryReader = await openClient({ storage: memoryStorage(), now });
    const viaBinary = createSyncEngine({
      storage: binaryReader.sync,
      transport: spying,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    });
    expect((await viaBinary.sync()).ok).toBe(true);
    expect(asked).toContain(EVENT_PAGE_CONTENT_TYPE);
    expect(answeredBinary).toContain(true);

    // An older server ignores the Accept header: the same journey arrives from JSON.
    const jsonOnly: Transport = {
      stream: server.transport.stream,
      request: ({ accept: _ignored, ...request }) => server.transport.request(request),
    };
    const jsonReader = await openClient({ storage: memoryStorage(), now });
    const viaJson = createSyncEngine({
      storage: jsonReader.sync,
      transport: jsonOnly,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    });
    expect((await viaJson.sync()).ok).toBe(true);
    expect([...jsonReader.state.notes.values()].map((n) => n.text)).toEqual(
      [...binaryReader.state.notes.values()].map((n) => n.text),
    );
    expect([...jsonReader.state.notes.values()].map((n) => n.text)).toContain(
      "Bloated today; the scan is at 8.",
    );

    // A page cut short in transit is a bad response: nothing taken in, the cursor stays.
    const cutting: Transport = {
      stream: server.transport.stream,
      async request(request) {
        const response = await server.transport.request(request);
        if (!response?.bytes) return response;
        return { ...response, bytes: response.bytes.subarray(0, response.bytes.length - 1) };
      },
    };
    const cutReader = await openClient({ storage: memoryStorage(), now });
    const viaCut = createSyncEngine({
      storage: cutReader.sync,
      transport: cutting,
      crypto: crypto(),
      token: owner.session.token,
      live: false,
    });
    const cut = await viaCut.sync();
    expect(cut).toMatchObject({ ok: false, error: { reason: "bad-response" } });
    expect(cutReader.state.journey).toBeNull();
    expect(await cutReader.sync.getMeta(cursorKey(vault.vaultId))).toBeUndefined();
  });

  it("wakes on the live stream when another device pushes", async () => {
    const vault = await freshVault();
    const a = await journeyClient();
    const b = await openClient({ storage: memoryStorage(), now });
    const make = (client: TrellisClient) =>
      createSyncEngine({
        storage: client.sync,
        transport: server.transport,
        crypto: createVaultCrypto({ vaultId: vault.vaultId, keys: [vault.key] }),
        token: owner.session.token,
        pollMs: 600_000,
      });
    const ea = make(a);
    const eb = make(b);
    ea.start();
    eb.start();
    await vi.waitFor(() => expect(b.state.journey).not.toBeNull());
    await note(a, "Seen at once on the other device.");
    await vi.waitFor(() => expect(b.state.notes.size).toBe(1), { timeout: 2_000 });
    await Promise.all([ea.stop(), eb.stop()]);
  });
});
