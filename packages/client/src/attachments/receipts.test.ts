/**
 * Receipts travel sealed: kept on the device without an account, sent to
 * the record vault once there is one, fetched and opened by the partner's
 * device with the key from the cost's event, and gone from both when
 * removed. Against the fake server, with real account sync on each device.
 */
import ExifReader from "exifreader";
import { describe, expect, it, vi } from "vitest";
import type { TestDevice } from "../sync/test-devices.ts";
import { syncDevices } from "../sync/test-devices.ts";
import { openIndexedDbReceiptOutbox } from "./outbox.ts";
import {
  type AttachmentVault,
  dropReceipt,
  flushReceipts,
  keepReceipt,
  memoryReceiptOutbox,
  openReceipt,
  prepareReceipt,
  RECEIPT_MAX_BYTES,
  type ReceiptDeps,
} from "./receipts.ts";
import { memoryAttachmentStore } from "./store.ts";
import { jpegJsPort, phonePhoto } from "./testing.ts";
import "fake-indexeddb/auto";

const devices = syncDevices();

/** The sealed bytes the server holds under (vault, id), from what it stores; null for none. */
function onServer(vaultId: string, id: string): Uint8Array | null {
  const dump = JSON.parse(devices.server.dump()) as {
    vaults: { id?: string; vaultId?: string; attachments: [string, string][] }[];
  };
  const vault = dump.vaults.find((v) => (v.vaultId ?? v.id) === vaultId);
  const found = vault?.attachments.find(([a]) => a === id);
  return found ? new Uint8Array(Buffer.from(found[1], "base64url")) : null;
}

const pdf = (text: string) =>
  new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

/** A small PDF receipt kept (and sent, with an account) for `d`'s next cost. */
async function keepPdf(
  deps: ReceiptDeps,
  d: TestDevice,
  text: string,
): Promise<Extract<Awaited<ReturnType<typeof keepReceipt>>, { ok: true }>> {
  const kept = await keepReceipt(
    deps,
    { bytes: pdf(text), type: "application/pdf" },
    d.client.newId(),
    jpegJsPort,
  );
  if (!kept.ok) throw new Error(kept.error);
  return kept;
}

async function startJourney(d: TestDevice) {
  const r = await d.client.record("JourneyCreated", {
    displayName: "Maya",
    dateOfBirth: "1988-03-02",
    homeZone: "Europe/London",
    createdAt: "2025-05-12T21:00:00+01:00[Europe/London]",
  });
  expect(r.ok).toBe(true);
}

function depsOf(
  d: TestDevice,
  outbox = memoryReceiptOutbox(),
): ReceiptDeps & {
  readonly store: ReturnType<typeof memoryAttachmentStore>;
} {
  const store = memoryAttachmentStore();
  return {
    store,
    outbox,
    get vault() {
      return d.sync.recordAttachments();
    },
  };
}

async function memberJoins(
  owner: TestDevice,
  role: "partner" | "viewer" = "partner",
): Promise<TestDevice> {
  const invite = await owner.sync.createInvite(role, "https://trellis.test");
  if (!invite.ok) throw new Error(invite.error.reason);
  const partner = await devices.device();
  await devices.account(partner, "jonas");
  const accepted = await partner.sync.acceptInvite(new URL(invite.value.link).hash);
  if (!accepted.ok) throw new Error(accepted.error.reason);
  const members = await owner.sync.members();
  if (!members.ok) throw new Error(members.error.reason);
  const pending = members.value.find((m) => m.status === "pending")!;
  expect(owner.sync.safetyCodeWith(pending).ok).toBe(true);
  expect((await owner.sync.confirmMember(pending.accountId)).ok).toBe(true);
  await vi.waitFor(() => expect(partner.sync.snapshot.vault?.state).toBe("active"));
  return partner;
}

describe("preparing a receipt", () => {
  it("a phone photo leaves without its EXIF, a PDF as it is, anything else is refused", async () => {
    const photo = await prepareReceipt(
      { bytes: phonePhoto(2000, 1000), type: "image/jpeg" },
      jpegJsPort,
    );
    if (!photo.ok) throw new Error(photo.error);
    expect(photo.value.mediaType).toBe("image/jpeg");
    const tags = ExifReader.load(photo.value.bytes.buffer.slice(0) as ArrayBuffer);
    expect(tags.GPSLatitude).toBeUndefined();
    expect(tags.Make).toBeUndefined();

    const invoice = pdf("Invoice 1234");
    expect(await prepareReceipt({ bytes: invoice, type: "application/pdf" }, jpegJsPort)).toEqual({
      ok: true,
      value: { bytes: invoice, mediaType: "application/pdf" },
    });
    const words = new TextEncoder().encode("not a receipt");
    expect(await prepareReceipt({ bytes: words, type: "application/pdf" }, jpegJsPort)).toEqual({
      ok: false,
      error: "not-a-receipt",
    });
    expect(await prepareReceipt({ bytes: words, type: "text/plain" }, jpegJsPort)).toEqual({
      ok: false,
      error: "not-a-receipt",
    });
    const huge = new Uint8Array(RECEIPT_MAX_BYTES + 1);
    huge.set(pdf("big"));
    expect(await prepareReceipt({ bytes: huge, type: "application/pdf" }, jpegJsPort)).toEqual({
      ok: false,
      error: "receipt-too-large",
    });
  });
});

