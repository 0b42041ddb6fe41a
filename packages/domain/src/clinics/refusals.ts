/** Why clinic cards and support lines are refused; the phone and link reasons also come from `phoneProblem` and `webLinkProblem` (words: the web app's refusal catalogue). */
export const clinicsRefusals = [
  "unknown-clinic",
  "removed-clinic",
  "clinic-needs-name",
  "unknown-support-line",
  "duplicate-support-line",
  "support-line-unreachable",
  "phone-characters",
  "phone-plus",
  "phone-too-few-digits",
  "phone-too-many-digits",
  "link-not-https",
  "link-invalid",
] as const;

export type ClinicsRefusal = (typeof clinicsRefusals)[number];
