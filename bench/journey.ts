// The five-year journey lives in the domain's testing module, beside the Recorder,
// so that the domain's own property tests can fold it too.
export { eventCounts, fiveYearJourney } from "@trellis/domain";
