/** Why the daily checks refuse an event (words: the web app's refusal catalogue). */
export const wellbeingRefusals = ["duplicate-check", "unknown-check"] as const;

export type WellbeingRefusal = (typeof wellbeingRefusals)[number];
