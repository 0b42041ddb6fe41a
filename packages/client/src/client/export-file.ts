/**
 * The whole record as a file, and back: "Export everything" writes every
 * stored event (including any this version cannot read); "Import" adds the
 * events of a file, all of them or, if any is invalid, none. Imported events
 * go to the outbox like anything recorded here.
 */
import { foldMore, formatHlc, parseEvent, type Result, type TrellisEvent } from "@trellis/domain";
import { type ClientProblem, clientProblem } from "../refusals.ts";
import {
  absorb,
  CLOCK_KEY,
  foldWith,
  keepSettings,
  keptHere,
  mergeStamp,
  storageFailed,
} from "./log.ts";
import type { ClientParts } from "./parts.ts";
import { refuseReadOnly } from "./recording.ts";
import type { TrellisClient } from "./types.ts";

export function exportFiles({
  storage,
  log,
  serial,
  changes,
  now,
}: ClientParts): Pick<TrellisClient, "exportAll" | "importFile"> {
  return {
    async exportAll() {
      // Opened from a snapshot: the file waits for the whole log (the history syncs in the background).
      if (log.base) {
        await new Promise<void>((resolve) => {
          const stop = changes.state.add(() => {
            if (log.base) return;
            stop();
            resolve();
          });
        });
      }
      return {
        format: "trellis-export",
        version: 1,
        exportedAt: new Date(now()).toISOString(),
        device: log.device,
        // Everything stored, including anything this version cannot read.
        events: await storage.loadEvents(),
      };
    },
    importFile(file) {
      return serial(async () => {
        if (log.readOnly) return refuseReadOnly();
        const parsedFile = readExportFile(file);
        if (!parsedFile.ok) return parsedFile;
        const incoming: TrellisEvent[] = [];
        for (const [i, raw] of parsedFile.value.entries()) {
          const parsed = parseEvent(raw);
          if (!parsed.ok) {
            const p = parsed.error;
            return {
              ok: false as const,
              error: { ...p, field: `events[${i}].${p.field}` },
            };
          }
          if (!log.byId.has(parsed.value.id)) incoming.push(parsed.value);
        }
        const unique = [...new Map(incoming.map((e) => [e.id, e])).values()];
        const folded = foldMore(log.state, unique) ?? foldWith(log, unique);
        // Private notes and remembrances in the file stay on this device too.
        const here = keptHere(folded, unique);
        try {
          await storage.appendEvents(unique, "local", here);
        } catch (cause) {
          return { ok: false as const, error: storageFailed(cause) };
        }
        absorb(log, unique, folded);
        await keepSettings(log, storage);
        for (const e of unique) {
          if (!here.has(e.id)) log.outbox.add(e.id);
          log.clock = mergeStamp(log.clock, e.hlc, now);
        }
        await storage.setMeta(CLOCK_KEY, formatHlc(log.clock));
        changes.broadcast();
        changes.state.emit();
        if (unique.length > 0) changes.recorded.emit();
        return { ok: true as const, value: { added: unique.length } };
      });
    },
  };
}

/** The events of an export file, or why the file is not one this version reads. */
export function readExportFile(file: unknown): Result<unknown[], ClientProblem> {
  if (
    typeof file !== "object" ||
    file === null ||
    (file as { format?: unknown }).format !== "trellis-export"
  ) {
    return {
      ok: false,
      error: clientProblem("not-an-export", "file"),
    };
  }
  const { version, events } = file as { version?: unknown; events?: unknown };
  if (version !== 1) {
    return {
      ok: false,
      error: clientProblem("newer-export", "file.version"),
    };
  }
  if (!Array.isArray(events)) {
    return {
      ok: false,
      error: clientProblem("no-events", "file.events"),
    };
  }
  return { ok: true, value: events };
}
