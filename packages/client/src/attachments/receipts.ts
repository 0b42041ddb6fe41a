/**
 * Receipts for costs: a photo or a PDF, sealed under a key of its own and
 * kept on this device; the key rides only in the cost's event (`receipt`).
 *
 * - A photo goes through `preparePhoto` first (upright, at most 1600 px,
 *   every metadata segment out). A PDF is kept as it is, once its first
 *   bytes say it is one.
 * - With an account, the sealed bytes go to the record vault's attachment
 *   route, so the partner's devices fetch them and open them with the key
 *   from the event. Without one (or offline), the outbox remembers what is
 *   still to be sent and `flushReceipts` sends it once sync can.
 * - Removing a receipt (or its cost) deletes the sealed bytes here and on
 *   the server (at once, or from the outbox later).
 *
 * The server only ever holds sealed bytes under an id the device chose.
 */
import { AttachmentKey, openAttachment, ready, sealAttachment } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import { MAX_ATTACHMENT_BYTES } from "@trellis/sync";
import { type ImagePort, PHOTO_MAX_INPUT_BYTES, preparePhoto } from "./photo.ts";
import type { AttachmentStore } from "./store.ts";

/** What a cost's event holds of its receipt (`CostRecorded.receipt`). */
export interface ReceiptRef {
  readonly attachmentId: string;
  /** `AttachmentKey.encode` of the receipt's own key. */
  readonly key: string;
  /** `image/jpeg` (a prepared photo) or `application/pdf`. */
  readonly mediaType: string;
  /** Size of the receipt itself (before sealing), in bytes. */
  readonly bytes: number;
}

export type ReceiptRefusal = "not-a-receipt" | "receipt-too-large";

/** The record vault's attachment route, as the device's account reaches it. */
export interface AttachmentVault {
  put(attachmentId: string, sealed: Uint8Array): Promise<Result<unknown, { reason: string }>>;
  get(attachmentId: string): Promise<Result<Uint8Array, { reason: string }>>;
  delete(attachmentId: string): Promise<Result<unknown, { reason: string }>>;
}

/** What waits for the server, by attachment id. */
export type OutboxStep = "upload" | "delete";

export interface ReceiptOutbox {
  mark(attachmentId: string, step: OutboxStep): Promise<void>;
  step(attachmentId: string): Promise<OutboxStep | null>;
  clear(attachmentId: string): Promise<void>;
  all(): Promise<{ attachmentId: string; step: OutboxStep }[]>;
}

export interface ReceiptDeps {
  readonly store: AttachmentStore;
  readonly outbox: ReceiptOutbox;
  /** The record vault, or null without an account (or with a vault not active yet). */
  readonly vault: AttachmentVault | null;
}

/** The largest receipt kept: a sealed one must fit the server's limit for an attachment. */
export const RECEIPT_MAX_BYTES = MAX_ATTACHMENT_BYTES - 1024;

export const RECEIPT_PDF = "application/pdf";

const isPdf = (bytes: Uint8Array) =>
  bytes.length > 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";

/** A picked file as a receipt's bytes: a photo prepared, a PDF as it is, anything else refused. */
export async function prepareReceipt(
  file: { readonly bytes: Uint8Array; readonly type: string },
  port: ImagePort,
): Promise<Result<{ bytes: Uint8Array; mediaType: string }, ReceiptRefusal>> {
  if (file.type === RECEIPT_PDF || (file.type === "" && isPdf(file.bytes))) {
    if (!isPdf(file.bytes)) return { ok: false, error: "not-a-receipt" };
    if (file.bytes.length > RECEIPT_MAX_BYTES) return { ok: false, error: "receipt-too-large" };
    return { ok: true, value: { bytes: file.bytes, mediaType: RECEIPT_PDF } };
  }
  if (file.bytes.length > PHOTO_MAX_INPUT_BYTES) return { ok: false, error: "receipt-too-large" };
  const photo = await preparePhoto(file, port);
  if (!photo.ok) {
    return {
      ok: false,
      error: photo.reason === "photo-too-large" ? "receipt-too-large" : "not-a-receipt",
    };
  }
  if (photo.value.bytes.length > RECEIPT_MAX_BYTES)
    return { ok: false, error: "receipt-too-large" };
  return { ok: true, value: { bytes: photo.value.bytes, mediaType: photo.value.type } };
}

/**
 * Prepares, seals and keeps a receipt under `attachmentId`, and sends it at
 * once when there is a vault (the outbox keeps it otherwise, and when
 * sending fails). The reference to put on the cost.
 */
export async function keepReceipt(
  deps: ReceiptDeps,
  file: { readonly bytes: Uint8Array; readonly type: string },
  attachmentId: string,
  port: ImagePort,
): Promise<Result<ReceiptRef, ReceiptRefusal>> {
  const prepared = await prepareReceipt(file, port);
  if (!prepared.ok) return prepared;
  await ready();
  const { key, sealed } = sealAttachment(attachmentId, prepared.value.bytes);
  await deps.store.put(attachmentId, sealed);
  await deps.outbox.mark(attachmentId, "upload");
  if (deps.vault) await flushReceipts(deps);
  return {
    ok: true,
    value: {
      attachmentId,
      key: AttachmentKey.encode(key),
      mediaType: prepared.value.mediaType,
      bytes: prepared.value.bytes.length,
    },
  };
}

