/** Words for the cycle screens (English). See ../en.ts for the rules. */
export const cycle = {} as const;
