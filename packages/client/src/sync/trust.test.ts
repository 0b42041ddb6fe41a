/**
 * Only the people the owner chose (issue 12): a lying server (a transport
 * that rewrites answers) cannot get a vault key sealed to a key nobody
 * compared, nor hand a member's new device an owner key of its own; and
 * entries from a viewer, a removed member, or a partner claiming the
 * owner's device are held aside with a reason, never applied.
 */
import {
  deriveIdentity,
  type Identity,
  RootKey,
  ready,
  toBase64Url,
  VaultKey,
} from "@trellis/crypto";
import { formatHlc } from "@trellis/domain";
import { describe, expect, it, vi } from "vitest";
import { deviceSigner } from "./device-signer.ts";
import { ACCOUNT_KEY, type StoredAccount, type StoredVault, VAULT_KEY } from "./stored.ts";
import {
  note,
  syncDevices,
  TEST_PASSWORD,
  TEST_SERVER,
  type TestDevice,
  texts,
} from "./test-devices.ts";
import type { Transport, TransportRequest, TransportResponse } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const SERVER = TEST_SERVER;
const PASSWORD = TEST_PASSWORD;
const devices = syncDevices();
const { clock, device, account } = devices;

type Rewrite = (request: TransportRequest, response: TransportResponse) => TransportResponse;

/** The real fake server, with answers rewritten by `lie` while it is set; every request is logged. */
function lyingServer() {
  const state: { lie: Rewrite | null; sent: TransportRequest[] } = { lie: null, sent: [] };
  const transport: Transport = {
    async request(request) {
      state.sent.push(request);
      const response = await devices.server.transport.request(request);
      return response && state.lie ? state.lie(request, response) : response;
    },
    stream: (r) => devices.server.transport.stream(r),
  };
  return { transport, state };
}

type Device = TestDevice;

async function ownerDevice(transport?: Transport) {
  const owner = await device(transport);
  const r = await owner.client.record("JourneyCreated", {
    displayName: "Lea",
    dateOfBirth: "1987-09-14",
    homeZone: "Europe/Berlin",
    partnerName: "Jonas",
    createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
  });
  expect(r.ok).toBe(true);
  const username = await account(owner, "lea");
  await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));
  return { ...owner, username };
}

/** A member who accepted an invite; the owner has been shown the safety code, not confirmed yet. */
async function pendingMember(owner: Device, role: "partner" | "viewer") {
  const invite = await owner.sync.createInvite(role, SERVER);
  if (!invite.ok) throw new Error(invite.error.reason);
  const member = await device();
  const username = await account(member, role === "viewer" ? "grandma" : "jonas");
  const accepted = await member.sync.acceptInvite(new URL(invite.value.link).hash);
  if (!accepted.ok) throw new Error(accepted.error.reason);
  const members = await owner.sync.members();
  if (!members.ok) throw new Error(members.error.reason);
  const pending = members.value.find((m) => m.status === "pending")!;
  expect(owner.sync.safetyCodeWith(pending)).toEqual({
    ok: true,
    value: accepted.value.safetyCode,
  });
  return { member, username, accountId: pending.accountId, publicIdentity: pending.publicIdentity };
}

async function joined(owner: Device, role: "partner" | "viewer") {
  const m = await pendingMember(owner, role);
  expect(await owner.sync.confirmMember(m.accountId)).toEqual({ ok: true, value: undefined });
  await vi.waitFor(() => expect(m.member.sync.snapshot.vault?.state).toBe("active"));
  await vi.waitFor(() => expect(m.member.client.state.journey?.displayName).toBe("Lea"));
  return m;
}

await ready();
const attacker: Identity = deriveIdentity(new Uint8Array(32).fill(7) as RootKey);
const attackerKeys = {
  signingKey: toBase64Url(attacker.signing.publicKey),
  boxKey: toBase64Url(attacker.box.publicKey),
};

const isMembers = (r: TransportRequest) => r.method === "GET" && r.path.endsWith("/members");
const sealedSomething = (sent: TransportRequest[]) =>
  sent.some((r) => r.method === "PUT" && r.path.endsWith("/grants"));
const loggedSomething = (sent: TransportRequest[]) =>
  sent.some((r) => r.method === "POST" && r.path.endsWith("/log"));

/** Rewrites the members answer: `change` gets each member and returns what the server claims. */
function rewriteMembers(
  change: (m: {
    accountId: string;
    role: string;
    status: string;
    publicIdentity: unknown;
  }) => unknown,
  extra: unknown[] = [],
): Rewrite {
  return (request, response) => {
    if (!isMembers(request) || response.status !== 200) return response;
    const body = response.body as { members: Parameters<typeof change>[0][]; epoch: number };
    return { ...response, body: { ...body, members: [...body.members.map(change), ...extra] } };
  };
}

