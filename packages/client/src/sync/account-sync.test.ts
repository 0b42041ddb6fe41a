/**
 * The journey, device by device, against the fake server: no account
 * (no network at all), an account made from an existing record, a second
 * device, live updates, a plane, a forgotten password, a partner with a
 * safety code, a viewer, a removal, and an event that must be held aside.
 */
import { eventEpoch, VaultKey } from "@trellis/crypto";
import { describe, expect, it, vi } from "vitest";
import type { TrellisClient } from "../client.ts";
import type { EventStorage } from "../storage.ts";
import { createApi } from "./api.ts";
import { fromBase64, toBase64 } from "./base64.ts";
import { networkSwitch } from "./fake-server.ts";
import { type StoredVault, VAULT_KEY } from "./stored.ts";
import { syncDevices, type TestDevice } from "./test-devices.ts";
import type { Transport } from "./transport.ts";
import { createVaultCrypto } from "./vault-crypto.ts";

const SERVER = "https://trellis.test";
const ZONE = "Europe/Berlin";
const devices = syncDevices();
const { clock } = devices;

interface Device extends TestDevice {
  network: { online: boolean };
}

/** A device whose network can be cut (`network.online`). */
async function device(transport?: Transport, storage?: EventStorage): Promise<Device> {
  const network = networkSwitch(transport ?? devices.server.transport);
  return { ...(await devices.device(network.transport, storage)), network };
}

async function startJourney(client: TrellisClient, note?: string): Promise<void> {
  const r = await client.record("JourneyCreated", {
    displayName: "Lea",
    dateOfBirth: "1987-09-14",
    homeZone: ZONE,
    partnerName: "Jonas",
    createdAt: "2025-05-12T21:00:00+02:00[Europe/Berlin]",
  });
  expect(r.ok).toBe(true);
  if (note) await writeNote(client, note);
}

async function writeNote(client: TrellisClient, text: string) {
  const r = await client.record("JournalNoteAdded", {
    noteId: client.newId(),
    text,
    writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
  });
  if (!r.ok) throw new Error(`refused: ${r.error.reason} at ${r.error.field}`);
  return r.value;
}

const texts = (client: TrellisClient) => [...client.state.notes.values()].map((n) => n.text).sort();

let names = 0;
const uniqueName = (base: string) => `${base}${++names}`;

async function ownerWithAccount(note = "Stims start Friday.") {
  const owner = await device();
  await startJourney(owner.client, note);
  const username = uniqueName("lea");
  const made = await owner.sync.createAccount({
    serverUrl: SERVER,
    username,
    password: "first password, long enough",
    deviceName: "Lea's phone",
    recovery: owner.sync.newRecoveryKey(),
  });
  expect(made).toEqual({ ok: true, value: undefined });
  await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));
  return { ...owner, username };
}

async function partnerJoins(owner: Device & { username: string }, role: "partner" | "viewer") {
  const invite = await owner.sync.createInvite(role, "https://trellis.test");
  if (!invite.ok) throw new Error(invite.error.reason);
  const partner = await device();
  const made = await partner.sync.createAccount({
    serverUrl: SERVER,
    username: uniqueName("jonas"),
    password: "partner password, long enough",
    deviceName: "Jonas's phone",
    recovery: partner.sync.newRecoveryKey(),
  });
  expect(made.ok).toBe(true);
  const fragment = new URL(invite.value.link).hash;
  const accepted = await partner.sync.acceptInvite(fragment);
  if (!accepted.ok) throw new Error(accepted.error.reason);
  const members = await owner.sync.members();
  if (!members.ok) throw new Error(members.error.reason);
  const pending = members.value.find((m) => m.status === "pending")!;
  const ownerCode = owner.sync.safetyCodeWith(pending);
  expect(ownerCode).toEqual({ ok: true, value: accepted.value.safetyCode });
  expect(partner.sync.snapshot.vault?.state).toBe("waiting");
  expect((await owner.sync.confirmMember(pending.accountId)).ok).toBe(true);
  await vi.waitFor(() => expect(partner.sync.snapshot.vault?.state).toBe("active"));
  await vi.waitFor(() => expect(partner.client.state.journey?.displayName).toBe("Lea"));
  return { partner, accountId: pending.accountId, invite: invite.value };
}

