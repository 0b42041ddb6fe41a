import type { MessageKey } from "../../i18n/en.ts";
import type { StatusTemplate } from "./circles-api.ts";

/** The kind words offered for a status, in the order they are shown. */
export const statusTemplates = [
  "in-treatment",
  "taking-a-break",
  "distraction",
] as const satisfies readonly StatusTemplate[];

export type KindTemplate = (typeof statusTemplates)[number];

export function templateKey(template: KindTemplate): MessageKey {
  return `circle.status.template.${template}`;
}

/** The circles the person writes to (theirs, or a partner's they share), not the ones they read. */
export function canWrite(role: "owner" | "partner" | "viewer"): boolean {
  return role !== "viewer";
}
