/**
 * Sealed attachments kept on this device: the bytes `sealAttachment` made,
 * by attachment id, never the key (that lives in the event that shows the
 * photo). In a browser one IndexedDB database (`DEVICE_DATABASES.attachments`,
 * erased with the rest of the device); in memory for tests. Nothing here
 * talks to a server: a remembrance photo stays on the device that added it.
 */
import { type IDBPDatabase, openDB } from "idb";
import { DEVICE_DATABASES } from "../device-databases.ts";

export interface AttachmentStore {
  /** Keeps sealed bytes under an id; keeping the same id again replaces them. */
  put(attachmentId: string, sealed: Uint8Array): Promise<void>;
  /** The sealed bytes, or null when this device does not have them. */
  get(attachmentId: string): Promise<Uint8Array | null>;
  delete(attachmentId: string): Promise<void>;
  close(): void;
}

export function memoryAttachmentStore(): AttachmentStore {
  const kept = new Map<string, Uint8Array>();
  return {
    async put(id, sealed) {
      kept.set(id, sealed.slice());
    },
    async get(id) {
      return kept.get(id)?.slice() ?? null;
    },
    async delete(id) {
      kept.delete(id);
    },
    close() {},
  };
}

const STORE = "sealed";
/** Receipts still to be sent to (or deleted from) the record vault: `receipts.ts`. */
export const OUTBOX_STORE = "outbox";

/**
 * The device's attachment database, version 2: `sealed` (since version 1)
 * and `outbox` (what waits for the server). Every opener upgrades the same way.
 */
export async function openAttachmentDatabase(
  name: string = DEVICE_DATABASES.attachments,
): Promise<IDBPDatabase> {
  const db: IDBPDatabase = await openDB(name, 2, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
      if (!d.objectStoreNames.contains(OUTBOX_STORE)) d.createObjectStore(OUTBOX_STORE);
    },
    // Forgetting the device deletes this database, and a newer tab may
    // upgrade it: let either happen, rather than block it.
    blocking() {
      db.close();
    },
  });
  return db;
}

export async function openIndexedDbAttachmentStore(
  name: string = DEVICE_DATABASES.attachments,
): Promise<AttachmentStore> {
  const db = await openAttachmentDatabase(name);
  return {
    async put(id, sealed) {
      await db.put(STORE, sealed.slice(), id);
    },
    async get(id) {
      const value: unknown = await db.get(STORE, id);
      return value instanceof Uint8Array ? value : null;
    },
    async delete(id) {
      await db.delete(STORE, id);
    },
    close() {
      db.close();
    },
  };
}
