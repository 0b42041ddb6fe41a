/**
 * What is mine stays mine: a private remembrance or journal note (and what is
 * done to it later) never enters the outbox, however it arrives in the log;
 * this device's own settings are not moved by a partner's shared preferences.
 */
import { describe, expect, it } from "vitest";
import { openClient } from "../client.ts";
import { memoryStorage } from "../storage.ts";

let t = Date.UTC(2026, 4, 12, 1, 0);
const clock = () => (t += 1_000);
const zone = "America/Chicago";
const at = "2026-05-11T20:00:00-05:00[America/Chicago]";

async function ownerWithRecord() {
  const storage = memoryStorage();
  const client = await openClient({ storage, now: clock });
  await client.record("JourneyCreated", {
    displayName: "Ana",
    dateOfBirth: "1987-09-03",
    homeZone: zone,
    createdAt: at,
  });
  return { storage, client };
}

describe("a remembrance or note kept private", () => {
  it("never reaches the outbox, nor do its changes; a shared one does", async () => {
    const { storage, client } = await ownerWithRecord();
    const mine = client.newId();
    const ours = client.newId();
    const added = await client.record("RemembranceAdded", {
      remembranceId: mine,
      name: "Bean",
      date: "2026-04-20",
      private: true,
    });
    const changed = await client.record("RemembranceChanged", {
      remembranceId: mine,
      note: "We planted a tree.",
    });
    const shared = await client.record("RemembranceAdded", {
      remembranceId: ours,
      date: "2026-04-20",
      private: false,
    });
    const batch = await client.recordBatch([
      {
        type: "JournalNoteAdded",
        payload: { noteId: client.newId(), text: "Only mine.", writtenAt: at, private: true },
      },
      {
        type: "JournalNoteAdded",
        payload: { noteId: client.newId(), text: "For us both.", writtenAt: at },
      },
    ]);
    if (!batch.ok) throw new Error("not recorded");
    const [privateNote, sharedNote] = batch.value;
    if (!added.ok || !changed.ok || !shared.ok) throw new Error("not recorded");

    const outbox = new Set(await storage.loadOutbox());
    expect(outbox.has(added.value.id)).toBe(false);
    expect(outbox.has(changed.value.id)).toBe(false);
    expect(outbox.has(shared.value.id)).toBe(true);
    expect(outbox.has(privateNote!.id)).toBe(false);
    expect(outbox.has(sharedNote!.id)).toBe(true);
    const pending = client.sync.pending().map((e) => e.id);
    expect(pending).not.toContain(added.value.id);
    expect(pending).toContain(shared.value.id);
    // Still in the record on this device, and in its export.
    expect(client.state.remembrances.get(mine)?.note).toBe("We planted a tree.");
    const exported = await client.exportAll();
    expect(exported.events.map((e) => (e as { id: string }).id)).toContain(added.value.id);
  });

  it("stays out when the whole record becomes a vault, and when restored from an export", async () => {
    const { client } = await ownerWithRecord();
    const mine = await client.record("RemembranceAdded", {
      remembranceId: client.newId(),
      note: "For me.",
      private: true,
    });
    if (!mine.ok) throw new Error("not recorded");
    await client.sync.acknowledge(client.sync.pending().map((e) => e.id));
    await client.sync.enqueueAll();
    const queued = client.sync.pending().map((e) => e.id);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued).not.toContain(mine.value.id);

    const file = await client.exportAll();
    const fresh = await openClient({ storage: memoryStorage(), now: clock });
    const imported = await fresh.importFile(file);
    expect(imported.ok).toBe(true);
    const freshQueue = fresh.sync.pending().map((e) => e.id);
    expect(freshQueue.length).toBe(file.events.length - 1);
    expect(freshQueue).not.toContain(mine.value.id);
  });
});

describe("this device's own settings", () => {
  it("a partner's preference change arriving by sync leaves this device's words and quiet mode alone", async () => {
    const { client } = await ownerWithRecord();
    expect(client.deviceSettings).toEqual({ notificationsShowNames: false, quietMode: false });
    const quiet = await client.changeDeviceSettings({ quietMode: true });
    expect(quiet.ok).toBe(true);

    // The partner's phone records a shared preference change; it reaches this device.
    const partner = await openClient({ storage: memoryStorage(), now: clock });
    await partner.importFile(await client.exportAll());
    const theirs = await partner.record("PreferencesUpdated", {
      notificationsShowNames: true,
      quietMode: false,
      weightUnit: "lb",
    });
    if (!theirs.ok) throw new Error("not recorded");
    await client.sync.receive([theirs.value]);

    expect(client.state.preferences.notificationsShowNames).toBe(false);
    expect(client.state.preferences.quietMode).toBe(true);
    // Shared preferences still reach this device: the units are the record's.
    expect(client.state.preferences.weightUnit).toBe("lb");
  });

  it("a fresh phone restoring an export takes the person's quiet mode with it, then keeps its own", async () => {
    const { client } = await ownerWithRecord();
    await client.record("PreferencesUpdated", { quietMode: true });
    const file = await client.exportAll();

    const fresh = await openClient({ storage: memoryStorage(), now: clock });
    expect(fresh.state.preferences.quietMode).toBe(false);
    expect((await fresh.importFile(file)).ok).toBe(true);
    expect(fresh.deviceSettings.quietMode).toBe(true);
    expect(fresh.state.preferences.quietMode).toBe(true);

    // From now on the record's quiet mode no longer moves this phone's.
    const off = await client.record("PreferencesUpdated", { quietMode: false });
    if (!off.ok) throw new Error("not recorded");
    await fresh.sync.receive([off.value]);
    expect(fresh.state.preferences.quietMode).toBe(true);
  });

  it("survive a restart, can be taken away, and refuse bad input without changing", async () => {
    const { storage, client } = await ownerWithRecord();
    await client.changeDeviceSettings({ readerName: "Ana", weightUnit: "lb" });
    const again = await openClient({ storage, now: clock });
    expect(again.deviceSettings).toMatchObject({ readerName: "Ana", weightUnit: "lb" });
    expect(again.state.preferences.weightUnit).toBe("lb");

    const bad = await again.changeDeviceSettings({ weightUnit: "stone" as never });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe("weightUnit");
    expect(again.deviceSettings.weightUnit).toBe("lb");

    await again.changeDeviceSettings({ weightUnit: null });
    expect(again.deviceSettings.weightUnit).toBeUndefined();
    expect(again.state.preferences.weightUnit).toBe("kg");
  });
});
