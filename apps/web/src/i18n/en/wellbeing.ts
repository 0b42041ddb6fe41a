/** Words for the wellbeing screens (English). See ../en.ts for the rules. */
export const wellbeing = {} as const;
