/**
 * Records from before entries were signed (issue 12): a vault whose entries
 * the old client sealed without a signature, and whose partner was confirmed
 * before the membership log existed. After the upgrade the owner's device
 * signs a legacy cutoff into the log; every device applies the old entries
 * up to it, an unsigned entry the server slips in later is still held, and
 * the partner is offered "compare again", after which rotation works.
 */
import { Ed25519PublicKey, VaultKey } from "@trellis/crypto";
import { formatHlc } from "@trellis/domain";
import { describe, expect, it, vi } from "vitest";
import type { TrellisClient } from "../client.ts";
import { type EventStorage, memoryStorage } from "../storage.ts";
import { createApi } from "./api.ts";
import { createSyncEngine } from "./engine.ts";
import {
  applyChange,
  emptyMembership,
  fetchMembership,
  type MembershipChange,
} from "./membership.ts";
import { ACCOUNT_KEY, type StoredAccount, type StoredVault, VAULT_KEY } from "./stored.ts";
import {
  note,
  syncDevices,
  TEST_PASSWORD,
  TEST_SERVER,
  type TestDevice,
  texts,
} from "./test-devices.ts";
import type { Transport } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const SERVER = TEST_SERVER;
const PASSWORD = TEST_PASSWORD;
const devices = syncDevices();
const { clock, closeSync, account } = devices;

/**
 * The server as it was before the membership log: the log reads empty and
 * nothing written to it is kept (so a partner confirmed now is not pinned).
 */
const era = { old: true };
const eraTransport: Transport = {
  async request(request) {
    if (era.old && request.path.endsWith("/log")) {
      return request.method === "GET"
        ? { status: 200, body: { entries: [] } }
        : { status: 204, body: undefined };
    }
    return devices.server.transport.request(request);
  },
  stream: (r) => devices.server.transport.stream(r),
};

/**
 * A device's storage as the client before the log kept it: while the old era
 * lasts, no note of the longest log read (there was no log to read). Without
 * this, the log this test's client appends to and the old server drops would
 * be, rightly, a log that went back.
 */
function storageOfTheEra(): EventStorage {
  const inner = memoryStorage();
  return {
    ...inner,
    setMeta: (key, value) =>
      era.old && key.startsWith("sync-log-seen:") ? Promise.resolve() : inner.setMeta(key, value),
  };
}

/** Account sync for `client` through the server of either era. */
const openSync = (client: TrellisClient) => devices.openSync(client, eraTransport);
const device = () => devices.device(eraTransport, storageOfTheEra());
type Device = TestDevice;

async function signIn(username: string) {
  const d = await device();
  const r = await d.sync.signIn({
    serverUrl: SERVER,
    username,
    password: PASSWORD,
    deviceName: "a new phone",
  });
  expect(r).toEqual({ ok: true, value: undefined });
  return d;
}

const heldReasons = async (d: Device) => (await d.client.sync.held()).map((h) => h.reason);

