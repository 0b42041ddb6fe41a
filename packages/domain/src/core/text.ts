import { z } from "zod";
import { refusal } from "./zod-problem.ts";

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
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), refusal("unreadable-characters"));

export const optionalName = z
  .string()
  .trim()
  .max(80)
  .refine((s) => !CONTROL.test(s), refusal("unreadable-characters"));
