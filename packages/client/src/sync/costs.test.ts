/**
 * Viewers see costs only if the owner chooses (issue 17), tested as an
 * attacker holding the project's own client code: a viewer's device syncs a
 * record with costs and folds none of them, and no byte of a cost's words
 * or amount reaches it in the clear (not in what it received, not in what
 * it stored, not even inside entries once opened with the vault key it
 * holds); the partner reads them; the owner's switch shows them, earlier
 * ones too, and hides the ones recorded after it goes off; a partner cannot
 * flip the switch or grant the costs key; a server that lies gets nothing.
 */
import {
  Ed25519PublicKey,
  fromBase64Url,
  generateVaultKey,
  membershipEntryHash,
  ready,
  sealVaultKeyFor,
  signMembershipEntry,
  toBase64Url,
  VaultKey,
} from "@trellis/crypto";
import { describe, expect, it, vi } from "vitest";
import type { TrellisClient } from "../client.ts";
import { type EventStorage, memoryStorage } from "../storage.ts";
import { identityOf } from "./account-sync/session.ts";
import { createApi } from "./api.ts";
import { fromBase64, toBase64, utf8Encode } from "./base64.ts";
import { COSTS_WITHHELD } from "./engine/receive.ts";
import { fetchMembership } from "./membership.ts";
import { ACCOUNT_KEY, type StoredAccount, type StoredVault, VAULT_KEY } from "./stored.ts";
import { note, syncDevices, TEST_SERVER, type TestDevice, texts } from "./test-devices.ts";
import type { Transport, TransportRequest, TransportResponse } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const devices = syncDevices();
const { device, account } = devices;

/** Everything a device was told by the server and everything it wrote down, as text to search. */
function recorded() {
  const seen: string[] = [];
  const keep = (v: unknown) => {
    if (v instanceof Uint8Array) seen.push(new TextDecoder().decode(v));
    else if (v !== undefined)
      seen.push(JSON.stringify(v, (_, x) => (x instanceof Map ? [...x] : x)));
  };
  return { seen, keep, text: () => seen.join("\n") };
}

/** A storage that keeps a copy of everything written to it. */
function recordingStorage(log: ReturnType<typeof recorded>): EventStorage {
  const inner = memoryStorage();
  return {
    ...inner,
    async appendEvents(batch, origin, keepHere) {
      log.keep(batch);
      return inner.appendEvents(batch, origin, keepHere);
    },
    async setMeta(key, value) {
      log.keep([key, value]);
      return inner.setMeta(key, value);
    },
    async hold(batch) {
      log.keep(batch);
      return inner.hold(batch);
    },
  };
}

type Rewrite = (request: TransportRequest, response: TransportResponse) => TransportResponse;

/** The fake server, every answer kept, rewritten by `lie` while it is set. */
function listeningServer(log?: ReturnType<typeof recorded>) {
  const state: { lie: Rewrite | null } = { lie: null };
  const transport: Transport = {
    async request(request) {
      const response = await devices.server.transport.request(request);
      const told = response && state.lie ? state.lie(request, response) : response;
      log?.keep(told?.body);
      log?.keep(told?.bytes);
      return told;
    },
    async *stream(r) {
      for await (const m of devices.server.transport.stream(r)) {
        log?.keep(m.data);
        yield m;
      }
    },
  };
  return { transport, state };
}

const DESCRIPTION = "Menopur pens MARKER-c0st";
const AMOUNT = 4321.87;
const LATER = "Storage fee MARKER-l8ter";
const LATER_AMOUNT = 987.65;

async function recordCost(client: TrellisClient, description: string, value: number) {
  const r = await client.record("CostRecorded", {
    costId: client.newId(),
    description,
    category: "medication",
    amount: { value, currency: "USD" },
    incurredOn: "2025-05-10",
    status: "paid",
    paidOn: "2025-05-10",
    coverage: [
      { kind: "insurer", source: "Acme MARKER-ins", value: Math.floor(value / 4), received: true },
    ],
  });
  if (!r.ok) throw new Error(`refused: ${r.error.reason} at ${r.error.field}`);
  return r.value;
}

const descriptions = (client: TrellisClient) =>
  [...client.state.costs.values()].map((c) => c.description).sort();

async function owner(transport?: Transport) {
  const d = await device(transport);
  const r = await d.client.record("JourneyCreated", {
    displayName: "Maya",
    dateOfBirth: "1984-03-02",
    homeZone: "America/New_York",
    createdAt: "2025-05-09T21:00:00-04:00[America/New_York]",
  });
  expect(r.ok).toBe(true);
  await recordCost(d.client, DESCRIPTION, AMOUNT);
  await note(d.client, "First note.");
  await account(d, "maya");
  await vi.waitFor(() => expect(d.sync.snapshot.status?.phase).toBe("synced"));
  return d;
}

