import { z } from "zod";

/**
 * Free text a person writes. Trimmed; control characters other than line
 * breaks and tabs are refused (they are never typed, only pasted by accident
 * or sent by something that is not a person).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const personText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "cannot be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: "contains characters that cannot be shown" });

export const optionalName = z
  .string()
  .trim()
  .max(80, { error: "must be at most 80 characters" })
  .refine((s) => !CONTROL.test(s), { error: "contains characters that cannot be shown" });
