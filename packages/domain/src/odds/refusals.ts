/** Why the odds engine refuses its input, besides the common schema reasons (words: the web app's refusal catalogue). */
export const oddsRefusals = ["age-order"] as const;

export type OddsRefusal = (typeof oddsRefusals)[number];