/** Someone invited as `role`, the code compared and confirmed; their device has the record. */
async function joins(
  ownerDevice: TestDevice,
  role: "partner" | "viewer",
  transport?: Transport,
  storage?: EventStorage,
) {
  const invite = await ownerDevice.sync.createInvite(role, TEST_SERVER);
  if (!invite.ok) throw new Error(invite.error.reason);
  const member = await device(transport, storage);
  await account(member, role === "viewer" ? "grandma" : "sam");
  const accepted = await member.sync.acceptInvite(new URL(invite.value.link).hash);
  if (!accepted.ok) throw new Error(accepted.error.reason);
  const members = await ownerDevice.sync.members();
  if (!members.ok) throw new Error(members.error.reason);
  const pending = members.value.find((m) => m.status === "pending")!;
  ownerDevice.sync.safetyCodeWith(pending);
  expect(await ownerDevice.sync.confirmMember(pending.accountId)).toEqual({
    ok: true,
    value: undefined,
  });
  await vi.waitFor(() => expect(member.sync.snapshot.vault?.state).toBe("active"));
  await vi.waitFor(() => expect(texts(member.client)).toContain("First note."));
  return { member, accountId: pending.accountId };
}

/** One more round on `d` now, and its result. */
async function round(d: TestDevice) {
  d.sync.nudge();
  await vi.waitFor(() => expect(d.sync.snapshot.status?.phase).toBe("synced"));
}

/**
 * Maya turns costs on for viewers and the viewer reads her cost; then the
 * membership log as the server holds it now (what a lying server replays later).
 */
async function logWithCostsShared(maya: TestDevice, viewer: TestDevice) {
  expect(await maya.sync.setCostsForViewers(true)).toEqual({ ok: true, value: undefined });
  await round(viewer);
  await vi.waitFor(() => expect(descriptions(viewer.client)).toEqual([DESCRIPTION]));
  const vaultId = maya.sync.snapshot.vault!.vaultId;
  const api = createApi(devices.server.transport);
  const mayaAccount = (await maya.storage.getMeta<StoredAccount>(ACCOUNT_KEY))!;
  const log = await api.membershipLog(mayaAccount.token, vaultId);
  if (!log.ok) throw new Error(log.error.reason);
  return { whileOn: log.value, vaultId, api, mayaAccount };
}

const held = async (d: TestDevice) => d.client.sync.held();

/** Every entry of the vault opened with the vault keys `d` holds: what a viewer's code could see. */
async function openedWithVaultKey(d: TestDevice): Promise<string> {
  const vault = (await d.storage.getMeta<StoredVault>(VAULT_KEY))!;
  const keys = vault.keys.map((k) => VaultKey.decode(k)).flatMap((k) => (k.ok ? [k.value] : []));
  const crypto = createVaultCrypto({ vaultId: vault.vaultId, keys });
  return devices.server
    .eventsOf(vault.vaultId)
    .map((e) => {
      const opened = crypto.open(e.id, fromBase64(e.body)!);
      return opened.ok ? JSON.stringify(opened.value.value) : `unopened ${opened.error.reason}`;
    })
    .join("\n");
}

/** Words and amounts of a cost in every form they could travel in. */
const giveaways = (words: string, amount: number) => [
  words,
  words.slice(-10),
  String(amount),
  toBase64(utf8Encode(words)).slice(0, 12),
];

