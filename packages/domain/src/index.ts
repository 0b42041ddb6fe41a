/**
 * @trellis/domain: the pure core of Trellis. Events and their schemas, the
 * hybrid logical clock, and `fold`, which derives a journey's state from its
 * events. No I/O, no clock, no randomness: everything comes in as arguments.
 */
export {
  compareHlc,
  createHlc,
  DEFAULT_MAX_DRIFT_MS,
  formatHlc,
  type Hlc,
  type HlcProblem,
  isDeviceId,
  parseHlc,
  receiveHlc,
  tickHlc,
} from "./core/hlc.ts";
export { isUuidV7, uuidV7FromParts } from "./core/ids.ts";
export { err, ok, type Problem, problem, type Result } from "./core/result.ts";
export {
  type IsoDate,
  isIsoDate,
  isTimeZone,
  isZonedDateTime,
  Temporal,
  type TimeZoneId,
  type ZonedDateTimeString,
} from "./core/time.ts";
export {
  type EventType,
  eventCatalog,
  eventTypes,
  isEventType,
  type PayloadInput,
  type PayloadOf,
} from "./events/catalog.ts";
export {
  compareEvents,
  type EventEnvelope,
  type EventOf,
  parseEvent,
  type TrellisEvent,
} from "./events/envelope.ts";
export { type EventDraft, prepareEvent } from "./events/prepare.ts";
export { NOTE_MAX_LENGTH } from "./journal/events.ts";
export { visibleNotes } from "./journal/selectors.ts";
export type { JournalNote, NoteVersion } from "./journal/state.ts";
export type { Journey } from "./journey/state.ts";
export { checkEvent, emptyState, fold, foldMore } from "./state/fold.ts";
export type { JourneyState, RejectedEvent } from "./state/state.ts";
export { Recorder, seededBytes } from "./testing/recorder.ts";
