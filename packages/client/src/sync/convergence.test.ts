/**
 * The promise sync makes, checked as a property: three devices edit offline
 * (the same fields too), sync through the fake server in any order over a
 * network that loses requests, loses answers and delivers twice, and in the
 * end all three hold the same events (every one recorded anywhere, none
 * twice) and fold to the same state.
 */
import { generateRecoveryKey, ready } from "@trellis/crypto";
import { fold, type JourneyState, type TrellisEvent } from "@trellis/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openClient, type TrellisClient } from "../client.ts";
import { memoryStorage } from "../storage.ts";
import { register, type SignedIn, signIn } from "./account.ts";
import { createApi } from "./api.ts";
import { createSyncEngine, type SyncClock, type SyncEngine } from "./engine.ts";
import { createFakeServer, type FakeServer, flakyNetwork, networkSwitch } from "./fake-server.ts";
import { createVault } from "./sharing.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const ZONE = "Europe/Lisbon";
const texts = [
  "Mixed the Menopur at 8:40.",
  "Sam did the Gonal-f tonight.",
  "Scan moved to Thursday.",
  "E2 came back at 1,450.",
  "Felt bloated after dinner.",
];
const names = ["Sam", "Alex", "Jo", "Rui"];

type Step =
  | { kind: "partner"; device: number; name: string }
  | { kind: "display"; device: number; name: string }
  | { kind: "note"; device: number; text: string }
  | { kind: "correct"; device: number; pick: number; text: string }
  | { kind: "delete"; device: number; pick: number }
  | { kind: "restore"; device: number; pick: number }
  | { kind: "sync"; device: number }
  | { kind: "network"; device: number; online: boolean }
  | { kind: "tick"; ms: number };

const device = fc.nat(2);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("partner"), device, name: fc.constantFrom(...names) }),
  fc.record({ kind: fc.constant("display"), device, name: fc.constantFrom(...names) }),
  fc.record({ kind: fc.constant("note"), device, text: fc.constantFrom(...texts) }),
  fc.record({
    kind: fc.constant("correct"),
    device,
    pick: fc.nat(),
    text: fc.constantFrom(...texts),
  }),
  fc.record({ kind: fc.constant("delete"), device, pick: fc.nat() }),
  fc.record({ kind: fc.constant("restore"), device, pick: fc.nat() }),
  fc.record({ kind: fc.constant("sync"), device }),
  fc.record({ kind: fc.constant("sync"), device }),
  fc.record({ kind: fc.constant("network"), device, online: fc.boolean() }),
  fc.record({ kind: fc.constant("tick"), ms: fc.integer({ min: 0, max: 90_000 }) }),
);

