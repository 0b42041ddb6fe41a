import {
  type ClientProblem,
  type PickedExport,
  readPickedExport,
  type TrellisClient,
  unlockExportFile,
} from "@trellis/client";
import type { ChangeEvent } from "react";

/** Hands a file to the browser's download, e.g. an export or a calendar. */
export function downloadFile(name: string, type: string, content: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
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
  | { readonly kind: "locked"; readonly bytes: Uint8Array }
  | { readonly kind: "refused"; readonly problem: ClientProblem }
  | { readonly kind: "added"; readonly count: number };

/** The file types the import buttons offer: plain exports and locked ones. */
export const EXPORT_FILE_TYPES = "application/json,.json,.trellis,application/octet-stream";

/**
 * Reads the export file a person picked and adds its events: all of them, or
 * none. A locked file comes back as `locked`, to be opened with its
 * passphrase (`importLockedFile`) before anything is added.
 */
export async function importPickedFile(
  client: TrellisClient,
  e: ChangeEvent<HTMLInputElement>,
): Promise<ImportOutcome> {
  const file = e.target.files?.[0];
  e.target.value = "";
  if (!file) return { kind: "none" };
  let picked: PickedExport;
  try {
    picked = readPickedExport(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { kind: "unreadable" };
  }
  if (picked.kind !== "plain") return picked;
  return importParsed(client, picked.file);
}

/** Opens a locked export with `passphrase`, then imports it; a wrong passphrase changes nothing. */
export async function importLockedFile(
  client: TrellisClient,
  bytes: Uint8Array,
  passphrase: string,
): Promise<ImportOutcome> {
  const opened = await unlockExportFile(bytes, passphrase);
  if (!opened.ok) return { kind: "refused", problem: opened.error };
  return importParsed(client, opened.value);
}

async function importParsed(client: TrellisClient, file: unknown): Promise<ImportOutcome> {
  const r = await client.importFile(file);
  return r.ok ? { kind: "added", count: r.value.added } : { kind: "refused", problem: r.error };
}