describe("a receipt and the record vault", () => {
  it("kept on the device without an account, sent when sync starts, opened by the partner", async () => {
    const maya = await devices.device();
    await startJourney(maya);
    const mine = depsOf(maya);
    expect(mine.vault).toBeNull();

    const id = maya.client.newId();
    const kept = await keepReceipt(
      mine,
      { bytes: phonePhoto(800, 600), type: "image/jpeg" },
      id,
      jpegJsPort,
    );
    if (!kept.ok) throw new Error(kept.error);
    // On this device, sealed: the key is not in the store, the receipt opens with it.
    const opened = await openReceipt(mine, kept.value);
    expect(opened.ok && opened.value.length).toBe(kept.value.bytes);
    expect(await mine.outbox.all()).toEqual([{ attachmentId: id, step: "upload" }]);

    // An account: the vault becomes active, and what waited goes up.
    await devices.account(maya, "maya");
    await vi.waitFor(() => expect(maya.sync.recordAttachments()).not.toBeNull());
    expect(await flushReceipts(mine)).toEqual({ uploaded: 1, deleted: 0, waiting: 0 });
    const vaultId = maya.sync.snapshot.vault!.vaultId;
    const stored = onServer(vaultId, id);
    expect(stored).toEqual(await mine.store.get(id));

    // The partner's device holds nothing of it until it asks, then opens it with the event's key.
    const jonas = await memberJoins(maya);
    const theirs = depsOf(jonas);
    expect(await theirs.store.get(id)).toBeNull();
    // A server that hands over spoiled bytes once: nothing opens, and nothing is kept.
    const real = theirs.vault!;
    const spoiled = Uint8Array.from(stored!, (b, i) => (i === 60 ? b ^ 1 : b));
    const lying: AttachmentVault = {
      put: (a, bytes) => real.put(a, bytes),
      get: async () => ({ ok: true, value: spoiled }),
      delete: (a) => real.delete(a),
    };
    expect(await openReceipt({ ...theirs, vault: lying }, kept.value)).toEqual({
      ok: false,
      error: "damaged",
    });
    expect(await theirs.store.get(id)).toBeNull();
    const fetched = await openReceipt(theirs, kept.value);
    expect(fetched).toEqual(opened);
    // Kept there now: it opens again without the server.
    expect(await openReceipt({ ...theirs, vault: null }, kept.value)).toEqual(opened);
    // With another key, nothing opens.
    const wrong = await keepPdf(theirs, jonas, "other");
    expect(await openReceipt(theirs, { attachmentId: id, key: wrong.value.key })).toEqual({
      ok: false,
      error: "damaged",
    });

    // Removed by the partner: gone from the server; Maya's device still has its own copy to forget.
    await dropReceipt(theirs, id);
    expect(onServer(vaultId, id)).toBeNull();
    expect(await theirs.store.get(id)).toBeNull();
    await dropReceipt(mine, id);
    expect(await mine.store.get(id)).toBeNull();
    expect(await openReceipt(mine, kept.value)).toEqual({ ok: false, error: "not-on-this-device" });
  });

  it("offline, an upload and a removal wait in the outbox, and go once the server answers", async () => {
    const maya = await devices.device();
    await startJourney(maya);
    await devices.account(maya, "maya");
    await vi.waitFor(() => expect(maya.sync.recordAttachments()).not.toBeNull());
    const real = maya.sync.recordAttachments()!;
    let online = false;
    const offline = { ok: false as const, error: { reason: "offline" } };
    const flaky: AttachmentVault = {
      put: (id, sealed) => (online ? real.put(id, sealed) : Promise.resolve(offline)),
      get: (id) => (online ? real.get(id) : Promise.resolve(offline)),
      delete: (id) => (online ? real.delete(id) : Promise.resolve(offline)),
    };
    const deps = { store: memoryAttachmentStore(), outbox: memoryReceiptOutbox(), vault: flaky };
    const vaultId = maya.sync.snapshot.vault!.vaultId;

    const first = await keepReceipt(
      deps,
      { bytes: pdf("first"), type: "application/pdf" },
      maya.client.newId(),
      jpegJsPort,
    );
    const second = await keepReceipt(
      deps,
      { bytes: pdf("second"), type: "application/pdf" },
      maya.client.newId(),
      jpegJsPort,
    );
    if (!first.ok || !second.ok) throw new Error("kept");
    expect((await deps.outbox.all()).length).toBe(2);
    online = true;
    expect(await flushReceipts(deps)).toEqual({ uploaded: 2, deleted: 0, waiting: 0 });
    expect(onServer(vaultId, first.value.attachmentId)).not.toBeNull();

    online = false;
    await dropReceipt(deps, first.value.attachmentId);
    expect(await deps.outbox.all()).toEqual([
      { attachmentId: first.value.attachmentId, step: "delete" },
    ]);
    expect(onServer(vaultId, first.value.attachmentId)).not.toBeNull();
    expect(await flushReceipts(deps)).toEqual({ uploaded: 0, deleted: 0, waiting: 1 });
    online = true;
    expect(await flushReceipts(deps)).toEqual({ uploaded: 0, deleted: 1, waiting: 0 });
    expect(onServer(vaultId, first.value.attachmentId)).toBeNull();
    expect(onServer(vaultId, second.value.attachmentId)).not.toBeNull();
  });

  it("one never sent is only taken out of the outbox; a viewer opens a receipt but cannot send or delete one", async () => {
    const maya = await devices.device();
    await startJourney(maya);
    const deps = depsOf(maya);
    const never = await keepPdf(deps, maya, "x");
    await dropReceipt(deps, never.value.attachmentId);
    expect(await deps.outbox.all()).toEqual([]);
    expect(await deps.store.get(never.value.attachmentId)).toBeNull();

    await devices.account(maya, "maya");
    await vi.waitFor(() => expect(maya.sync.recordAttachments()).not.toBeNull());
    const sent = await keepPdf(deps, maya, "sent");
    const vaultId = maya.sync.snapshot.vault!.vaultId;
    expect(onServer(vaultId, sent.value.attachmentId)).not.toBeNull();

    const viewer = await memberJoins(maya, "viewer");
    const theirs = depsOf(viewer);
    expect((await openReceipt(theirs, sent.value)).ok).toBe(true);
    const own = await keepPdf(theirs, viewer, "viewer");
    expect(onServer(vaultId, own.value.attachmentId)).toBeNull();
    expect(await flushReceipts(theirs)).toEqual({ uploaded: 0, deleted: 0, waiting: 1 });
    await dropReceipt(theirs, sent.value.attachmentId);
    expect(onServer(vaultId, sent.value.attachmentId)).not.toBeNull();
    // Not theirs to delete: nothing waits in the outbox to try again for ever.
    expect(await theirs.outbox.step(sent.value.attachmentId)).toBeNull();
  });
});