describe("without an account", () => {
  it("makes no network call at all, and recording works as before", async () => {
    const calls: string[] = [];
    const counting: Transport = {
      request: async (r) => {
        calls.push(r.path);
        return null;
      },
      stream: () => {
        calls.push("stream");
        throw new Error("no");
      },
    };
    const d = await device(counting);
    await startJourney(d.client, "Just me, no account.");
    await new Promise((r) => setTimeout(r, 50));
    expect(d.sync.snapshot).toEqual({ account: null, vault: null, status: null });
    expect(calls).toEqual([]);
    expect(texts(d.client)).toEqual(["Just me, no account."]);
  });
});

describe("accounts", () => {
  it("turns the record on this device into the account's vault: everything recorded before is pushed, sealed", async () => {
    const owner = await ownerWithAccount("Baseline scan was fine, MARKER-a1.");
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    expect(owner.sync.snapshot.vault?.role).toBe("owner");
    expect(devices.server.eventsOf(vaultId)).toHaveLength(2);
    expect(owner.client.sync.pendingCount).toBe(0);
    const dump = devices.server.dump();
    expect(dump).not.toContain("MARKER-a1");
    expect(dump).not.toContain(toBase64(new TextEncoder().encode("MARKER-a1")).slice(0, 8));
    expect(dump).not.toContain("Jonas");
  });

  it("signs in on a second device and everything appears; entries then flow both ways live", async () => {
    const owner = await ownerWithAccount("Day 1 of stims.");
    const laptop = await device();
    const signedIn = await laptop.sync.signIn({
      serverUrl: SERVER,
      username: owner.username.toUpperCase(),
      password: "first password, long enough",
      deviceName: "Lea's laptop",
    });
    expect(signedIn).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(texts(laptop.client)).toEqual(["Day 1 of stims."]));
    expect(laptop.client.state.journey?.partnerName).toBe("Jonas");

    await writeNote(laptop.client, "Written on the laptop.");
    await vi.waitFor(() => expect(texts(owner.client)).toContain("Written on the laptop."));
    await writeNote(owner.client, "Written on the phone.");
    await vi.waitFor(() => expect(texts(laptop.client)).toContain("Written on the phone."));
  });

  it("refuses a wrong password without saying whether the name exists", async () => {
    const owner = await ownerWithAccount();
    const other = await device();
    for (const username of [owner.username, "nobody-here"]) {
      const r = await other.sync.signIn({
        serverUrl: SERVER,
        username,
        password: "not the password",
        deviceName: "x",
      });
      expect(r).toEqual({ ok: false, error: { reason: "login-failed" } });
    }
    expect(other.sync.snapshot.account).toBeNull();
  });

  it("a username or device name the server would not take is refused before anything is sent, as a reason, never a thrown error", async () => {
    const sent: string[] = [];
    const counting: Transport = {
      ...devices.server.transport,
      request: (r) => {
        sent.push(r.path);
        return devices.server.transport.request(r);
      },
    };
    const d = await device(counting);
    const person = {
      serverUrl: SERVER,
      password: "a password, long enough",
      deviceName: "Lea's phone",
    };
    for (const username of ["Lea Müller", "🌱🙃🌱", "le", "l".repeat(65)]) {
      const input = { ...person, username };
      const invalid = { ok: false, error: { reason: "username-invalid" } };
      expect(await d.sync.createAccount({ ...input, recovery: d.sync.newRecoveryKey() })).toEqual(
        invalid,
      );
      expect(await d.sync.signIn(input)).toEqual(invalid);
      expect(
        await d.sync.recover({
          serverUrl: SERVER,
          username,
          recoveryKeyText: d.sync.newRecoveryKey().text,
          newPassword: person.password,
          deviceName: person.deviceName,
        }),
      ).toEqual(invalid);
    }
    const longDevice = { ...person, username: uniqueName("lea"), deviceName: "d".repeat(61) };
    expect(await d.sync.signIn(longDevice)).toEqual({
      ok: false,
      error: { reason: "device-name-invalid" },
    });
    expect(sent).toEqual([]);
    expect(d.sync.snapshot.account).toBeNull();
  });

  it("works offline on a plane: both keep recording, and after landing nothing is lost or doubled", async () => {
    const owner = await ownerWithAccount("Before the flight.");
    const laptop = await device();
    await laptop.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Lea's laptop",
    });
    await vi.waitFor(() => expect(texts(laptop.client)).toEqual(["Before the flight."]));

    owner.network.online = false;
    await writeNote(owner.client, "Injected at 30,000 feet.");
    await owner.client.record("JourneyUpdated", { partnerName: "Jonas K." });
    await writeNote(laptop.client, "Laptop note while Lea flies.");
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("offline"));
    expect(owner.sync.snapshot.status?.pending).toBe(2);

    owner.network.online = true;
    owner.sync.nudge();
    const all = ["Before the flight.", "Injected at 30,000 feet.", "Laptop note while Lea flies."];
    await vi.waitFor(() => expect(texts(owner.client)).toEqual(all));
    await vi.waitFor(() => expect(texts(laptop.client)).toEqual(all));
    await vi.waitFor(() =>
      expect(owner.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    expect(laptop.client.state.journey?.partnerName).toBe("Jonas K.");
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    const ids = devices.server.eventsOf(vaultId).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(5);
    expect(laptop.client.state.eventCount).toBe(5);
  });

  it("restores everything with the recovery key after the password is forgotten; other devices are signed out", async () => {
    const owner = await device();
    await startJourney(owner.client, "Egg retrieval booked.");
    const recovery = owner.sync.newRecoveryKey();
    const username = uniqueName("lea");
    await owner.sync.createAccount({
      serverUrl: SERVER,
      username,
      password: "a password I will forget",
      deviceName: "Lea's phone",
      recovery,
    });
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.phase).toBe("synced"));

    const fresh = await device();
    const wrong = await fresh.sync.recover({
      serverUrl: SERVER,
      username,
      recoveryKeyText: owner.sync.newRecoveryKey().text,
      newPassword: "x",
      deviceName: "New phone",
    });
    expect(wrong).toEqual({ ok: false, error: { reason: "wrong-recovery-key" } });
    const unknown = await fresh.sync.recover({
      serverUrl: SERVER,
      username: "no-such-person",
      recoveryKeyText: recovery.text,
      newPassword: "x",
      deviceName: "New phone",
    });
    expect(unknown).toEqual({ ok: false, error: { reason: "wrong-recovery-key" } });
    const typo = await fresh.sync.recover({
      serverUrl: SERVER,
      username,
      recoveryKeyText: `${recovery.text.slice(0, -1)}${recovery.text.endsWith("0") ? "1" : "0"}`,
      newPassword: "x",
      deviceName: "New phone",
    });
    expect(typo.ok).toBe(false);

    const restored = await fresh.sync.recover({
      serverUrl: SERVER,
      username,
      recoveryKeyText: recovery.text.toLowerCase().replaceAll("-", " "),
      newPassword: "a new password to remember",
      deviceName: "New phone",
    });
    expect(restored).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(texts(fresh.client)).toEqual(["Egg retrieval booked."]));
    await writeNote(owner.client, "Written after the reset, on the old phone.");
    await vi.waitFor(() =>
      expect(owner.sync.snapshot.status).toMatchObject({
        phase: "error",
        reason: "unauthenticated",
        fatal: true,
      }),
    );

    const again = await device();
    expect(
      (
        await again.sync.signIn({
          serverUrl: SERVER,
          username,
          password: "a password I will forget",
          deviceName: "y",
        })
      ).ok,
    ).toBe(false);
    expect(
      (
        await again.sync.signIn({
          serverUrl: SERVER,
          username,
          password: "a new password to remember",
          deviceName: "y",
        })
      ).ok,
    ).toBe(true);
    await vi.waitFor(() => expect(texts(again.client)).toEqual(["Egg retrieval booked."]));
  });

  it("changes the password by re-wrapping only: the new one opens the same journey, the old one no longer works", async () => {
    const owner = await ownerWithAccount("Before the change.");
    // The session alone is not enough: the current password is proven first.
    const wrongCurrent = await owner.sync.changePassword({
      currentPassword: "not the password",
      newPassword: "second password, also long",
      signOutOthers: false,
    });
    expect(wrongCurrent).toEqual({ ok: false, error: { reason: "wrong-password" } });
    const changed = await owner.sync.changePassword({
      currentPassword: "first password, long enough",
      newPassword: "second password, also long",
      signOutOthers: false,
    });
    expect(changed).toEqual({ ok: true, value: undefined });
    await writeNote(owner.client, "After the change.");
    await vi.waitFor(() =>
      expect(owner.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    const other = await device();
    const old = await other.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "x",
    });
    expect(old.ok).toBe(false);
    const next = await other.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "second password, also long",
      deviceName: "x",
    });
    expect(next.ok).toBe(true);
    await vi.waitFor(() =>
      expect(texts(other.client)).toEqual(["After the change.", "Before the change."]),
    );
  });

  it("lists devices and signs another one out; that device erases what it held and says why", async () => {
    const owner = await ownerWithAccount();
    const laptop = await device();
    await laptop.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Old laptop",
    });
    await vi.waitFor(() => expect(laptop.sync.snapshot.status?.phase).toBe("synced"));
    const devices = await owner.sync.devices();
    if (!devices.ok) throw new Error(devices.error.reason);
    expect(devices.value.map((d) => [d.deviceName, d.current]).sort()).toEqual([
      ["Lea's phone", true],
      ["Old laptop", false],
    ]);
    const old = devices.value.find((d) => d.deviceName === "Old laptop")!;
    expect((await owner.sync.signOutDevice(old.sessionId)).ok).toBe(true);
    await writeNote(laptop.client, "Written after being signed out.");
    // Signed out from another device ("I lost my laptop"): it forgets
    // everything (signed-out-elsewhere.test.ts has the whole story).
    await vi.waitFor(() => expect(laptop.sync.snapshot.erasedElsewhere).toBe(true));
    expect(laptop.sync.snapshot.account).toBeNull();
    expect(texts(laptop.client)).toEqual([]);
  });

  it("refuses to sign in on a device that holds another record, and leaves nothing linked", async () => {
    const owner = await ownerWithAccount();
    const other = await device();
    await startJourney(other.client, "Someone else's record.");
    const r = await other.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "x",
    });
    expect(r).toEqual({ ok: false, error: { reason: "device-has-record" } });
    expect(other.sync.snapshot).toEqual({ account: null, vault: null, status: null });
    expect(texts(other.client)).toEqual(["Someone else's record."]);
  });

  it("deletes the account: the server forgets it, this device keeps its record and stops syncing", async () => {
    const owner = await ownerWithAccount("Kept on the phone.");
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    const password = "first password, long enough";
    const wrong = await owner.sync.deleteAccount({ confirmUsername: "someone-else", password });
    expect(wrong.ok).toBe(false);
    const wrongPassword = await owner.sync.deleteAccount({
      confirmUsername: owner.username,
      password: "not the password",
    });
    expect(wrongPassword).toEqual({ ok: false, error: { reason: "wrong-password" } });
    expect(devices.server.eventsOf(vaultId)).not.toEqual([]);
    expect((await owner.sync.deleteAccount({ confirmUsername: owner.username, password })).ok).toBe(
      true,
    );
    expect(devices.server.eventsOf(vaultId)).toEqual([]);
    expect(owner.sync.snapshot).toEqual({ account: null, vault: null, status: null });
    expect(texts(owner.client)).toEqual(["Kept on the phone."]);
  });
});

