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

import { changeDeviceSettings, type JourneyState, withDeviceSettings } from "@trellis/domain";
import { exportFiles } from "./client/export-file.ts";
import {
  DEVICE_KEY,
  DEVICE_SETTINGS_KEY,
  deviceId,
  emptyLog,
  loadLog,
  storageFailed,
} from "./client/log.ts";
import { type ClientParts, changes, serialQueue } from "./client/parts.ts";
import { recorder } from "./client/recording.ts";
import { syncStore } from "./client/sync-store.ts";
import type { ClientOptions, TrellisClient } from "./client/types.ts";
import { newEventId } from "./ids.ts";

export type {
  BatchDraft,
  ClientOptions,
  DeviceSettingsChange,
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

  /** The state as shown here, made again only when the record or the settings change. */
  let shown: { from: JourneyState; settings: object; state: JourneyState } | null = null;

  return {
    get state() {
      if (shown?.from !== log.state || shown.settings !== log.settings) {
        shown = {
          from: log.state,
          settings: log.settings,
          state: withDeviceSettings(log.state, log.settings),
        };
      }
      return shown.state;
    },
    get deviceSettings() {
      return log.settings;
    },
    changeDeviceSettings(change) {
      return serial(async () => {
        const next = changeDeviceSettings(log.settings, change);
        if (!next.ok) return next;
        try {
          await storage.setMeta(DEVICE_SETTINGS_KEY, next.value);
        } catch (cause) {
          return { ok: false as const, error: storageFailed(cause) };
        }
        log.settings = next.value;
        log.settingsKept = true;
        told.broadcast();
        told.state.emit();
        return next;
      });
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
