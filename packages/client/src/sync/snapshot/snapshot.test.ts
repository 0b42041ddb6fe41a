/**
 * Snapshots for new devices (issue 15), against the fake server: a new
 * device opens from the newest snapshot and the entries after it, to exactly
 * the state of folding every entry, and then pulls the history in the
 * background; a snapshot that does not verify (a viewer's, an unsigned one,
 * a changed body) is never used, one the server replays later in the log is
 * used with its own cursor, and one that does not match the full fold gives
 * way to it.
 */
import { RootKey, VaultKey } from "@trellis/crypto";
import { encodeSnapshot, fold, type JourneyState } from "@trellis/domain";
import { describe, expect, it, vi } from "vitest";
import { newEventId } from "../../ids.ts";
import { sameState } from "../../snapshot/base.ts";
import { packJson } from "../../snapshot/pack.ts";
import { fromBase64, toBase64 } from "../base64.ts";
import { deviceSigner } from "../device-signer.ts";
import { ACCOUNT_KEY, type StoredAccount, type StoredVault, VAULT_KEY } from "../stored.ts";
import {
  note,
  syncDevices,
  TEST_PASSWORD,
  TEST_SERVER,
  type TestDevice,
  texts,
} from "../test-devices.ts";
import type { Transport } from "../transport.ts";
import { createVaultCrypto, type VaultCrypto } from "../vault-crypto.ts";
import { isSnapshotEntry, snapshotEntries } from "./entries.ts";
import { sinceSnapshotKey } from "./seal.ts";

/** Sealing, signing in and opening are real work: on a busy machine they take seconds. */
const WAIT = { timeout: 20_000, interval: 20 };
const EVERY = 12;
const devices = syncDevices();
const { device, account } = devices;
const opts = { snapshotEvery: EVERY };

/**
 * The fake server, except that while `holdFrom` is set, pulls after a seq
 * below it get no answer: a device can then only have opened from a
 * snapshot and the entries after it (read from the end), never from the start.
 */
function holdingServer() {
  const state = { holdBelow: null as number | null, pulls: [] as string[] };
  const transport: Transport = {
    async request(request) {
      const after = /\/events\?after=(\d+)/.exec(request.path);
      if (request.method === "GET" && (after || request.path.includes("/events?before="))) {
        state.pulls.push(request.path.replace(/^.*\/events\?/, ""));
      }
      if (after && state.holdBelow !== null && Number(after[1]) < state.holdBelow) return null;
      return devices.server.transport.request(request);
    },
    stream: (r) => devices.server.transport.stream(r),
  };
  return { transport, state };
}

async function vaultOf(d: TestDevice) {
  return (await d.client.sync.getMeta<StoredVault>(VAULT_KEY))!;
}

