/**
 * The record behind the lock: the same `EventStorage` as the plain database
 * (the logic is shared, `record-storage.ts`), over `DEVICE_DATABASES.sealed`,
 * every value sealed with the device key (`sealed-layout.ts` says how).
 */
import { atRestSealer, ready } from "@trellis/crypto";
import { openRecordStorage } from "../record-storage.ts";
import type { EventStorage } from "../storage.ts";
import { sealedLayout } from "./sealed-layout.ts";
import type { DeviceKey } from "./types.ts";

export { SealedRecordError } from "./sealed-layout.ts";

/** The record behind the lock: the same EventStorage as openIndexedDbStorage, every value sealed. */
export async function openSealedIndexedDbStorage(key: DeviceKey): Promise<EventStorage> {
  await ready();
  const sealer = atRestSealer(key);
  const storage = await openRecordStorage(sealedLayout(sealer));
  return {
    ...storage,
    close() {
      storage.close();
      sealer.wipe();
    },
  };
}
