/**
 * Snapshots for new devices against the real server (apps/server, over
 * HTTP, PGlite): the owner's device seals a snapshot, and a new device of
 * the account opens from it and the entries after it (nothing before its
 * cursor can be pulled yet) to the owner's exact state, then pulls the
 * history and holds the whole log. Beside the fake-server tests in
 * packages/client/src/sync/snapshot/snapshot.test.ts.
 */
import { memoryStorage, openClient, type TrellisClient } from "@trellis/client";
import { fetchTransport, openAccountSync, type Transport } from "@trellis/client/sync";
import { encodeSnapshot } from "@trellis/domain";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openTestPglite } from "../apps/server/src/testing/databases.ts";
import { useHarness } from "../apps/server/src/testing/harness.ts";

/** Sealing, signing in and opening are real work: on a busy machine they take seconds. */
const WAIT = { timeout: 20_000, interval: 20 };
const EVERY = 12;
const PASSWORD = "a password that is long enough";
const closing: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

const same = (a: TrellisClient, b: TrellisClient) =>
  JSON.stringify(encodeSnapshot(a.state)) === JSON.stringify(encodeSnapshot(b.state));

async function deviceOn(transport: Transport) {
  const client = await openClient({ storage: memoryStorage() });
  const sync = await openAccountSync({
    client,
    connect: () => transport,
    backoff: { baseMs: 20, maxMs: 200 },
    snapshotEvery: EVERY,
  });
  closing.push(
    () => client.close(),
    () => sync.close(),
  );
  return { client, sync };
}

describe("snapshots on the real server", { timeout: 120_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);

  it("a new device opens from the owner's snapshot and the tail, then holds the whole log", async () => {
    const url = harness().url;
    const owner = await deviceOn(fetchTransport(url));
    await owner.client.record("JourneyCreated", {
      displayName: "Lea",
      dateOfBirth: "1987-09-14",
      homeZone: "Europe/Berlin",
      partnerName: "Jonas",
      createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
    });
    const note = (text: string) =>
      owner.client.record("JournalNoteAdded", {
        noteId: owner.client.newId(),
        text,
        writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
      });
    for (let i = 0; i < EVERY + 2; i++) await note(`note ${i}`);
    const username = `lea-${Date.now()}`;
    const made = await owner.sync.createAccount({
      serverUrl: url,
      username,
      password: PASSWORD,
      deviceName: "Lea's phone",
      recovery: owner.sync.newRecoveryKey(),
    });
    expect(made.ok).toBe(true);
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    await vi.waitFor(
      async () => expect(await owner.client.sync.getMeta(`snapshot-since:${vaultId}`)).toBe(0),
      WAIT,
    );
    // What the owner had pulled when it sealed: at or after the snapshot's cursor.
    const sealedAt = (await owner.client.sync.getMeta<number>(`sync-cursor:${vaultId}`)) ?? 0;
    for (let i = 0; i < 3; i++) await note(`after ${i}`);
    await vi.waitFor(() => expect(owner.client.sync.pendingCount).toBe(0), WAIT);

    // Pulls from the start get no answer while `hold` is on.
    const plain = fetchTransport(url);
    let hold = true;
    const seen: string[] = [];
    const holding: Transport = {
      async request(request) {
        const after = /\/events\?after=(\d+)/.exec(request.path);
        if (/\/events\?(after|before)=/.test(request.path)) seen.push(request.path);
        if (hold && after && Number(after[1]) <= sealedAt) return null;
        return plain.request(request);
      },
      stream: (r) => plain.stream(r),
    };
    const laptop = await deviceOn(holding);
    const signedIn = await laptop.sync.signIn({
      serverUrl: url,
      username,
      password: PASSWORD,
      deviceName: "Lea's laptop",
    });
    expect(signedIn.ok).toBe(true);
    await vi.waitFor(
      () => expect(laptop.client.state.eventCount).toBe(owner.client.state.eventCount),
      WAIT,
    );
    expect(laptop.client.sync.wholeRecord).toBe(false);
    expect(same(laptop.client, owner.client)).toBe(true);
    expect(seen.some((p) => p.includes("/events?before="))).toBe(true);

    hold = false;
    laptop.sync.nudge();
    await vi.waitFor(() => expect(laptop.client.sync.wholeRecord).toBe(true), WAIT);
    expect(same(laptop.client, owner.client)).toBe(true);
    expect((await laptop.client.exportAll()).events).toHaveLength(owner.client.state.eventCount);
  });
});
