import { describe, expect, it } from "vitest";
import { openClient } from "../client.ts";
import { memoryStorage } from "../storage.ts";
import { lockExportFile, readPickedExport, unlockExportFile } from "./locked-export-file.ts";

let t = Date.UTC(2024, 2, 1, 8, 0);
const clock = () => (t += 1_000);
const passphrase = "blue kettle on the stove";

async function recorded() {
  const a = await openClient({ storage: memoryStorage(), now: clock });
  await a.record("JourneyCreated", {
    displayName: "Priya",
    dateOfBirth: "1990-02-14",
    homeZone: "Europe/London",
    createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
  });
  await a.record("JournalNoteAdded", {
    noteId: a.newId(),
    text: "Marker 7f3a: first retrieval.",
    writtenAt: "2024-03-20T12:00:00+00:00[Europe/London]",
  });
  return a;
}

describe("locked and plain export files", () => {
  it("a locked export holds no readable text, and imports on a fresh device with its passphrase", async () => {
    const a = await recorded();
    const locked = await lockExportFile(await a.exportAll(), passphrase);
    if (!locked.ok) throw new Error("expected a locked file");
    expect(new TextDecoder().decode(locked.value)).not.toContain("Marker 7f3a");
    expect(new TextDecoder().decode(locked.value)).not.toContain("trellis-export");

    const picked = readPickedExport(locked.value);
    expect(picked.kind).toBe("locked");
    const b = await openClient({ storage: memoryStorage(), now: clock });
    const opened = await unlockExportFile(locked.value, passphrase);
    if (!opened.ok) throw new Error("expected the file to open");
    expect(await b.importFile(opened.value)).toEqual({ ok: true, value: { added: 2 } });
    expect(b.state).toEqual(a.state);
  });

  it("refuses a wrong passphrase or a changed byte as wrong-passphrase, before anything is imported", async () => {
    const a = await recorded();
    const locked = await lockExportFile(await a.exportAll(), passphrase);
    if (!locked.ok) throw new Error("expected a locked file");
    expect(await unlockExportFile(locked.value, "blue kettle on the stove!")).toEqual({
      ok: false,
      error: { reason: "wrong-passphrase", field: "passphrase" },
    });
    const changed = locked.value.slice();
    changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 0xff;
    expect((await unlockExportFile(changed, passphrase)).ok).toBe(false);
  });

  it("refuses to lock with a short passphrase, saying the minimum", async () => {
    const a = await recorded();
    expect(await lockExportFile(await a.exportAll(), "too short")).toEqual({
      ok: false,
      error: { reason: "passphrase-short", field: "passphrase", params: { min: 10 } },
    });
  });

  it("still reads a plain JSON export, and imports it", async () => {
    const a = await recorded();
    const bytes = new TextEncoder().encode(JSON.stringify(await a.exportAll(), null, 2));
    const picked = readPickedExport(bytes);
    if (picked.kind !== "plain") throw new Error("expected a plain file");
    const b = await openClient({ storage: memoryStorage(), now: clock });
    expect(await b.importFile(picked.file)).toEqual({ ok: true, value: { added: 2 } });
  });

  it("calls anything else unreadable", () => {
    expect(readPickedExport(new TextEncoder().encode("not json"))).toEqual({ kind: "unreadable" });
    expect(readPickedExport(Uint8Array.of(0xff, 0xfe, 0x00))).toEqual({ kind: "unreadable" });
  });
});
