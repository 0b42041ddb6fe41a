/** Words for the monitoring screens (English). See ../en.ts for the rules. */
export const monitoring = {} as const;
