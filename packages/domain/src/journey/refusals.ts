/** Why the journey slice refuses an event (words: the web app's refusal catalogue). */
export const journeyRefusals = [
  "no-journey",
  "journey-exists",
  "age-outside-setup-range",
  "unknown-country",
] as const;

export type JourneyRefusal = (typeof journeyRefusals)[number];