/** The owner's own sealing: a `VaultCrypto` with its keys and, unless `unsigned`, its device's signer. */
async function cryptoOf(d: TestDevice, options: { unsigned?: boolean } = {}): Promise<VaultCrypto> {
  const account = (await d.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
  const vault = await vaultOf(d);
  const root = RootKey.decode(account.rootKey);
  if (!root.ok) throw new Error("no root");
  const keys = vault.keys.flatMap((k) => {
    const decoded = VaultKey.decode(k);
    return decoded.ok ? [decoded.value] : [];
  });
  return createVaultCrypto({
    vaultId: vault.vaultId,
    keys,
    ...(!options.unsigned && { signer: deviceSigner(root.value, d.client.device) }),
  });
}

/** The newest seq on the server for `d`'s vault. */
async function top(d: TestDevice): Promise<number> {
  const events = devices.server.eventsOf((await vaultOf(d)).vaultId);
  return events[events.length - 1]!.seq;
}

/** An owner whose device has sealed at least one snapshot, with `tail` notes written after the newest. */
async function ownerWithSnapshot(notes: number, tail: number) {
  const owner = await device(undefined, undefined, opts);
  const r = await owner.client.record("JourneyCreated", {
    displayName: "Lea",
    dateOfBirth: "1987-09-14",
    homeZone: "Europe/Berlin",
    partnerName: "Jonas",
    createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
  });
  expect(r.ok).toBe(true);
  // Written before the account: the first round sends and takes in all of them, then seals.
  for (let i = 0; i < notes; i++) await note(owner.client, `note ${i}`);
  const username = await account(owner, "lea");
  const vaultId = (await vaultOf(owner)).vaultId;
  // Sealed after a round that took in EVERY entries: the count starts again.
  await vi.waitFor(async () => {
    expect(owner.client.sync.pendingCount).toBe(0);
    expect(await owner.client.sync.getMeta(sinceSnapshotKey(vaultId))).toBe(0);
  }, WAIT);
  const sealedUpTo = await top(owner);
  for (let i = 0; i < tail; i++) await note(owner.client, `after ${i}`);
  await vi.waitFor(() => expect(owner.client.sync.pendingCount).toBe(0), WAIT);
  return { owner, username, vaultId, sealedUpTo };
}

async function signInNew(username: string, transport: Transport): Promise<TestDevice> {
  const d = await device(transport, undefined, opts);
  const signedIn = await d.sync.signIn({
    serverUrl: TEST_SERVER,
    username,
    password: TEST_PASSWORD,
    deviceName: "Lea's laptop",
  });
  expect(signedIn.ok).toBe(true);
  return d;
}

/** Appends a forged snapshot of `state` (cursor `cursor`) sealed by `crypto`, parts then head. */
async function injectSnapshot(
  vaultId: string,
  crypto: VaultCrypto,
  state: JourneyState,
  cursor: number,
  change?: (body: Uint8Array) => void,
) {
  const packed = await packJson(encodeSnapshot(state));
  const { head, parts } = snapshotEntries(
    packed,
    { cursor, eventCount: state.eventCount, lastHlc: state.lastHlc },
    () => newEventId(devices.clock.ms),
  );
  for (const entry of [...parts, head]) {
    const sealed = crypto.sealEntry(entry.id, entry.value);
    const bytes = fromBase64(sealed.body)!;
    change?.(bytes);
    devices.server.inject(vaultId, { id: sealed.id, body: toBase64(bytes) });
  }
}

describe("a new device opens from the newest snapshot", () => {
  it("folds only the tail after the snapshot to exactly the state of every entry, then pulls the history", async () => {
    const { owner, username, sealedUpTo } = await ownerWithSnapshot(EVERY + 3, 4);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const server = holdingServer();
    server.state.holdBelow = sealedUpTo;
    const laptop = await signInNew(username, server.transport);
    await vi.waitFor(() => expect(texts(laptop.client)).toContain("after 3"), WAIT);
    // Nothing before the snapshot's cursor could be pulled: the screens run on the snapshot.
    expect(laptop.client.sync.wholeRecord).toBe(false);
    expect(sameState(laptop.client.state, owner.client.state)).toBe(true);
    expect(server.state.pulls.some((p) => p.startsWith("before="))).toBe(true);

    server.state.holdBelow = null;
    laptop.sync.nudge();
    await vi.waitFor(() => expect(laptop.client.sync.wholeRecord).toBe(true), WAIT);
    expect(sameState(laptop.client.state, owner.client.state)).toBe(true);
    expect(sameState(laptop.client.state, fold(await all(owner)))).toBe(true);
    // The whole log is stored, for export and history; snapshot entries are not events.
    expect((await laptop.client.exportAll()).events).toHaveLength(owner.client.state.eventCount);
    expect(info).not.toHaveBeenCalled();
    info.mockRestore();
  });

  it("a device reloaded before the history arrived opens from the kept snapshot", async () => {
    const { owner, username, sealedUpTo } = await ownerWithSnapshot(EVERY + 1, 2);
    const server = holdingServer();
    server.state.holdBelow = sealedUpTo;
    const laptop = await signInNew(username, server.transport);
    await vi.waitFor(() => expect(texts(laptop.client)).toContain("after 1"), WAIT);
    await devices.closeSync(laptop);
    laptop.client.close();
    const again = await device(server.transport, laptop.storage, opts);
    expect(again.client.sync.wholeRecord).toBe(false);
    expect(sameState(again.client.state, owner.client.state)).toBe(true);
    server.state.holdBelow = null;
    again.sync.nudge();
    await vi.waitFor(() => expect(again.client.sync.wholeRecord).toBe(true), WAIT);
    expect(sameState(again.client.state, owner.client.state)).toBe(true);
  });
});

async function all(d: TestDevice) {
  return (await d.client.exportAll()).events as Parameters<typeof fold>[0];
}

describe("a snapshot that does not verify is ignored: the device folds from scratch", () => {
  const forged: [string, (owner: TestDevice, viewer: TestDevice | null) => Promise<VaultCrypto>][] =
    [
      ["signed by nobody", (owner) => cryptoOf(owner, { unsigned: true })],
      ["signed by a viewer", async (_owner, viewer) => cryptoOf(viewer!)],
    ];

  async function withViewer(owner: TestDevice) {
    const invite = await owner.sync.createInvite("viewer", TEST_SERVER);
    if (!invite.ok) throw new Error(invite.error.reason);
    const viewer = await device();
    await account(viewer, "grandma");
    const accepted = await viewer.sync.acceptInvite(new URL(invite.value.link).hash);
    if (!accepted.ok) throw new Error(accepted.error.reason);
    const members = await owner.sync.members();
    const pending = members.ok ? members.value.find((m) => m.status === "pending")! : null;
    expect(owner.sync.safetyCodeWith(pending!).ok).toBe(true);
    expect((await owner.sync.confirmMember(pending!.accountId)).ok).toBe(true);
    await vi.waitFor(() => expect(viewer.client.state.journey?.displayName).toBe("Lea"), WAIT);
    return viewer;
  }

  for (const [what, sealer] of forged) {
    it(`a snapshot ${what}`, async () => {
      // Too few entries for the owner to seal one: the only snapshot is the forged one.
      const { owner, username, vaultId } = await ownerWithoutSnapshot(3);
      const viewer = what.includes("viewer") ? await withViewer(owner) : null;
      const planted = fold([]);
      await injectSnapshot(vaultId, await sealer(owner, viewer), planted, await top(owner));
      await expectFromScratch(owner, username);
    });
  }

  it("a snapshot whose sealed body was changed", async () => {
    const { owner, username, vaultId } = await ownerWithoutSnapshot(3);
    await injectSnapshot(
      vaultId,
      await cryptoOf(owner),
      owner.client.state,
      await top(owner),
      (b) => {
        b[b.length - 20]! ^= 1;
      },
    );
    await expectFromScratch(owner, username);
  });

  it("a snapshot the server replays later in the log is used with its own, older cursor", async () => {
    const { owner, username, vaultId, sealedUpTo } = await ownerWithSnapshot(EVERY + 2, 0);
    // The server copies the owner's snapshot entries to the end, after newer entries.
    const crypto = await cryptoOf(owner);
    const snapshotEntriesOnServer = devices.server
      .eventsOf(vaultId)
      .filter((e) => {
        const opened = crypto.open(e.id, fromBase64(e.body)!);
        return opened.ok && isSnapshotEntry(opened.value.value);
      })
      .map((e) => ({ id: e.id, body: e.body }));
    expect(snapshotEntriesOnServer.length).toBeGreaterThan(1);
    for (let i = 0; i < 3; i++) await note(owner.client, `later ${i}`);
    await vi.waitFor(() => expect(owner.client.sync.pendingCount).toBe(0), WAIT);
    for (const e of snapshotEntriesOnServer) devices.server.inject(vaultId, e);
    const server = holdingServer();
    server.state.holdBelow = sealedUpTo;
    const laptop = await signInNew(username, server.transport);
    await vi.waitFor(() => expect(texts(laptop.client)).toContain("later 2"), WAIT);
    expect(laptop.client.sync.wholeRecord).toBe(false);
    expect(sameState(laptop.client.state, owner.client.state)).toBe(true);
  });

  it("a writer's snapshot that does not match the full fold gives way to it once the history is in", async () => {
    const { owner, username, vaultId } = await ownerWithoutSnapshot(3);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    // Signed by the owner's device, but the state leaves out the last note.
    const events = await all(owner);
    const wrong = fold(events.slice(0, -1));
    const cursor = await top(owner);
    await injectSnapshot(vaultId, await cryptoOf(owner), wrong, cursor);
    const laptop = await signInNew(username, devices.server.transport);
    await vi.waitFor(() => expect(info).toHaveBeenCalledTimes(1), WAIT);
    expect(laptop.client.sync.wholeRecord).toBe(true);
    expect(sameState(laptop.client.state, owner.client.state)).toBe(true);
    info.mockRestore();
  });
});

async function ownerWithoutSnapshot(notes: number) {
  const owner = await device(undefined, undefined, opts);
  const r = await owner.client.record("JourneyCreated", {
    displayName: "Lea",
    dateOfBirth: "1987-09-14",
    homeZone: "Europe/Berlin",
    partnerName: "Jonas",
    createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
  });
  expect(r.ok).toBe(true);
  const username = await account(owner, "lea");
  for (let i = 0; i < notes; i++) await note(owner.client, `note ${i}`);
  await vi.waitFor(() => expect(owner.client.sync.pendingCount).toBe(0), WAIT);
  return { owner, username, vaultId: (await vaultOf(owner)).vaultId };
}

/** The new device never used the snapshot: with pulls from the start held, it has nothing; then everything. */
async function expectFromScratch(owner: TestDevice, username: string) {
  const server = holdingServer();
  server.state.holdBelow = Number.MAX_SAFE_INTEGER;
  const laptop = await signInNew(username, server.transport);
  await vi.waitFor(
    () => expect(server.state.pulls.some((p) => p.startsWith("after=0"))).toBe(true),
    WAIT,
  );
  expect(laptop.client.sync.wholeRecord).toBe(true);
  expect(laptop.client.state.eventCount).toBe(0);
  server.state.holdBelow = null;
  laptop.sync.nudge();
  await vi.waitFor(
    () => expect(sameState(laptop.client.state, owner.client.state)).toBe(true),
    WAIT,
  );
  expect(laptop.client.sync.wholeRecord).toBe(true);
}
