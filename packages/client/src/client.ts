/**
 * Opens the client: reads the device's log and wires the parts, each in its
 * own file under `client/`:
 *
 * - `log.ts`: the record in memory (events, state, clock, outbox), loaded from storage;
 * - `parts.ts`: the write queue and who is told of changes;
 * - `recording.ts`: `record` and `recordBatch`;
 * - `export-file.ts`: export and import of the whole record;
 * - `sync-store.ts`: what sync works with (`TrellisClient.sync`);
 * - `types.ts`: the client's public shape.
 */

import { exportFiles } from "./client/export-file.ts";
import { DEVICE_KEY, deviceId, emptyLog, loadLog } from "./client/log.ts";
import { type ClientParts, changes, serialQueue } from "./client/parts.ts";
import { recorder } from "./client/recording.ts";
import { syncStore } from "./client/sync-store.ts";
import type { ClientOptions, TrellisClient } from "./client/types.ts";
import { newEventId } from "./ids.ts";

export type {
  BatchDraft,
  ClientOptions,
  ExportFile,
  SyncStore,
  TrellisClient,
  UnreadableEvent,
} from "./client/types.ts";

export async function openClient(options: ClientOptions): Promise<TrellisClient> {
  const { storage, channel } = options;
  const now = options.now ?? (() => Date.now());
  const device = await deviceId(storage);
  const log = emptyLog(device);
  const parts: ClientParts = {
    storage,
    log,
    serial: serialQueue(),
    changes: changes(channel),
    now,
  };
  const { serial, changes: told } = parts;
  /** Goes up when the device is erased; sync views made before then stop writing. */
  let generation = 0;

  await loadLog(log, storage, now);
  if (channel) {
    channel.onmessage = () => {
      void serial(async () => {
        await loadLog(log, storage, now);
        told.state.emit();
      });
    };
  }

  return {
    get state() {
      return log.state;
    },
    device,
    get unreadable() {
      return log.unreadable;
    },
    subscribe: told.state.add,
    get canRecord() {
      return !log.readOnly;
    },
    ...recorder(parts),
    newId: () => newEventId(now()),
    ...exportFiles(parts),
    refresh() {
      return serial(async () => {
        await loadLog(log, storage, now);
        told.state.emit();
      });
    },
    eraseDevice() {
      return serial(async () => {
        generation += 1;
        await storage.erase();
        await storage.setMeta(DEVICE_KEY, device);
        await loadLog(log, storage, now);
        told.erased.emit();
        told.broadcast();
        told.state.emit();
      });
    },
    get sync() {
      return syncStore(parts, () => generation);
    },
    close() {
      told.recorded.clear();
      told.erased.clear();
      told.state.clear();
      channel?.close();
      storage.close();
    },
  };
}