describe("a lying server during confirm and rotation", () => {
  it("confirm refuses, with nothing sealed or signed, when the key changed after the code was shown", async () => {
    const lying = lyingServer();
    const owner = await ownerDevice(lying.transport);
    const m = await pendingMember(owner, "partner");
    lying.state.lie = rewriteMembers((x) =>
      x.accountId === m.accountId ? { ...x, publicIdentity: attackerKeys } : x,
    );
    lying.state.sent = [];
    const r = await owner.sync.confirmMember(m.accountId);
    expect(r).toEqual({
      ok: false,
      error: {
        reason: "safety-code-changed",
        field: "member",
        params: { accountId: m.accountId, role: "partner" },
      },
    });
    expect(sealedSomething(lying.state.sent)).toBe(false);
    expect(loggedSomething(lying.state.sent)).toBe(false);
    // The honest server's answer again: the same compared keys confirm.
    lying.state.lie = null;
    expect(await owner.sync.confirmMember(m.accountId)).toEqual({ ok: true, value: undefined });
  });

  it("confirm refuses a member whose code was never shown", async () => {
    const owner = await ownerDevice();
    const invite = await owner.sync.createInvite("partner", SERVER);
    if (!invite.ok) throw new Error(invite.error.reason);
    const member = await device();
    await account(member, "jonas");
    expect((await member.sync.acceptInvite(new URL(invite.value.link).hash)).ok).toBe(true);
    const members = await owner.sync.members();
    const pending = members.ok ? members.value.find((x) => x.status === "pending")! : null;
    expect(await owner.sync.confirmMember(pending!.accountId)).toEqual({
      ok: false,
      error: { reason: "compare-first" },
    });
  });

  it("rotation refuses, with nothing sealed, when a pinned member's key is swapped", async () => {
    const lying = lyingServer();
    const owner = await ownerDevice(lying.transport);
    const partner = await joined(owner, "partner");
    const viewer = await joined(owner, "viewer");
    lying.state.lie = rewriteMembers((x) =>
      x.accountId === partner.accountId ? { ...x, publicIdentity: attackerKeys } : x,
    );
    lying.state.sent = [];
    const removed = await owner.sync.removeMember(viewer.accountId);
    expect(removed).toEqual({
      ok: false,
      error: {
        reason: "safety-code-changed",
        field: "member",
        params: { accountId: partner.accountId, role: "partner" },
      },
    });
    expect(sealedSomething(lying.state.sent)).toBe(false);
  });

  it("rotation refuses, with nothing sealed, when the server injects an active member nobody confirmed", async () => {
    const lying = lyingServer();
    const owner = await ownerDevice(lying.transport);
    const partner = await joined(owner, "partner");
    const injected = {
      accountId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      role: "partner",
      status: "active",
      joinedAt: new Date(clock.ms).toISOString(),
      publicIdentity: attackerKeys,
    };
    lying.state.lie = rewriteMembers((x) => x, [injected]);
    lying.state.sent = [];
    const removed = await owner.sync.removeMember(partner.accountId);
    expect(removed).toEqual({
      ok: false,
      error: {
        reason: "member-not-verified",
        field: "member",
        params: { accountId: injected.accountId, role: "partner" },
      },
    });
    expect(sealedSomething(lying.state.sent)).toBe(false);
    // Nothing was sealed to anyone: the vault is still at its first key.
    const vault = await owner.client.sync.getMeta<StoredVault>(VAULT_KEY);
    expect(vault?.keys.map((k) => (VaultKey.decode(k).ok ? "key" : "bad"))).toEqual(["key"]);
    expect(vault?.rotationDue).toBe(true);
  });
});

describe("a member's new device", () => {
  it("given a swapped owner key ends in 'verify again' with no key, and gets none even if trusted", async () => {
    const owner = await ownerDevice();
    const partner = await joined(owner, "partner");
    const lying = lyingServer();
    lying.state.lie = rewriteMembers((x) =>
      x.role === "owner" ? { ...x, publicIdentity: attackerKeys } : x,
    );
    const second = await device(lying.transport);
    const signedIn = await second.sync.signIn({
      serverUrl: SERVER,
      username: partner.username,
      password: PASSWORD,
      deviceName: "Jonas's tablet",
    });
    expect(signedIn).toEqual({ ok: true, value: undefined });
    expect(second.sync.snapshot.vault?.state).toBe("verify");
    const stored = await second.client.sync.getMeta<StoredVault>(VAULT_KEY);
    expect(stored?.keys).toEqual([]);
    expect(sealedOrKeyRequests(lying.state.sent)).toBe(false);
    // Even if the person trusted the swapped key, the owner's grants do not open with it.
    const members = await second.sync.members();
    const ownerView = members.ok ? members.value.find((m) => m.role === "owner")! : null;
    expect(second.sync.safetyCodeWith(ownerView!).ok).toBe(true);
    expect(await second.sync.verifyOwner()).toEqual({ ok: true, value: undefined });
    expect(await second.sync.checkGrant()).toEqual({
      ok: false,
      error: { reason: "bad-signature" },
    });
    expect((await second.client.sync.getMeta<StoredVault>(VAULT_KEY))?.keys).toEqual([]);
    expect(texts(second.client)).toEqual([]);
  });

  it("with the real owner key, becomes active once the code was compared again", async () => {
    const owner = await ownerDevice();
    const partner = await joined(owner, "partner");
    const second = await device();
    await second.sync.signIn({
      serverUrl: SERVER,
      username: partner.username,
      password: PASSWORD,
      deviceName: "Jonas's tablet",
    });
    expect(second.sync.snapshot.vault?.state).toBe("verify");
    const members = await second.sync.members();
    const ownerView = members.ok ? members.value.find((m) => m.role === "owner")! : null;
    expect(second.sync.safetyCodeWith(ownerView!).ok).toBe(true);
    expect((await second.sync.verifyOwner()).ok).toBe(true);
    await vi.waitFor(() => expect(second.sync.snapshot.vault?.state).toBe("active"));
    await vi.waitFor(() => expect(second.client.state.journey?.displayName).toBe("Lea"));
  });
});