async function stored(client: TrellisClient) {
  const a = (await client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
  const v = (await client.sync.getMeta<StoredVault>(VAULT_KEY))!;
  const keys = v.keys.flatMap((k) => {
    const d = VaultKey.decode(k);
    return d.ok ? [d.value] : [];
  });
  return { account: a, vault: v, keys };
}

/** One round as the client before issue 12 ran it: entries sealed unsigned, every entry applied. */
async function oldClientRound(client: TrellisClient) {
  const { account: a, vault, keys } = await stored(client);
  const engine = createSyncEngine({
    storage: client.sync,
    transport: devices.server.transport,
    crypto: createVaultCrypto({ vaultId: vault.vaultId, keys }),
    token: a.token,
    live: false,
  });
  expect(await engine.sync()).toEqual({ ok: true, value: undefined });
}

/** An unsigned entry sealed with the vault key, stored by the server as is. */
async function injectUnsigned(client: TrellisClient, text: string) {
  const { vault, keys } = await stored(client);
  const crypto = createVaultCrypto({ vaultId: vault.vaultId, keys });
  const event = {
    id: client.newId(),
    hlc: formatHlc({ wallMs: clock.ms, counter: 0, node: client.device }),
    device: client.device,
    type: "JournalNoteAdded",
    schemaVersion: 1,
    payload: {
      noteId: client.newId(),
      text,
      writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
    },
  };
  devices.server.inject(vault.vaultId, crypto.seal(event as never));
}

/** The log as the server holds it, checked against the owner's key. */
async function serverLog(client: TrellisClient) {
  const { account: a, vault } = await stored(client);
  const owner = Ed25519PublicKey.decode(vault.ownerSigningKey);
  if (!owner.ok) throw new Error("owner key");
  const m = await fetchMembership(
    createApi(devices.server.transport),
    a.token,
    vault.vaultId,
    owner.value,
  );
  if (!m.ok) throw new Error(m.error.reason);
  return m.value;
}

/** Before the upgrade: Lea's record and Jonas (confirmed, never pinned), both writing unsigned. */
async function legacyVault() {
  era.old = true;
  const owner = await device();
  expect(
    (
      await owner.client.record("JourneyCreated", {
        displayName: "Lea",
        dateOfBirth: "1987-09-14",
        homeZone: "Europe/Berlin",
        partnerName: "Jonas",
        createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
      })
    ).ok,
  ).toBe(true);
  const username = await account(owner, "lea");
  await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));
  const invite = await owner.sync.createInvite("partner", SERVER);
  if (!invite.ok) throw new Error(invite.error.reason);
  const partner = await device();
  const partnerName = await account(partner, "jonas");
  expect((await partner.sync.acceptInvite(new URL(invite.value.link).hash)).ok).toBe(true);
  const members = await owner.sync.members();
  const pending = members.ok ? members.value.find((m) => m.status === "pending")! : null;
  expect(owner.sync.safetyCodeWith(pending!).ok).toBe(true);
  expect(await owner.sync.confirmMember(pending!.accountId)).toEqual({
    ok: true,
    value: undefined,
  });
  await vi.waitFor(() => expect(partner.sync.snapshot.vault?.state).toBe("active"));
  await closeSync(owner);
  await closeSync(partner);

  // Months of the old client: unsigned entries from both of them.
  await note(owner.client, "old: Lea's first");
  await oldClientRound(owner.client);
  await note(partner.client, "old: Jonas's first");
  await oldClientRound(partner.client);
  await note(owner.client, "old: Lea's second");
  await oldClientRound(owner.client);
  await oldClientRound(partner.client);
  const legacy = ["old: Lea's first", "old: Jonas's first", "old: Lea's second"];
  expect(texts(owner.client)).toEqual(expect.arrayContaining(legacy));
  const vaultId = (await stored(owner.client)).vault.vaultId;
  const head = Math.max(...devices.server.eventsOf(vaultId).map((e) => e.seq));
  expect(devices.server.eventsOf(vaultId).length).toBeGreaterThanOrEqual(4);
  return {
    owner,
    partner,
    username,
    partnerName,
    partnerId: pending!.accountId,
    legacy,
    head,
  };
}

/** The new app opens on the same device: the server has the log now. */
async function upgrade(d: Device): Promise<Device> {
  era.old = false;
  return { ...d, sync: await openSync(d.client) };
}