describe("a receipt removed while the server cannot be reached", () => {
  it("is deleted on the server later, also when the outbox still said it was to be sent", async () => {
    const maya = await devices.device();
    await startJourney(maya);
    await devices.account(maya, "maya");
    await vi.waitFor(() => expect(maya.sync.recordAttachments()).not.toBeNull());
    let offline = false;
    const outbox = memoryReceiptOutbox();
    const store = memoryAttachmentStore();
    const deps: ReceiptDeps = {
      store,
      outbox,
      get vault() {
        const v = maya.sync.recordAttachments();
        if (!v) return null;
        const down = Promise.resolve({ ok: false as const, error: { reason: "network" } });
        return { ...v, delete: (id: string) => (offline ? down : v.delete(id)) };
      },
    };
    const vaultId = maya.sync.snapshot.vault!.vaultId;
    const kept = await keepPdf(deps, maya, "sent, then the app closed");
    const id = kept.value.attachmentId;
    expect(onServer(vaultId, id)).not.toBeNull();
    // The app closed between sending the bytes and noting it: the outbox still says "upload".
    await outbox.mark(id, "upload");

    offline = true;
    await dropReceipt(deps, id);
    expect(await store.get(id)).toBeNull();
    expect(await outbox.all()).toEqual([{ attachmentId: id, step: "delete" }]);
    expect(onServer(vaultId, id)).not.toBeNull();

    offline = false;
    expect(await flushReceipts(deps)).toEqual({ uploaded: 0, deleted: 1, waiting: 0 });
    expect(onServer(vaultId, id)).toBeNull();
  });
});

describe("the outbox in IndexedDB", () => {
  it("remembers each receipt's step, and forgets it when cleared", async () => {
    const outbox = await openIndexedDbReceiptOutbox("trellis-attachments-outbox-test");
    await outbox.mark("a", "upload");
    await outbox.mark("b", "delete");
    await outbox.mark("a", "delete");
    expect(await outbox.step("a")).toBe("delete");
    expect(await outbox.all()).toEqual([
      { attachmentId: "a", step: "delete" },
      { attachmentId: "b", step: "delete" },
    ]);
    await outbox.clear("a");
    expect(await outbox.step("a")).toBeNull();
    expect(await outbox.all()).toEqual([{ attachmentId: "b", step: "delete" }]);
    outbox.close();
  });
});