/** Maps as sorted entries, so two states compare by content, not by insertion order. */
function canonical(state: JourneyState): string {
  return JSON.stringify(state, (_key, value) =>
    // The state's collections are `LayeredMap`s, which read as Maps (`toStringTag`).
    Object.prototype.toString.call(value) === "[object Map]"
      ? [...(value as ReadonlyMap<unknown, unknown>).entries()].sort(([a], [b]) =>
          String(a) < String(b) ? -1 : 1,
        )
      : value,
  );
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const noWait: SyncClock = { now: () => 0, sleep: async () => {}, random: () => 0.5 };

let server: FakeServer;
let owner: SignedIn;
const tokens: string[] = [];

beforeAll(async () => {
  await ready();
  server = await createFakeServer();
  const api = createApi(server.transport);
  const made = await register(api, {
    username: "maya",
    password: "correct horse battery staple",
    deviceName: "Maya's phone",
    recovery: generateRecoveryKey(),
  });
  if (!made.ok) throw new Error(made.error.reason);
  owner = made.value;
  tokens.push(owner.session.token);
  for (const name of ["Maya's laptop", "Sam's phone"]) {
    const other = await signIn(api, {
      username: "maya",
      password: "correct horse battery staple",
      deviceName: name,
    });
    if (!other.ok) throw new Error(other.error.reason);
    tokens.push(other.value.session.token);
  }
});

interface Device {
  client: TrellisClient;
  engine: SyncEngine;
  network: { online: boolean };
}

describe("convergence", () => {
  it("three devices editing offline, syncing in any order over a lossy network, end with the same events and the same state", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 4, maxLength: 40 }),
        fc.integer(),
        async (steps, seed) => {
          const api = createApi(server.transport);
          const vault = await createVault(api, tokens[0]!, owner.identity);
          if (!vault.ok) throw new Error(vault.error.reason);
          const random = seeded(seed);
          const faults = { dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.1, repeatEvents: 0.3 };
          let time = Date.UTC(2025, 2, 3, 20, 0);
          const skews = [0, 1_500, -2_000];
          const recorded = new Map<string, TrellisEvent>();

          const devices: Device[] = [];
          for (const [i, token] of tokens.entries()) {
            const client = await openClient({
              storage: memoryStorage(),
              now: () => time + skews[i]!,
            });
            const network = networkSwitch(flakyNetwork(server.transport, faults, random));
            const engine = createSyncEngine({
              storage: client.sync,
              transport: network.transport,
              crypto: createVaultCrypto({ vaultId: vault.value.vaultId, keys: [vault.value.key] }),
              token,
              clock: noWait,
              live: false,
              pushBatch: 3,
              pullLimit: 4,
            });
            devices.push({ client, engine, network });
          }
          const keep = (r: { ok: boolean; value?: unknown }) => {
            if (r.ok) {
              const e = r.value as TrellisEvent;
              recorded.set(e.id, e);
            }
          };
          const syncUntilDone = async (d: Device) => {
            for (let i = 0; i < 50; i++) if ((await d.engine.sync()).ok) return;
            throw new Error("sync never succeeded");
          };

          // One device starts the journey; the others join it before going their own way.
          keep(
            await devices[0]!.client.record("JourneyCreated", {
              dateOfBirth: "1988-06-02",
              homeZone: ZONE,
              createdAt: "2025-03-03T20:00:00+00:00[Europe/Lisbon]",
            }),
          );
          for (const d of devices) await syncUntilDone(d);

          for (const s of steps) {
            if (s.kind === "tick") {
              time += s.ms;
              continue;
            }
            const d = devices[s.device]!;
            const notes = [...d.client.state.notes.keys()].sort();
            const noteAt = (pick: number) => notes[pick % Math.max(1, notes.length)];
            switch (s.kind) {
              case "partner":
                keep(await d.client.record("JourneyUpdated", { partnerName: s.name }));
                break;
              case "display":
                keep(await d.client.record("JourneyUpdated", { displayName: s.name }));
                break;
              case "note":
                keep(
                  await d.client.record("JournalNoteAdded", {
                    noteId: d.client.newId(),
                    text: s.text,
                    writtenAt: "2025-03-03T21:00:00+00:00[Europe/Lisbon]",
                  }),
                );
                break;
              case "correct": {
                const noteId = noteAt(s.pick);
                if (noteId)
                  keep(await d.client.record("JournalNoteCorrected", { noteId, text: s.text }));
                break;
              }
              case "delete": {
                const noteId = noteAt(s.pick);
                if (noteId) keep(await d.client.record("JournalNoteRetracted", { noteId }));
                break;
              }
              case "restore": {
                const noteId = noteAt(s.pick);
                if (noteId) keep(await d.client.record("JournalNoteRestored", { noteId }));
                break;
              }
              case "sync":
                await d.engine.sync();
                break;
              case "network":
                d.network.online = s.online;
                break;
            }
            time += 1_000;
          }

          // Landing: every device back online on a quiet network, each syncs twice around.
          Object.assign(faults, { dropRequest: 0, dropResponse: 0, duplicate: 0, repeatEvents: 0 });
          for (const d of devices) d.network.online = true;
          for (let round = 0; round < 2; round++) for (const d of devices) await syncUntilDone(d);

          const all = [...recorded.keys()].sort();
          const expected = canonical(fold([...recorded.values()]));
          for (const d of devices) {
            const ids = (await d.client.exportAll()).events.map((e) => (e as TrellisEvent).id);
            expect(ids.length).toBe(new Set(ids).size);
            expect([...ids].sort()).toEqual(all);
            expect(d.client.sync.pendingCount).toBe(0);
            expect(await d.client.sync.held()).toEqual([]);
            expect(canonical(d.client.state)).toBe(expected);
          }
          expect(server.eventsOf(vault.value.vaultId).length).toBe(all.length);
          for (const d of devices) d.client.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);
});