export type ReceiptOpenFailure = "not-on-this-device" | "unavailable" | "damaged";

/**
 * The receipt's bytes: from this device, or fetched from the record vault
 * (and kept here for next time) when another device added it.
 */
export async function openReceipt(
  deps: ReceiptDeps,
  ref: Pick<ReceiptRef, "attachmentId" | "key">,
): Promise<Result<Uint8Array, ReceiptOpenFailure>> {
  await ready();
  const key = AttachmentKey.decode(ref.key);
  if (!key.ok) return { ok: false, error: "damaged" };
  const kept = await deps.store.get(ref.attachmentId);
  if (kept) {
    const opened = openAttachment(ref.attachmentId, key.value, kept);
    return opened.ok ? opened : { ok: false, error: "damaged" };
  }
  if (!deps.vault) return { ok: false, error: "not-on-this-device" };
  const got = await deps.vault.get(ref.attachmentId);
  if (!got.ok) {
    return {
      ok: false,
      error: got.error.reason === "not-found" ? "not-on-this-device" : "unavailable",
    };
  }
  // Kept only once it opens: bytes a server spoiled are never kept, so the
  // next try fetches again.
  const opened = openAttachment(ref.attachmentId, key.value, got.value);
  if (!opened.ok) return { ok: false, error: "damaged" };
  await deps.store.put(ref.attachmentId, got.value);
  return opened;
}

/**
 * Forgets a receipt: its sealed bytes here, and on the server (now when it
 * can, else from the outbox). One never sent is only taken out of the outbox.
 */
export async function dropReceipt(deps: ReceiptDeps, attachmentId: string): Promise<void> {
  await deps.store.delete(attachmentId);
  const neverSent = (await deps.outbox.step(attachmentId)) === "upload";
  // Even one the outbox still holds may have reached the server (the app
  // closed between sending and noting it): the server is asked to forget too,
  // and if it cannot be asked now, the outbox asks later.
  if (deps.vault) {
    if (deleteSettled(await deps.vault.delete(attachmentId))) {
      await deps.outbox.clear(attachmentId);
      return;
    }
  } else if (neverSent) {
    await deps.outbox.clear(attachmentId);
    return;
  }
  await deps.outbox.mark(attachmentId, "delete");
}

/**
 * A delete that is done, or that this device may never do (a viewer's
 * device): nothing is left to try. Anything else (offline, the server
 * down) is tried again from the outbox.
 */
function deleteSettled(removed: Result<unknown, { reason: string }>): boolean {
  return removed.ok || removed.error.reason === "not-found" || removed.error.reason === "forbidden";
}

export interface Flushed {
  readonly uploaded: number;
  readonly deleted: number;
  /** Still in the outbox: the server could not be reached, or refused for now. */
  readonly waiting: number;
}

const flushing = new WeakMap<ReceiptOutbox, Promise<Flushed>>();

/**
 * Sends what the outbox holds to the record vault: uploads, then deletes.
 * One run at a time per outbox (a second call waits for the first and runs
 * again). Stops at the first failure that is not about one receipt alone
 * (offline, signed out), leaving the rest for next time.
 */
export async function flushReceipts(deps: ReceiptDeps): Promise<Flushed> {
  const vault = deps.vault;
  if (!vault) return { uploaded: 0, deleted: 0, waiting: (await deps.outbox.all()).length };
  const before = flushing.get(deps.outbox);
  const run = (async () => {
    await before?.catch(() => undefined);
    return flushOnce(deps, vault);
  })();
  flushing.set(deps.outbox, run);
  try {
    return await run;
  } finally {
    if (flushing.get(deps.outbox) === run) flushing.delete(deps.outbox);
  }
}

/** Failures about this receipt only: the next one may still go. */
const aboutOne = new Set(["invalid-request", "body-too-large"]);

async function flushOnce(deps: ReceiptDeps, vault: AttachmentVault): Promise<Flushed> {
  let uploaded = 0;
  let deleted = 0;
  const waiting = await deps.outbox.all();
  let stopped = false;
  for (const { attachmentId, step } of waiting) {
    if (stopped) break;
    if (step === "upload") {
      const sealed = await deps.store.get(attachmentId);
      if (!sealed) {
        await deps.outbox.clear(attachmentId);
        continue;
      }
      const put = await vault.put(attachmentId, sealed);
      if (put.ok) {
        uploaded++;
        await deps.outbox.clear(attachmentId);
      } else if (aboutOne.has(put.error.reason)) {
        // The server will never take these bytes under this id: keep them here only.
        await deps.outbox.clear(attachmentId);
      } else {
        stopped = true;
      }
    } else {
      const removed = await vault.delete(attachmentId);
      if (deleteSettled(removed)) {
        if (removed.ok || removed.error.reason !== "forbidden") deleted++;
        await deps.outbox.clear(attachmentId);
      } else {
        stopped = true;
      }
    }
  }
  return { uploaded, deleted, waiting: (await deps.outbox.all()).length };
}

export function memoryReceiptOutbox(): ReceiptOutbox {
  const kept = new Map<string, OutboxStep>();
  return {
    async mark(id, step) {
      kept.set(id, step);
    },
    async step(id) {
      return kept.get(id) ?? null;
    },
    async clear(id) {
      kept.delete(id);
    },
    async all() {
      return [...kept].map(([attachmentId, step]) => ({ attachmentId, step }));
    },
  };
}