describe("records from before entries were signed", () => {
  it("the owner's device signs the cutoff; her new device and her partner's apply all the old entries", async () => {
    const v = await legacyVault();
    const owner = await upgrade(v.owner);
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));
    const log = await serverLog(owner.client);
    expect(log.legacyUpToSeq).toBe(v.head);
    expect(await heldReasons(owner)).toEqual([]);

    const lea2 = await signIn(v.username);
    await vi.waitFor(() => expect(texts(lea2.client)).toEqual(expect.arrayContaining(v.legacy)));
    expect(lea2.client.state.journey?.displayName).toBe("Lea");
    expect(await heldReasons(lea2)).toEqual([]);

    const jonas2 = await signIn(v.partnerName);
    expect(jonas2.sync.snapshot.vault?.state).toBe("verify");
    const members = await jonas2.sync.members();
    const ownerView = members.ok ? members.value.find((m) => m.role === "owner")! : null;
    expect(jonas2.sync.safetyCodeWith(ownerView!).ok).toBe(true);
    expect((await jonas2.sync.verifyOwner()).ok).toBe(true);
    await vi.waitFor(() => expect(texts(jonas2.client)).toEqual(expect.arrayContaining(v.legacy)));
    expect(jonas2.client.state.journey?.displayName).toBe("Lea");
    expect(await heldReasons(jonas2)).toEqual([]);
  });

  it("an unsigned entry the server injects after the cutoff is held as unsigned", async () => {
    const v = await legacyVault();
    const owner = await upgrade(v.owner);
    await vi.waitFor(async () =>
      expect((await serverLog(owner.client)).legacyUpToSeq).toBe(v.head),
    );
    await injectUnsigned(v.partner.client, "slipped in later");
    owner.sync.nudge();
    await vi.waitFor(async () => expect(await heldReasons(owner)).toEqual(["unsigned"]));
    expect(texts(owner.client)).not.toContain("slipped in later");
    // A new device of hers holds it too, and takes every old entry in.
    const lea2 = await signIn(v.username);
    await vi.waitFor(async () => expect(await heldReasons(lea2)).toEqual(["unsigned"]));
    await vi.waitFor(() => expect(texts(lea2.client)).toEqual(expect.arrayContaining(v.legacy)));
    expect(texts(lea2.client)).not.toContain("slipped in later");
  });

  it("a partner confirmed before the log is offered 'compare again'; once confirmed, rotation works", async () => {
    const v = await legacyVault();
    const owner = await upgrade(v.owner);
    const partner = await upgrade(v.partner);
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));

    const before = await owner.sync.members();
    if (!before.ok) throw new Error(before.error.reason);
    const jonas = before.value.find((m) => m.accountId === v.partnerId)!;
    expect(jonas).toMatchObject({ status: "active", needsCompare: true });
    expect(before.value.find((m) => m.isMe)?.needsCompare).toBeUndefined();

    // His signed entries wait for him to be pinned; his old ones are in already.
    await note(partner.client, "new: Jonas, signed");
    await vi.waitFor(async () => expect(await heldReasons(owner)).toEqual(["unknown-signer"]));
    expect(texts(owner.client)).toContain("old: Jonas's first");

    // A viewer joins the new way; removing her needs a rotation, which stops at Jonas.
    const invite = await owner.sync.createInvite("viewer", SERVER);
    if (!invite.ok) throw new Error(invite.error.reason);
    const viewer = await device();
    await account(viewer, "grandma");
    expect((await viewer.sync.acceptInvite(new URL(invite.value.link).hash)).ok).toBe(true);
    const withViewer = await owner.sync.members();
    const pending = withViewer.ok ? withViewer.value.find((m) => m.status === "pending")! : null;
    expect(owner.sync.safetyCodeWith(pending!).ok).toBe(true);
    expect((await owner.sync.confirmMember(pending!.accountId)).ok).toBe(true);
    expect(await owner.sync.removeMember(pending!.accountId)).toEqual({
      ok: false,
      error: {
        reason: "member-not-verified",
        field: "member",
        params: { accountId: v.partnerId, role: "partner" },
      },
    });

    // Compare again, confirm: he is pinned, his entry applies, the rotation finishes.
    expect(owner.sync.safetyCodeWith(jonas).ok).toBe(true);
    expect(await owner.sync.confirmMember(v.partnerId)).toEqual({ ok: true, value: undefined });
    const after = await owner.sync.members();
    expect(after.ok && after.value.some((m) => m.needsCompare)).toBe(false);
    owner.sync.nudge();
    await vi.waitFor(async () => {
      const { vault, keys } = await stored(owner.client);
      expect(vault.rotationDue).toBeFalsy();
      expect(keys.map((k) => k.epoch).sort()).toEqual([1, 2]);
    });
    await vi.waitFor(() => expect(texts(owner.client)).toContain("new: Jonas, signed"));
    expect(await heldReasons(owner)).toEqual([]);
    // Sealed with the new key, which reached Jonas's device.
    await note(owner.client, "new: Lea, epoch 2");
    partner.sync.nudge();
    await vi.waitFor(() => expect(texts(partner.client)).toContain("new: Lea, epoch 2"));
    expect((await stored(partner.client)).keys.map((k) => k.epoch).sort()).toEqual([1, 2]);
  });
});

describe("the legacy cutoff in the log", () => {
  const create = { kind: "create", accountId: "lea", signingKey: "s", boxKey: "b" } as const;
  const begun = (change: MembershipChange) => ({
    ...applyChange(emptyMembership, change)!,
    length: 1,
  });

  it("is set by create, or once by a legacy entry in a log begun without one, and never moves", () => {
    expect(begun({ ...create, legacyUpToSeq: 7 }).legacyUpToSeq).toBe(7);
    const without = begun(create);
    expect(without.legacyUpToSeq).toBeNull();
    const set = applyChange(without, { kind: "legacy", upToSeq: 9 });
    expect(set?.legacyUpToSeq).toBe(9);
    expect(applyChange({ ...set!, length: 2 }, { kind: "legacy", upToSeq: 12 })).toBeNull();
    expect(
      applyChange(begun({ ...create, legacyUpToSeq: 0 }), { kind: "legacy", upToSeq: 5 }),
    ).toBeNull();
    expect(applyChange(emptyMembership, { kind: "legacy", upToSeq: 5 })).toBeNull();
    expect(applyChange(emptyMembership, { ...create, legacyUpToSeq: -1 })).toBeNull();
    expect(applyChange(without, { kind: "legacy", upToSeq: 1.5 })).toBeNull();
  });
});
