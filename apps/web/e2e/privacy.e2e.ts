import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { type EventType, type PayloadInput, Temporal } from "@trellis/domain";
import {
  expectSynced,
  makeAccount,
  mayaWithTonightsDose,
  signIn,
  writeNoteHere,
} from "./account-helpers.ts";
import { exportFile, recordAt } from "./fixtures.ts";
import { restore } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

const MARKER = "MARKER-7f3a";

/**
 * How the marker could look anywhere on disk: its UTF-8 and UTF-16 bytes,
 * and the part of its base64 (and base64url) that is the same wherever it
 * starts in a longer text (three alignments).
 */
function forms(text: string): { name: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(text, "utf8");
  const out = [
    { name: "utf-8", bytes: utf8 },
    { name: "utf-16le", bytes: Buffer.from(text, "utf16le") },
  ];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]);
    const encoded = padded.toString("base64");
    // Drop characters that mix in bytes before or after the marker.
    const start = Math.ceil((shift * 4) / 3);
    const end = Math.floor(((shift + utf8.length) * 4) / 3);
    const stable = encoded.slice(start, end);
    out.push({ name: `base64 (shift ${shift})`, bytes: Buffer.from(stable) });
    out.push({
      name: `base64url (shift ${shift})`,
      bytes: Buffer.from(stable.replaceAll("+", "-").replaceAll("/", "_")),
    });
  }
  return out;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function findIn(haystack: Buffer, where: string, found: string[]) {
  for (const form of forms(MARKER)) {
    if (haystack.includes(form.bytes)) found.push(`${where}: ${form.name}`);
  }
}

/** Every row of every table in a copy of the server's database, as bytes. */
async function dumpDatabase(pgliteDir: string): Promise<{ tables: string[]; dump: Buffer }> {
  const copy = await mkdtemp(join(tmpdir(), "trellis-privacy-"));
  await cp(pgliteDir, copy, { recursive: true });
  const db = await PGlite.create(copy);
  try {
    const { rows } = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE'
          AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: Buffer[] = [];
    for (const { schema, name } of rows) {
      const result = await db.query<Record<string, unknown>>(
        `SELECT * FROM "${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`,
      );
      for (const row of result.rows) {
        for (const value of Object.values(row)) {
          if (value instanceof Uint8Array) parts.push(Buffer.from(value));
          else parts.push(Buffer.from(JSON.stringify(value) ?? "null"));
        }
      }
    }
    return { tables: rows.map((r) => `${r.schema}.${r.name}`), dump: Buffer.concat(parts) };
  } finally {
    await db.close();
    await rm(copy, { recursive: true, force: true });
  }
}

test("nothing a person writes reaches the server readable: a marker in every free-text field is in no table and no file", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = process.env.TRELLIS_E2E_DATA_DIR;
  expect(dataDir, "playwright.config.ts passes the server's data dir").toBeTruthy();

  // A whole record with the marker in every free-text field and medicine name.
  const mark = (field: string) => `${MARKER} ${field}`;
  const { recorder: r, cycleId, planItemId } = mayaWithTonightsDose(mark);
  const now = Date.now();
  const zone = "America/New_York";
  const moment = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const zoned = (ms: number) => moment(ms).toString();
  const today = Temporal.Now.plainDateISO(zone).toString();
  // One entry a millisecond after another, each with its own id and time.
  let step = 0;
  const next = <K extends EventType>(
    type: K,
    payload: (id: string, when: string) => PayloadInput<K>,
  ) => recordAt(r, moment(now + step++), type, payload);
  next("DoseLogged", (doseId, takenAt) => ({
    doseId,
    planItemId,
    slot: { date: today, time: "20:00" },
    takenAt,
    status: "taken",
    amount: { value: 150, unit: "IU" },
    note: mark("dose note"),
  }));
  next("SupplyAdded", (supplyId) => ({
    supplyId,
    medication: { name: mark("supply medicine") },
    quantity: 900,
    unit: "IU",
    packages: { count: 1, kind: "pen" },
    addedOn: today,
    note: mark("supply note"),
  }));
  next("FollicleScanRecorded", (scanId, scannedAt) => ({
    scanId,
    cycleId,
    scannedAt,
    leftMm: [12, 11],
    rightMm: [10],
    note: mark("scan note"),
  }));
  next("LabResultRecorded", (resultId, drawnAt) => ({
    resultId,
    cycleId,
    drawnAt,
    analyte: "E2",
    value: 812,
    unit: "pg/mL",
    note: mark("lab note"),
  }));
  next("AppointmentScheduled", (appointmentId) => ({
    appointmentId,
    cycleId,
    at: zoned(now + 86_400_000),
    kind: "scan-and-bloods",
    place: mark("clinic address"),
    note: mark("appointment note"),
  }));
  next("JournalNoteAdded", (noteId, writtenAt) => ({
    noteId,
    text: mark("journal note"),
    writtenAt,
  }));
  const path = testInfo.outputPath("marked.json");
  await writeFile(path, JSON.stringify(exportFile(r, zoned(now + step))));
  // The scanner finds the marker where it is: in the file the record came from.
  const control: string[] = [];
  findIn(await readFile(path), "export", control);
  expect(control).toContain("export: utf-8");

  await restore(page, path);
  const { username } = await makeAccount(page, "privacy");
  await writeNoteHere(page, mark("typed after the account was made"));
  await expectSynced(page);

  // The record really is on the server: a second device opens all of it.
  const other = await (await browser.newContext({ timezoneId: zone })).newPage();
  await signIn(other, username);
  await other.goto("/journal");
  await expect(other.getByText(mark("typed after the account was made"))).toBeVisible();
  await expect(other.getByText(mark("journal note"))).toBeVisible();
  await other.context().close();

  // Every file under the server's data directory, byte for byte (WAL included).
  const found: string[] = [];
  const files = await filesUnder(dataDir!);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    if ((await stat(file)).size > 0) findIn(await readFile(file), file, found);
  }
  // Every row of every table.
  const { tables, dump } = await dumpDatabase(join(dataDir!, "pglite"));
  expect(tables.length).toBeGreaterThan(1);
  // The dump is real: the username (which the server does keep) is in it.
  expect(dump.includes(Buffer.from(username))).toBe(true);
  findIn(dump, "database", found);
  expect(found).toEqual([]);
});
