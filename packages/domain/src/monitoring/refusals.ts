/** Why monitoring refuses an event (words: the web app's refusal catalogue). Lab values are checked with the clinical calculators' reasons. */
export const monitoringRefusals = [
  "duplicate-appointment",
  "unknown-appointment",
  "duplicate-result",
  "unknown-result",
  "duplicate-scan",
  "unknown-scan",
  "empty-scan",
] as const;

export type MonitoringRefusal = (typeof monitoringRefusals)[number];
