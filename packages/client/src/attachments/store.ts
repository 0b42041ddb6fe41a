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

export async function openIndexedDbAttachmentStore(
  name: string = DEVICE_DATABASES.attachments,
): Promise<AttachmentStore> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
    // Forgetting the device deletes this database: let it, rather than block it.
    blocking() {
      db.close();
    },
  });
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
