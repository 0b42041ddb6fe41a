/**
 * Where a refusal from the record belongs in a form: the field it names and
 * its words without the field's path in front. Shared by every form that
 * records.
 */
import type { Problem } from "@trellis/domain";

/** The payload field a refusal points at (`payload.fertilized` -> `fertilized`; `[1].payload.count` -> `count`). */
export function problemField(p: Problem): string {
  return p.field.replace(/^\[\d+\]\./, "").replace(/^payload\./, "");
}

/** A refusal's message without the field path in front (the input beside it already says which). */
export function problemText(p: Problem): string {
  const full = p.field.replace(/^\[\d+\]\./, "");
  const text = p.message.startsWith(`${full} `) ? p.message.slice(full.length + 1) : p.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