describe("costs and viewers", () => {
  it("a viewer folds no cost and never sees one in the clear; the partner reads them", async () => {
    await ready();
    const maya = await owner();
    const { member: sam } = await joins(maya, "partner");
    const log = recorded();
    const viewerServer = listeningServer(log);
    const { member: viewer } = await joins(
      maya,
      "viewer",
      viewerServer.transport,
      recordingStorage(log),
    );
    await vi.waitFor(() => expect(descriptions(sam.client)).toEqual([DESCRIPTION]));
    await round(viewer);
    expect(texts(viewer.client)).toEqual(["First note."]);
    expect(viewer.client.state.costs.size).toBe(0);
    expect(viewer.sync.snapshot.vault?.costs).toEqual({ forViewers: false, readable: false });
    expect(sam.sync.snapshot.vault?.costs).toEqual({ forViewers: false, readable: true });
    // Kept, not lost, not a problem to tell anyone about.
    expect((await held(viewer)).map((h) => h.reason)).toEqual([COSTS_WITHHELD]);
    expect(viewer.sync.snapshot.status?.held).toBe(0);
    const clear = log.text() + (await openedWithVaultKey(viewer));
    expect(clear).toContain("First note.");
    for (const giveaway of [...giveaways(DESCRIPTION, AMOUNT), "MARKER-ins", "medication"]) {
      expect(clear).not.toContain(giveaway);
    }
  });

  it("the owner's switch shows costs to viewers, earlier ones too; off again, later ones stay hidden", async () => {
    const maya = await owner();
    const { member: sam } = await joins(maya, "partner");
    const log = recorded();
    const { member: viewer } = await joins(
      maya,
      "viewer",
      listeningServer(log).transport,
      recordingStorage(log),
    );
    expect(viewer.client.state.costs.size).toBe(0);

    expect(await maya.sync.setCostsForViewers(true)).toEqual({ ok: true, value: undefined });
    await round(viewer);
    await vi.waitFor(() => expect(descriptions(viewer.client)).toEqual([DESCRIPTION]));
    expect(viewer.sync.snapshot.vault?.costs).toEqual({ forViewers: true, readable: true });
    expect(await held(viewer)).toEqual([]);

    expect(await maya.sync.setCostsForViewers(false)).toEqual({ ok: true, value: undefined });
    await recordCost(maya.client, LATER, LATER_AMOUNT);
    await note(maya.client, "After the switch.");
    await vi.waitFor(() => expect(descriptions(sam.client)).toEqual([LATER, DESCRIPTION].sort()));
    await round(viewer);
    await vi.waitFor(() => expect(texts(viewer.client)).toContain("After the switch."));
    // What already reached the viewer stays; what came after is not theirs.
    expect(descriptions(viewer.client)).toEqual([DESCRIPTION]);
    expect(viewer.sync.snapshot.vault?.costs).toEqual({ forViewers: false, readable: false });
    expect((await held(viewer)).map((h) => h.reason)).toEqual([COSTS_WITHHELD]);
    const clear = log.text() + (await openedWithVaultKey(viewer));
    for (const giveaway of giveaways(LATER, LATER_AMOUNT)) expect(clear).not.toContain(giveaway);

    // And on again: the later cost arrives too, folded in its place.
    expect(await maya.sync.setCostsForViewers(true)).toEqual({ ok: true, value: undefined });
    await round(viewer);
    await vi.waitFor(() =>
      expect(descriptions(viewer.client)).toEqual([LATER, DESCRIPTION].sort()),
    );
  });

  it("a partner records a cost: sealed for the costs key, read by the owner, withheld from the viewer", async () => {
    const maya = await owner();
    const { member: sam } = await joins(maya, "partner");
    const { member: viewer } = await joins(maya, "viewer");
    await vi.waitFor(() => expect(sam.sync.snapshot.vault?.costs?.readable).toBe(true));
    const recordedBySam = await recordCost(sam.client, "Acupuncture MARKER-sam", 150);
    await note(sam.client, "Sam's note.");
    await vi.waitFor(() => expect(descriptions(maya.client)).toContain("Acupuncture MARKER-sam"));
    await round(viewer);
    await vi.waitFor(() => expect(texts(viewer.client)).toContain("Sam's note."));
    expect(viewer.client.state.costs.size).toBe(0);
    expect(await openedWithVaultKey(viewer)).not.toContain("MARKER-sam");
    expect((await held(viewer)).map((h) => h.id)).toContain(recordedBySam.id);
  });

  it("a partner cannot flip the switch or grant the costs key; a log they signed is refused everywhere", async () => {
    const maya = await owner();
    const { member: sam } = await joins(maya, "partner");
    const lying = listeningServer();
    const { member: viewer } = await joins(maya, "viewer", lying.transport);
    expect(await sam.sync.setCostsForViewers(true)).toEqual({
      ok: false,
      error: { reason: "forbidden" },
    });
    const vaultId = maya.sync.snapshot.vault!.vaultId;
    const samAccount = (await sam.storage.getMeta<StoredAccount>(ACCOUNT_KEY))!;
    const samIdentity = identityOf(samAccount);
    const api = createApi(devices.server.transport);
    // Sam signs the switch and a costs key for the viewer as if he were the owner.
    const logNow = await api.membershipLog(samAccount.token, vaultId);
    if (!logNow.ok) throw new Error(logNow.error.reason);
    const entries = logNow.value.entries.map((e) => e.entry);
    const last = fromBase64Url(entries.at(-1)!);
    if (!last.ok) throw new Error("log");
    const viewerAccount = (await viewer.storage.getMeta<StoredAccount>(ACCOUNT_KEY))!;
    const viewerIdentity = identityOf(viewerAccount);
    const forged = [
      { kind: "costs-viewers", show: true },
      {
        kind: "costs-key",
        epoch: 9,
        accountId: viewerAccount.accountId,
        grant: toBase64Url(
          sealVaultKeyFor(viewerIdentity.box.publicKey, generateVaultKey(9), {
            vaultId: `costs:${vaultId}`,
            signer: samIdentity.signing.secretKey,
          }),
        ),
      },
    ];
    let previous = membershipEntryHash(last.value);
    const extra: string[] = [];
    for (const change of forged) {
      const entry = signMembershipEntry(
        { vaultId, position: entries.length + extra.length, previous },
        samIdentity.signing.secretKey,
        new TextEncoder().encode(JSON.stringify(change)),
      );
      previous = membershipEntryHash(entry);
      extra.push(toBase64Url(entry));
    }
    // The server refuses Sam's append: only the owner writes the log.
    const put = await api.appendMembershipLog(samAccount.token, vaultId, {
      position: entries.length,
      entry: extra[0]!,
    });
    expect(put.ok).toBe(false);
    // A server that serves them anyway: every device refuses the whole log.
    const withForged = {
      entries: [...entries, ...extra].map((entry, position) => ({ position, entry })),
    };
    const viewerVault = (await viewer.storage.getMeta<StoredVault>(VAULT_KEY))!;
    const ownerKey = Ed25519PublicKey.decode(viewerVault.ownerSigningKey);
    if (!ownerKey.ok) throw new Error("owner key");
    const lied = await fetchMembership(
      { ...api, membershipLog: async () => ({ ok: true as const, value: withForged }) },
      viewerAccount.token,
      vaultId,
      ownerKey.value,
    );
    expect(lied).toEqual({ ok: false, error: { reason: "membership-log-broken" } });
    lying.state.lie = (request, response) =>
      request.method === "GET" && request.path.endsWith("/log")
        ? { ...response, body: withForged }
        : response;
    await note(maya.client, "While the server lies.");
    viewer.sync.nudge();
    await vi.waitFor(() =>
      expect(viewer.sync.snapshot.status).toMatchObject({ reason: "membership-log-broken" }),
    );
    expect(viewer.client.state.costs.size).toBe(0);
    expect(texts(viewer.client)).not.toContain("While the server lies.");
  });

  it("a server that replays the old log to Maya's own device gets her to seal nothing for the viewer", async () => {
    const lying = listeningServer();
    const maya = await owner(lying.transport);
    const { member: viewer } = await joins(maya, "viewer");
    const { whileOn } = await logWithCostsShared(maya, viewer);
    expect(await maya.sync.setCostsForViewers(false)).toEqual({ ok: true, value: undefined });

    // From now on the server shows Maya's phone the log as it was while the switch was on.
    lying.state.lie = (request, response) =>
      request.method === "GET" && request.path.endsWith("/log")
        ? { ...response, body: whileOn }
        : response;
    await recordCost(maya.client, LATER, LATER_AMOUNT);
    maya.sync.nudge();
    await vi.waitFor(() =>
      expect(maya.sync.snapshot.status).toMatchObject({ reason: "membership-log-broken" }),
    );
    // Once the server answers truly again, the cost goes up under the key the viewer lacks.
    lying.state.lie = null;
    await round(maya);
    await round(viewer);
    expect(descriptions(viewer.client)).toEqual([DESCRIPTION]);
    expect(await openedWithVaultKey(viewer)).not.toContain(LATER);
  });

  it("a server that replays an old log or an old grant gets a viewer no cost recorded after the switch went off", async () => {
    const maya = await owner();
    const lying = listeningServer();
    const { member: viewer, accountId } = await joins(maya, "viewer", lying.transport);
    const { whileOn, vaultId, api, mayaAccount } = await logWithCostsShared(maya, viewer);

    expect(await maya.sync.setCostsForViewers(false)).toEqual({ ok: true, value: undefined });
    await recordCost(maya.client, LATER, LATER_AMOUNT);
    await note(maya.client, "After the switch.");
    // The server serves the log as it was while the switch was on (the viewer's grants in it).
    lying.state.lie = (request, response) =>
      request.method === "GET" && request.path.endsWith("/log")
        ? { ...response, body: whileOn }
        : response;
    await round(viewer);
    await vi.waitFor(() => expect(texts(viewer.client)).toContain("After the switch."));
    expect(descriptions(viewer.client)).toEqual([DESCRIPTION]);
    expect((await held(viewer)).map((h) => h.reason)).toEqual([COSTS_WITHHELD]);

    // Removed, the viewer's old grants are all a server could hand anyone: the new key is in none.
    lying.state.lie = null;
    expect(await maya.sync.removeMember(accountId)).toEqual({ ok: true, value: undefined });
    const after = await fetchMembership(
      api,
      mayaAccount.token,
      vaultId,
      identityOf(mayaAccount).signing.publicKey,
    );
    if (!after.ok) throw new Error(after.error.reason);
    const newest = after.value.costsEpoch;
    expect(
      after.value.costsGrants.filter((g) => g.epoch === newest).map((g) => g.accountId),
    ).toEqual([mayaAccount.accountId]);
    expect(
      after.value.costsGrants.some((g) => g.accountId === accountId && g.epoch === newest),
    ).toBe(false);
  });
});
