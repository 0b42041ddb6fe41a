/**
 * @trellis/client: the device side of Trellis. Keeps the event log (IndexedDB
 * in a browser, memory in tests), records events through the domain's rules,
 * and keeps the folded state current for the screens.
 */
export {
  type BatchDraft,
  type ClientOptions,
  type ExportFile,
  openClient,
  type TrellisClient,
  type UnreadableEvent,
} from "./client.ts";
export { openIndexedDbStorage } from "./idb-storage.ts";
export { newDeviceId, newEventId } from "./ids.ts";
export { type EventStorage, memoryStorage } from "./storage.ts";
export { buildCalendar, type CalendarEntry, vtimezone } from "./calendar.ts";
