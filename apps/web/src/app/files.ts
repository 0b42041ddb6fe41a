import type { ClientProblem, TrellisClient } from "@trellis/client";
import type { ChangeEvent } from "react";

/** Hands a file to the browser's download, e.g. an export or a calendar. */
export function downloadFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ImportOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "unreadable" }
  | { readonly kind: "refused"; readonly problem: ClientProblem }
  | { readonly kind: "added"; readonly count: number };

/** Reads the export file a person picked and adds its events: all of them, or none. */
export async function importPickedFile(
  client: TrellisClient,
  e: ChangeEvent<HTMLInputElement>,
): Promise<ImportOutcome> {
  const file = e.target.files?.[0];
  e.target.value = "";
  if (!file) return { kind: "none" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { kind: "unreadable" };
  }
  const r = await client.importFile(parsed);
  return r.ok ? { kind: "added", count: r.value.added } : { kind: "refused", problem: r.error };
}