describe("a sign-in that ended", () => {
  const DAY = 86_400_000;

  it("after a month unused: sync says sign in again, every entry waits on the device, and signing in again sends them", async () => {
    const owner = await ownerWithAccount("Before the break.");
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    const onServer = devices.server.eventsOf(vaultId).length;
    expect(owner.sync.snapshot.signInNeeded).toBeUndefined();

    // A month and a day without this phone reaching the server: the session ends there.
    clock.ms += 31 * DAY;
    await writeNote(owner.client, "Written after a month away.");
    await vi.waitFor(() => expect(owner.sync.snapshot.signInNeeded).toBe(true));
    expect(owner.sync.snapshot.status).toMatchObject({
      phase: "error",
      reason: "unauthenticated",
      fatal: true,
    });
    await writeNote(owner.client, "And one more, still signed out.");
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.pending).toBe(2));
    expect(devices.server.eventsOf(vaultId)).toHaveLength(onServer);
    expect(texts(owner.client)).toEqual([
      "And one more, still signed out.",
      "Before the break.",
      "Written after a month away.",
    ]);
    // The account and record stay linked to this device; only the sign-in is missing.
    expect(owner.sync.snapshot.account?.username).toBe(owner.username);
    expect(owner.sync.snapshot.vault?.vaultId).toBe(vaultId);

    const back = await owner.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Lea's phone",
    });
    expect(back).toEqual({ ok: true, value: undefined });
    expect(owner.sync.snapshot.signInNeeded).toBeUndefined();
    await vi.waitFor(() =>
      expect(owner.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    expect(owner.sync.snapshot.vault?.vaultId).toBe(vaultId);
    expect(devices.server.eventsOf(vaultId)).toHaveLength(onServer + 2);

    // Another device sees everything, the entries written while signed out included.
    const laptop = await device();
    await laptop.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Laptop",
    });
    await vi.waitFor(() => expect(texts(laptop.client)).toEqual(texts(owner.client)));
  });

  it("the outbox survives closing the app while signed out", async () => {
    const owner = await ownerWithAccount("Kept through a restart.");
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    clock.ms += 181 * DAY;
    await writeNote(owner.client, "Written when the sign-in was too old.");
    await vi.waitFor(() => expect(owner.sync.snapshot.signInNeeded).toBe(true));
    await owner.sync.close();
    owner.client.close();

    const reopened = await device(devices.server.transport, owner.storage);
    expect(texts(reopened.client)).toContain("Written when the sign-in was too old.");
    await vi.waitFor(() => expect(reopened.sync.snapshot.signInNeeded).toBe(true));
    expect(reopened.sync.snapshot.status?.pending).toBe(1);
    expect(
      (
        await reopened.sync.signIn({
          serverUrl: SERVER,
          username: owner.username,
          password: "first password, long enough",
          deviceName: "Lea's phone",
        })
      ).ok,
    ).toBe(true);
    await vi.waitFor(() =>
      expect(reopened.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    expect(devices.server.eventsOf(vaultId)).toHaveLength(3);
  });

  it("signing in as someone else instead changes nothing: still signed out, entries still waiting", async () => {
    const owner = await ownerWithAccount("Mine.");
    const someoneElse = await ownerWithAccount("Theirs.");
    clock.ms += 31 * DAY;
    await writeNote(owner.client, "Waiting for the right account.");
    await vi.waitFor(() => expect(owner.sync.snapshot.signInNeeded).toBe(true));
    const wrong = await owner.sync.signIn({
      serverUrl: SERVER,
      username: someoneElse.username,
      password: "first password, long enough",
      deviceName: "x",
    });
    expect(wrong).toEqual({ ok: false, error: { reason: "device-has-record" } });
    expect(owner.sync.snapshot).toMatchObject({
      account: { username: owner.username },
      vault: { role: "owner" },
      signInNeeded: true,
    });
    expect(owner.sync.snapshot.status?.pending).toBe(1);
  });

  it("a partner waiting for the owner stops asking and says sign in again", async () => {
    const owner = await ownerWithAccount();
    const invite = await owner.sync.createInvite("partner", "https://trellis.test");
    if (!invite.ok) throw new Error(invite.error.reason);
    const partner = await device();
    await partner.sync.createAccount({
      serverUrl: SERVER,
      username: uniqueName("jonas"),
      password: "partner password, long enough",
      deviceName: "Jonas's phone",
      recovery: partner.sync.newRecoveryKey(),
    });
    expect((await partner.sync.acceptInvite(new URL(invite.value.link).hash)).ok).toBe(true);
    clock.ms += 31 * DAY;
    await vi.waitFor(() => expect(partner.sync.snapshot.signInNeeded).toBe(true));
    expect(partner.sync.snapshot.vault?.state).toBe("waiting");
  });
});

