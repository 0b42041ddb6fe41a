/**
 * The receipts' outbox on this device: which sealed attachments still have to
 * reach the record vault (`upload`) or leave it (`delete`), by attachment id.
 * In the device's attachment database, next to the sealed bytes, so
 * forgetting the device forgets it too. Ids only: no key, no bytes.
 */
import { DEVICE_DATABASES } from "../device-databases.ts";
import type { OutboxStep, ReceiptOutbox } from "./receipts.ts";
import { OUTBOX_STORE, openAttachmentDatabase } from "./store.ts";

export async function openIndexedDbReceiptOutbox(
  name: string = DEVICE_DATABASES.attachments,
): Promise<ReceiptOutbox & { close(): void }> {
  const db = await openAttachmentDatabase(name);
  return {
    async mark(id, step) {
      await db.put(OUTBOX_STORE, step, id);
    },
    async step(id) {
      const value: unknown = await db.get(OUTBOX_STORE, id);
      return value === "upload" || value === "delete" ? value : null;
    },
    async clear(id) {
      await db.delete(OUTBOX_STORE, id);
    },
    async all() {
      const tx = db.transaction(OUTBOX_STORE);
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.flatMap((key, i) => {
        const step: unknown = values[i];
        return typeof key === "string" && (step === "upload" || step === "delete")
          ? [{ attachmentId: key, step: step as OutboxStep }]
          : [];
      });
    },
    close() {
      db.close();
    },
  };
}
