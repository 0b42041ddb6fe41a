/** Reminders through Web Push: the queue, its encryption (RFC 8291) and the relay's API. */
export { fromBase64Url, toBase64Url } from "./base64url.ts";
export {
  type DecoyPayload,
  PAYLOAD_PAD_BYTES,
  type PushPayload,
  type ReminderPayload,
} from "./payload.ts";
export {
  groupReminders,
  MAX_ITEMS,
  type PlannedItem,
  planQueue,
  QUEUE_DAYS,
  type QueueOptions,
  type QueueWords,
  type ReminderSource,
  SNOOZE_MINUTES,
} from "./queue.ts";
export {
  applicationServerKey,
  encryptQueue,
  opaqueIds,
  PUSH_META_KEY,
  type PushDevice,
  type PushRelay,
  pushRelay,
  RelayError,
  type RelayItem,
} from "./relay.ts";
export { encryptWebPush, type SubscriptionKeys } from "./web-push-encrypt.ts";