describe("a record and an account that came separately", () => {
  it("a record started after signing in to an empty account becomes that account's vault", async () => {
    const d = await device();
    const made = await d.sync.createAccount({
      serverUrl: SERVER,
      username: uniqueName("later"),
      password: "password password",
      deviceName: "x",
      recovery: d.sync.newRecoveryKey(),
    });
    expect(made.ok).toBe(true);
    expect(d.sync.snapshot.vault).toBeNull();
    await startJourney(d.client, "Started after the account.");
    await vi.waitFor(() => expect(d.sync.snapshot.vault?.role).toBe("owner"));
    await vi.waitFor(() =>
      expect(d.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    expect(devices.server.eventsOf(d.sync.snapshot.vault!.vaultId)).toHaveLength(2);
  });

  it("erasing the device stops sync and forgets the account; nothing comes back until signing in again", async () => {
    const owner = await ownerWithAccount("On the server too.");
    await owner.client.eraseDevice();
    expect(owner.sync.snapshot).toEqual({ account: null, vault: null, status: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(owner.client.state.eventCount).toBe(0);
    const back = await owner.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Lea's phone",
    });
    expect(back.ok).toBe(true);
    await vi.waitFor(() => expect(texts(owner.client)).toEqual(["On the server too."]));
  });
});

describe("sharing", () => {
  it("a partner joins with a link and the same safety code on both screens, then each sees the other's entries", async () => {
    const owner = await ownerWithAccount("Owner's first note.");
    const { partner } = await partnerJoins(owner, "partner");
    expect(texts(partner.client)).toEqual(["Owner's first note."]);
    expect(partner.client.canRecord).toBe(true);
    const dose = await writeNote(partner.client, "Jonas mixed and gave the 21:00 dose.");
    await vi.waitFor(() => expect(texts(owner.client)).toContain(dose.payload.text));
    await writeNote(owner.client, "Thanks for tonight.");
    await vi.waitFor(() => expect(texts(partner.client)).toContain("Thanks for tonight."));
  });

  it("the owner sees the invites made and revokes one; its link then says it was withdrawn", async () => {
    const owner = await ownerWithAccount();
    const first = await owner.sync.createInvite("partner", "https://trellis.test");
    const second = await owner.sync.createInvite("viewer", "https://trellis.test");
    if (!first.ok || !second.ok) throw new Error("invite");
    const listed = await owner.sync.invites();
    if (!listed.ok) throw new Error(listed.error.reason);
    expect(listed.value.map((i) => [i.role, i.status, i.expiresAt])).toEqual([
      ["viewer", "pending", second.value.expiresAt],
      ["partner", "pending", first.value.expiresAt],
    ]);
    const viewerInvite = listed.value[0]!;
    expect(await owner.sync.revokeInvite(viewerInvite.inviteId)).toEqual({
      ok: true,
      value: undefined,
    });
    const after = await owner.sync.invites();
    expect(after.ok && after.value.map((i) => i.status)).toEqual(["revoked", "pending"]);

    const wrongPerson = await device();
    await wrongPerson.sync.createAccount({
      serverUrl: SERVER,
      username: uniqueName("wrong"),
      password: "password password",
      deviceName: "x",
      recovery: wrongPerson.sync.newRecoveryKey(),
    });
    expect(await wrongPerson.sync.acceptInvite(new URL(second.value.link).hash)).toEqual({
      ok: false,
      error: { reason: "invite-revoked", status: 410 },
    });
    expect(wrongPerson.sync.snapshot.vault).toBeNull();
    // Someone who is not the owner is refused on the device, before asking.
    expect(await wrongPerson.sync.invites()).toEqual({
      ok: false,
      error: { reason: "no-vault" },
    });
  });

  it("an invite works once", async () => {
    const owner = await ownerWithAccount();
    const { invite } = await partnerJoins(owner, "partner");
    const third = await device();
    await third.sync.createAccount({
      serverUrl: SERVER,
      username: uniqueName("someone"),
      password: "password password",
      deviceName: "x",
      recovery: third.sync.newRecoveryKey(),
    });
    const again = await third.sync.acceptInvite(new URL(invite.link).hash);
    expect(again).toEqual({ ok: false, error: { reason: "invite-used", status: 410 } });
  });

  it("a viewer reads along but cannot record: the client refuses, and so would the server", async () => {
    const owner = await ownerWithAccount("Shared with a viewer.");
    const { partner: viewer } = await partnerJoins(owner, "viewer");
    expect(viewer.sync.snapshot.vault?.role).toBe("viewer");
    expect(viewer.client.canRecord).toBe(false);
    const r = await viewer.client.record("JournalNoteAdded", {
      noteId: viewer.client.newId(),
      text: "I should not be able to write this.",
      writtenAt: "2025-05-12T21:05:00+02:00[Europe/Berlin]",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe("read-only");
    const token = (await viewer.client.sync.getMeta<{ token: string }>("sync-account"))!.token;
    const sealed = createVaultCrypto({
      vaultId: viewer.sync.snapshot.vault!.vaultId,
      keys: (await viewer.client.sync.getMeta<StoredVault>(VAULT_KEY))!.keys.map((k) => {
        const key = VaultKey.decode(k);
        if (!key.ok) throw new Error("key");
        return key.value;
      }),
    }).seal({ ...(await writeNote(owner.client, "Owner's note.")), id: viewer.client.newId() });
    const refused = await createApi(devices.server.transport).append(
      token,
      viewer.sync.snapshot.vault!.vaultId,
      {
        events: [sealed],
      },
    );
    expect(refused).toEqual({ ok: false, error: { reason: "forbidden", status: 403 } });
    await writeNote(owner.client, "Viewer sees this.");
    await vi.waitFor(() => expect(texts(viewer.client)).toContain("Viewer sees this."));
  });

  it("removing a partner moves the vault to a new key: new events use it, and the partner sees nothing new", async () => {
    const owner = await ownerWithAccount("Before removal.");
    const { partner, accountId } = await partnerJoins(owner, "partner");
    const laptop = await device();
    await laptop.sync.signIn({
      serverUrl: SERVER,
      username: owner.username,
      password: "first password, long enough",
      deviceName: "Lea's laptop",
    });
    await vi.waitFor(() => expect(laptop.sync.snapshot.status?.phase).toBe("synced"));

    expect((await owner.sync.removeMember(accountId)).ok).toBe(true);
    await writeNote(owner.client, "After removal: private again.");
    await vi.waitFor(() =>
      expect(owner.sync.snapshot.status).toMatchObject({ phase: "synced", pending: 0 }),
    );
    const vaultId = owner.sync.snapshot.vault!.vaultId;
    const newest = devices.server.eventsOf(vaultId).at(-1)!;
    expect(eventEpoch(fromBase64(newest.body)!)).toBe(2);

    // The owner's other device picks up the new key and reads on.
    await vi.waitFor(() => expect(texts(laptop.client)).toContain("After removal: private again."));
    await writeNote(laptop.client, "Laptop after removal.");
    await vi.waitFor(() => expect(texts(owner.client)).toContain("Laptop after removal."));

    await vi.waitFor(() =>
      expect(partner.sync.snapshot.status).toMatchObject({ phase: "error", fatal: true }),
    );
    expect(texts(partner.client)).not.toContain("After removal: private again.");
    expect(texts(partner.client)).toContain("Before removal.");
  });
});

describe("what the server sends is checked", () => {
  it("an event that does not validate is held aside, never applied, and reported; it stays held after a restart", async () => {
    const owner = await ownerWithAccount("A good note.");
    const vault = (await owner.client.sync.getMeta<StoredVault>(VAULT_KEY))!;
    const key = VaultKey.decode(vault.keys[0]!);
    if (!key.ok) throw new Error("key");
    const crypto = createVaultCrypto({ vaultId: vault.vaultId, keys: [key.value] });
    const bad = {
      id: owner.client.newId(),
      hlc: "0196c4a0b000-00000000-aaaaaaaaaaaaaaaa",
      device: "aaaaaaaaaaaaaaaa",
      type: "JournalNoteAdded",
      schemaVersion: 1,
      payload: { noteId: "not-a-uuid", text: "", writtenAt: "yesterday" },
    };
    const sealed = crypto.seal(bad as never);
    const account = await owner.client.sync.getMeta<{ token: string }>("sync-account");
    const api = createApi(devices.server.transport);
    expect((await api.append(account!.token, vault.vaultId, { events: [sealed] })).ok).toBe(true);
    await vi.waitFor(() => expect(owner.sync.snapshot.status?.held).toBe(1));
    const held = await owner.client.sync.held();
    expect(held).toMatchObject([{ id: bad.id, reason: "invalid-event" }]);
    expect(texts(owner.client)).toEqual(["A good note."]);
    expect(owner.client.state.eventCount).toBe(2);

    // Closed and opened again (a restart): still held, still not applied, still reported.
    await owner.sync.close();
    const again = await device(devices.server.transport, owner.storage);
    expect(await again.client.sync.held()).toMatchObject([{ id: bad.id, reason: "invalid-event" }]);
    await vi.waitFor(() =>
      expect(again.sync.snapshot.status).toMatchObject({ phase: "synced", held: 1 }),
    );
    expect(again.client.state.eventCount).toBe(2);
  });
});
