/** Words for the today screens (English). See ../en.ts for the rules. */
export const today = {} as const;