function sealedOrKeyRequests(sent: TransportRequest[]) {
  return sent.some((r) => r.path.endsWith("/grants/mine"));
}

/** Seals an entry as `member`'s device would, with a key it holds, and has the server store it as is. */
async function forge(
  member: Device,
  input: { epoch?: number; device?: string; text: string },
): Promise<string> {
  const account = (await member.client.sync.getMeta<StoredAccount>(ACCOUNT_KEY))!;
  const vault = (await member.client.sync.getMeta<StoredVault>(VAULT_KEY))!;
  const root = RootKey.decode(account.rootKey);
  if (!root.ok) throw new Error("no root");
  const keys = vault.keys.flatMap((k) => {
    const d = VaultKey.decode(k);
    return d.ok && (input.epoch === undefined || d.value.epoch === input.epoch) ? [d.value] : [];
  });
  const deviceId = input.device ?? member.client.device;
  const crypto = createVaultCrypto({
    vaultId: vault.vaultId,
    keys,
    signer: deviceSigner(root.value, deviceId),
  });
  const id = member.client.newId();
  const event = {
    id,
    hlc: formatHlc({ wallMs: clock.ms, counter: 0, node: deviceId }),
    device: deviceId,
    type: "JournalNoteAdded",
    schemaVersion: 1,
    payload: {
      noteId: member.client.newId(),
      text: input.text,
      writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
    },
  };
  devices.server.inject(vault.vaultId, crypto.seal(event as never));
  return id;
}

async function heldReasons(d: Device) {
  return (await d.client.sync.held()).map((h) => h.reason);
}

describe("entries the server stores but devices refuse", () => {
  it("an entry from a viewer is held aside as not a writer's, and not applied", async () => {
    const owner = await ownerDevice();
    const viewer = await joined(owner, "viewer");
    await forge(viewer.member, { text: "a viewer's words" });
    owner.sync.nudge();
    await vi.waitFor(async () => expect(await heldReasons(owner)).toEqual(["signer-not-writer"]));
    expect(texts(owner.client)).not.toContain("a viewer's words");
  });

  it("a removed member's old-epoch entry injected after rotation is held aside, not applied", async () => {
    const owner = await ownerDevice();
    const partner = await joined(owner, "partner");
    await note(partner.member.client, "before removal");
    await vi.waitFor(() => expect(texts(owner.client)).toContain("before removal"));
    expect((await owner.sync.removeMember(partner.accountId)).ok).toBe(true);
    await forge(partner.member, { epoch: 1, text: "after removal" });
    owner.sync.nudge();
    await vi.waitFor(async () => expect(await heldReasons(owner)).toEqual(["signer-removed"]));
    expect(texts(owner.client)).toContain("before removal");
    expect(texts(owner.client)).not.toContain("after removal");
  });

  it("a partner claiming the owner's device is held aside, not applied as the owner's", async () => {
    const owner = await ownerDevice();
    const partner = await joined(owner, "partner");
    await note(owner.client, "the owner's own");
    await vi.waitFor(() => expect(texts(partner.member.client)).toContain("the owner's own"));
    await forge(partner.member, { device: owner.client.device, text: "claimed" });
    owner.sync.nudge();
    await vi.waitFor(async () => expect(await heldReasons(owner)).toEqual(["device-claimed"]));
    expect(texts(owner.client)).not.toContain("claimed");
  });

  it("exposes the verified author of each entry received", async () => {
    const owner = await ownerDevice();
    const partner = await joined(owner, "partner");
    const written = await note(partner.member.client, "from Jonas");
    await vi.waitFor(() => expect(texts(owner.client)).toContain("from Jonas"));
    expect(owner.sync.authorOf(written.id)).toBe(partner.accountId);
    expect(owner.sync.authorOf("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")).toBeNull();
  });
});
