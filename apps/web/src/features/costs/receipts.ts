/**
 * Receipts on this device and in the record vault: the web side of
 * `@trellis/client/attachments`' receipt pipeline. The code (and libsodium)
 * loads only when a receipt is added, opened or removed, or when something
 * waits to be sent. The store is the device's attachment database (the one
 * remembrance photos use, erased with the device); the vault is account
 * sync's, read at each use, so a receipt added before the account existed
 * goes up as soon as there is one (`flushWaitingReceipts`).
 */

import { DEVICE_DATABASES } from "@trellis/client";
import type { AttachmentStore, ReceiptOutbox, ReceiptRef } from "@trellis/client/attachments";
import type { AccountSync } from "@trellis/client/sync";

const attachments = () => import("@trellis/client/attachments");

interface Kept {
  readonly store: AttachmentStore;
  readonly outbox: ReceiptOutbox;
}

let opened: Promise<Kept> | null = null;

/** Whether this device has an attachment database at all (where the browser can say). */
async function attachmentsKeptHere(): Promise<boolean> {
  if (typeof indexedDB.databases !== "function") return true;
  const names = (await indexedDB.databases()).map((d) => d.name);
  return names.includes(DEVICE_DATABASES.attachments);
}

function kept(): Promise<Kept> {
  opened ??= attachments().then(async (m) => ({
    store: await m.openIndexedDbAttachmentStore(),
    outbox: await m.openIndexedDbReceiptOutbox(),
  }));
  // A failed open (the device was just forgotten) is tried again next time.
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

/** Tests (happy-dom) keep receipts in memory. */
export function setReceiptStoreForTests(store: AttachmentStore, outbox: ReceiptOutbox): void {
  opened = Promise.resolve({ store, outbox });
}

async function deps(sync: AccountSync | null) {
  const k = await kept();
  return { ...k, vault: sync?.recordAttachments() ?? null };
}

export type KeptReceipt =
  | { readonly ok: true; readonly receipt: ReceiptRef }
  | {
      readonly ok: false;
      readonly reason: "not-a-receipt" | "receipt-too-large" | "failed";
    };

/** Prepares (a photo: smaller, upright, no metadata), seals and keeps a picked file; sends it when it can. */
export async function keepReceiptFile(
  file: File,
  attachmentId: string,
  sync: AccountSync | null,
): Promise<KeptReceipt> {
  try {
    const m = await attachments();
    const r = await m.keepReceipt(
      await deps(sync),
      { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type },
      attachmentId,
      m.canvasImagePort,
    );
    return r.ok ? { ok: true, receipt: r.value } : { ok: false, reason: r.error };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

export type OpenedReceipt =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: "not-on-this-device" | "unavailable" | "damaged" };

/** The receipt's bytes, from this device or fetched from the account's vault. */
export async function openReceiptBytes(
  receipt: Pick<ReceiptRef, "attachmentId" | "key">,
  sync: AccountSync | null,
): Promise<OpenedReceipt> {
  try {
    const m = await attachments();
    const r = await m.openReceipt(await deps(sync), receipt);
    return r.ok ? { ok: true, bytes: r.value } : { ok: false, reason: r.error };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}

/** Deletes a receipt here and from the account's vault (now, or once it can). Never throws. */
export async function forgetReceipt(attachmentId: string, sync: AccountSync | null): Promise<void> {
  try {
    const m = await attachments();
    await m.dropReceipt(await deps(sync), attachmentId);
  } catch {
    // Kept on the device: the next removal or flush tries again.
  }
}

/** Sends what waits (receipts added before the account, or offline) once the vault is there. */
export async function flushWaitingReceipts(sync: AccountSync): Promise<void> {
  if (!sync.recordAttachments()) return;
  // Opening the database would make it: a device that never kept a receipt
  // (or a photo) has nothing waiting, and keeps no empty database for it.
  if (!(await attachmentsKeptHere())) return;
  try {
    const m = await attachments();
    await m.flushReceipts(await deps(sync));
  } catch {
    // Tried again at the next change of sync's status.
  }
}
