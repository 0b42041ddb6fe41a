/**
 * @trellis/domain: the pure core of Trellis. Events and their schemas, the
 * hybrid logical clock, and `fold`, which derives a journey's state from its
 * events. No I/O, no clock, no randomness: everything comes in as arguments.
 */

export {
  CIRCLE_ALT_MAX,
  CIRCLE_ENTRY_FORMAT,
  CIRCLE_ENTRY_VERSION,
  CIRCLE_HELP_NOTE_MAX,
  CIRCLE_LABEL_MAX,
  CIRCLE_NAME_MAX,
  CIRCLE_POST_MAX,
  CIRCLE_REPLY_MAX,
  CIRCLE_STATUS_MAX,
  type CircleEntry,
  type CircleEntryInput,
  type CircleEntryKind,
  type CircleReaction,
  circleEntry,
  circleEntrySchema,
  circleLabelSchema,
  circleReactions,
  memberEntryKinds,
  type PhotoRef,
  parseCircleEntry,
  photoRefSchema,
  type SharedRemembrance,
  type StatusTemplate,
  sharedRemembranceSchema,
  statusTemplates,
} from "./circle/entries.ts";
export {
  type CircleEntryIn,
  type CircleMemberPin,
  type CircleRole,
  type CircleState,
  emptyCircleState,
  type FoldedPost,
  type FoldedReply,
  foldCircle,
  reactionCounts,
} from "./circle/fold.ts";
export * from "./clinical/index.ts";
// Clinics: the person's clinic cards and their own support lines.
export {
  type LinkProblem,
  type LinkReason,
  PHONE_MAX_DIGITS,
  PHONE_MIN_DIGITS,
  type PhoneProblem,
  type PhoneReason,
  phoneProblem,
  telHref,
  webLinkProblem,
} from "./clinics/contact.ts";
export {
  type ClinicContact,
  clinicContact,
  clinicForCycle,
  clinicList,
  currentClinic,
  cycleClinicName,
  ownSupportLines,
} from "./clinics/selectors.ts";
export type { Clinic, OwnSupportLine } from "./clinics/state.ts";
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
export {
  describeProblem,
  err,
  ok,
  type Problem,
  type ProblemParams,
  problem,
  problemOf,
  type Result,
} from "./core/result.ts";
export {
  type IsoDate,
  isIsoDate,
  isTimeZone,
  isZonedDateTime,
  Temporal,
  type TimeZoneId,
  type ZonedDateTimeString,
} from "./core/time.ts";
export { type FromZodOptions, problemFromZod, refusal } from "./core/zod-problem.ts";
// Costs: what treatment costs, what was covered, what is still due.
export {
  commonCurrencies,
  currencyCodes,
  currencyDigits,
  decimalsOf,
  fitsCurrency,
  fromMinor,
  isCurrencyCode,
  toMinor,
} from "./costs/currency.ts";
export {
  COST_MAX,
  COVERAGE_MAX,
  type CostCategory,
  type CostEventType,
  type CoverageKind,
  costCategories,
  costEventTypes,
  costShapeProblem,
  costStatuses,
  coverageKinds,
} from "./costs/events.ts";
export { costCurrencies, costList, coverageMinor, cycleCosts } from "./costs/selectors.ts";
export type { Cost, Coverage, Money, Receipt } from "./costs/state.ts";
export {
  type CostSummary,
  type CostTotals,
  type CurrencyCosts,
  type CycleCosts,
  costSummary,
  costsDue,
  type DueCost,
  type PerUnit,
  type StoragePayment,
} from "./costs/summary.ts";
// Embryology: retrievals, egg freezing, the embryo bank and storage fees.
export {
  type DiscardReason,
  discardReasons,
  type EmbryoStatus,
  embryoStatuses,
  type FertilizationMethod,
  fertilizationMethods,
  MAX_COUNT as LAB_COUNT_MAX,
  type PgtAResult,
  type PgtMResult,
  type PgtTest,
  pgtAResults,
  pgtMResults,
  pgtTests,
} from "./embryology/events.ts";
export { DEFAULT_FEE_REMINDER_DAYS, nextDueOn } from "./embryology/fees.ts";
export {
  ageOn,
  type BankCounts,
  type BankEntry,
  bankCounts,
  cohortAge,
  cohortFunnel,
  cohortList,
  type EggBatchView,
  embryoBank,
  type FeeState,
  type FeeView,
  type FunnelCounts,
  type FunnelStep,
  oocyteBatchList,
  storageFeeList,
  storageFeesDue,
  type TypicalFunnel,
  type TypicalStep,
  transferableEmbryos,
  typicalFunnel,
} from "./embryology/selectors.ts";
export type {
  EggCohort,
  Embryo,
  EmbryoHistoryEntry,
  LabUpdate,
  OocyteBatch,
  PgtA,
  PgtM,
  Storage,
  StorageFee,
  StorageFeePayment,
} from "./embryology/state.ts";
export { embryoParams, isInBank } from "./embryology/status.ts";
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
export {
  inventoryEvents,
  packageKinds,
} from "./inventory/events.ts";
export {
  convertAmount,
  type InventoryOptions,
  inventory,
  type MedicineStock,
  type SupplyStatus,
  sameMedicine,
} from "./inventory/selectors.ts";
export type { Supply } from "./inventory/state.ts";
export { NOTE_MAX_LENGTH } from "./journal/events.ts";
export { visibleNotes } from "./journal/selectors.ts";
export type { JournalNote, NoteVersion } from "./journal/state.ts";
export { ageInYears, isSetupAge, SETUP_AGE_RANGE } from "./journey/age.ts";
export {
  type CountryCode,
  countryCodeSchema,
  countryCodes,
  countryOfZone,
  isCountryCode,
  personCountry,
} from "./journey/country.ts";
export type { Journey } from "./journey/state.ts";
export {
  type CatalogueMedicine,
  catalogueMedicine,
  type DoseUnit,
  doseProblem,
  doseUnits,
  type Form,
  forms,
  maxPlausibleDose,
  medicationCatalogue,
  type Purpose,
  purposes,
  type Route,
  routes,
  searchMedicines,
} from "./medication/catalogue.ts";
export { appointmentKinds, FOLLICLE_MAX_MM } from "./monitoring/events.ts";
export {
  appointments,
  type LabPoint,
  labSeries,
  nextAppointment,
  type ScanPoint,
  scanSeries,
} from "./monitoring/selectors.ts";
export type { Appointment, FollicleScan, LabResult } from "./monitoring/state.ts";
export * from "./odds/index.ts";
export { FROZEN_EGGS_MAX, ODDS_AGE_RANGE } from "./odds/schema.ts";
export {
  changeDeviceSettings,
  DEVICE_ONLY_PREFERENCES,
  type DeviceSettings,
  deviceSettingsSchema,
  firstDeviceSettings,
  storedDeviceSettings,
  withDeviceSettings,
} from "./preferences/device.ts";
export { defaultPreferences, type Preferences } from "./preferences/events.ts";
// Pregnancy: transfers, betas, outcomes, remembrance and other paths to a family.
export {
  BETA_MAX_DAYS_AFTER_TRANSFER,
  outcomeEndingBetas,
  outcomesEndingBetas,
} from "./pregnancy/dates.ts";
export {
  adoptionMilestones,
  carrierMilestones,
  finalOutcomes,
  type OutcomeKind,
  outcomeKinds,
  type PathKind,
  type PathMilestoneKind,
  pathKinds,
  pregnancyLosses,
  type TransferProtocol,
  transferProtocols,
} from "./pregnancy/events.ts";
export {
  type AnniversaryReminder,
  anniversaries,
  type RemembranceFromRecord,
  remembranceForTransfer,
  remembranceFromRecord,
} from "./pregnancy/remembrance.ts";
export {
  type AnniversaryDay,
  anniversaryDays,
  REMEMBRANCE_MAX_PHOTOS,
} from "./pregnancy/remembrance-events.ts";
export {
  betaSeries,
  betaTrendOf,
  isLoss,
  latestOutcome,
  lossList,
  oddsAskFirst,
  oddsAwaitingYes,
  ongoingPregnancy,
  outcomeGestationalAge,
  type PregnancyDetailsView,
  pathList,
  pathTimeline,
  pregnancyDetails,
  remembranceList,
  type TimelineItem,
  type TransferStanding,
  transferDating,
  transferEmbryos,
  transferList,
  transferStanding,
} from "./pregnancy/selectors.ts";
export type {
  Anniversary,
  Beta,
  OtherPath,
  Outcome,
  PathMilestone,
  PregnancyPause,
  Recipient,
  Remembrance,
  RemembrancePhoto,
  Transfer,
} from "./pregnancy/state.ts";
export {
  draftFromTemplateItem,
  draftPlanFromTemplate,
  draftTrigger,
  type PlanDraftItem,
} from "./protocols/instantiate.ts";
export {
  type CycleType,
  cycleTypes,
  type DayOne,
  type ProtocolTemplate,
  protocolTemplate,
  protocolTemplates,
  type TemplateItem,
} from "./protocols/templates.ts";
// Refusals: every reason the domain may give, gathered from the slices.
export {
  clinicalRefusals,
  clinicsRefusals,
  commonRefusals,
  costsRefusals,
  embryologyRefusals,
  eventRefusals,
  inventoryRefusals,
  isRefusalReason,
  journalRefusals,
  journeyRefusals,
  monitoringRefusals,
  oddsRefusals,
  pregnancyRefusals,
  type RefusalReason,
  refusalReasons,
  treatmentRefusals,
  wellbeingRefusals,
} from "./refusals.ts";
export { addDays, daysBetween } from "./schedule/civil.ts";
export {
  type Dose,
  type DoseInstance,
  type ExpandOptions,
  expandSchedule,
  type Plan,
  type PlanAdjustment,
  type PlanEnd,
  type PlanItem,
  plannedDoseCount,
} from "./schedule/expand.ts";
export { eventIdsDigest } from "./state/digest.ts";
export { checkEvent, emptyState, fold, foldMore } from "./state/fold.ts";
export { keptOnDevice } from "./state/privacy.ts";
export {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_RULES,
  SNAPSHOT_VERSION,
  type SnapshotBody,
  type SnapshotState,
  snapshotMatches,
} from "./state/snapshot.ts";
export type { JourneyState, RejectedEvent } from "./state/state.ts";
export { eventCounts, fiveYearJourney } from "./testing/five-year.ts";
export { alexAfterALoss } from "./testing/loss.ts";
export {
  MAYA_CLINIC_A,
  MAYA_CLINIC_B,
  MAYA_NY,
  MAYA_SYD,
  type MayaCycle,
  type MayaEmbryo,
  type MayaJourney,
  type MayaRetrieval,
  type MayaTransfer,
  mayaJourney,
} from "./testing/maya.ts";
export { Recorder, seededBytes } from "./testing/recorder.ts";
export { afterLoss } from "./today/after-loss.ts";
export { type TodayAgenda, type TodayMainAction, todayAgenda } from "./today/agenda.ts";
export {
  ASK_AGAIN_AFTER_DAYS,
  cyclesToAskAbout,
  QUIET_CYCLE_DAYS,
  type QuietCycle,
} from "./today/cycle-over.ts";
export {
  AFTER_RETRIEVAL_CARD_DAYS,
  type AfterRetrieval,
  afterRetrieval,
  type ProcedureDay,
  procedureDays,
  retrievalDay,
} from "./today/procedure-days.ts";
export {
  type BetaTestDay,
  betaTestDay,
  type TransferDay,
  type TransferWait,
  transferDays,
  transferWaits,
  typicalBetaDays,
} from "./today/transfer-days.ts";
export {
  type DoseCounts,
  type DoseDay,
  type DoseHistory,
  doseHistory,
  historyBucket,
  missedYesterday,
} from "./treatment/dose-history.ts";
export {
  type DoseStatus,
  DUE_WINDOW_MINUTES,
  doseStatusAt,
  MISSED_AFTER_MINUTES,
} from "./treatment/dose-status.ts";
export { type InjectionSite, injectionSites } from "./treatment/events.ts";
export {
  cycleDayDate,
  cycleDayOf,
  isPlannedSlot,
  slotKey,
  startDateOf,
  toPlanItem,
} from "./treatment/plan.ts";
export {
  activeCycles,
  cycleDay,
  cycleList,
  cyclePlan,
  cyclePlanItems,
  cycleSchedule,
  cycleTrigger,
  type DayDose,
  daySchedule,
  type ProcedureKind,
  type ProcedureTime,
  procedureKindOf,
  procedureTime,
  rangeSchedule,
  sitesFor,
  suggestSite,
  TRIGGER_ON_TIME_MINUTES,
  type TriggerInfo,
} from "./treatment/selectors.ts";
export type {
  Cycle,
  CycleStatus,
  DoseLog,
  MedicationRef,
  PlanChange,
  PlanEndSpec,
  PlannedMedication,
  PlanStart,
} from "./treatment/state.ts";
export {
  DEFAULT_TRIGGER_TO_PROCEDURE_HOURS,
  TRIGGER_FOLLICLE_MM,
  TRIGGER_TO_PROCEDURE_HOURS,
} from "./treatment/trigger.ts";
export {
  AFTER_BIRTH_DAYS,
  AFTER_RETRIEVAL_STAGE_DAYS,
  type CareStageInfo,
  careStage,
} from "./wellbeing/care-stage.ts";
export {
  CHECK_DAYS_SINCE_TRANSFER_MAX,
  moodOf,
  type SymptomAnswers,
  symptomAnswersSchema,
} from "./wellbeing/events.ts";
export {
  checkContext,
  latestTriage,
  symptomChecks,
  triageFor,
  weightKg,
} from "./wellbeing/selectors.ts";
export type { SymptomCheck } from "./wellbeing/state.ts";
