/**
 * Export files as bytes: "Export everything" locks the file with a
 * passphrase by default (the format is @trellis/crypto's locked export); a
 * plain JSON file stays possible. Reading a picked file tells the two apart,
 * and a locked one opens only with its passphrase: a wrong one is refused
 * before anything is imported, so it changes nothing.
 */
import { isLockedExport, lockExport, openLockedExport, ready } from "@trellis/crypto";
import { err, ok, type Result } from "@trellis/domain";
import { type ClientProblem, clientProblem } from "../refusals.ts";
import type { ExportFile } from "./types.ts";

/** What a picked file is: locked (ask for the passphrase), plain JSON, or neither. */
export type PickedExport =
  | { readonly kind: "locked"; readonly bytes: Uint8Array }
  | { readonly kind: "plain"; readonly file: unknown }
  | { readonly kind: "unreadable" };

export function readPickedExport(bytes: Uint8Array): PickedExport {
  if (isLockedExport(bytes)) return { kind: "locked", bytes };
  try {
    return {
      kind: "plain",
      file: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)),
    };
  } catch {
    return { kind: "unreadable" };
  }
}

/** The export locked with `passphrase` (at least 10 characters: `passphrase-short` otherwise). */
export async function lockExportFile(
  file: ExportFile,
  passphrase: string,
): Promise<Result<Uint8Array, ClientProblem>> {
  await ready();
  const locked = lockExport(passphrase, new TextEncoder().encode(JSON.stringify(file)));
  return locked.ok
    ? locked
    : err(clientProblem("passphrase-short", "passphrase", locked.error.params));
}

/**
 * The export inside a locked file, ready for `importFile`; refused as
 * `wrong-passphrase` (wrong passphrase or a changed file: the two cannot be
 * told apart), `newer-export`, `damaged-export` or `not-an-export`.
 */
export async function unlockExportFile(
  bytes: Uint8Array,
  passphrase: string,
): Promise<Result<unknown, ClientProblem>> {
  await ready();
  const opened = openLockedExport(passphrase, bytes);
  if (!opened.ok) {
    const reason = opened.error.reason;
    if (reason === "decrypt-failure") return err(clientProblem("wrong-passphrase", "passphrase"));
    if (reason === "unsupported-version") return err(clientProblem("newer-export", "file.version"));
    if (reason === "malformed") return err(clientProblem("damaged-export", "file"));
    return err(clientProblem("not-an-export", "file"));
  }
  try {
    return ok(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(opened.value)));
  } catch {
    return err(clientProblem("damaged-export", "file"));
  }
}
