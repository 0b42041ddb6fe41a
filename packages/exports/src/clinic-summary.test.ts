/**
 * The clinic summary, read back with pdf.js (legacy build for Node): its
 * text layer, its page sizes, and the structure tree a screen reader gets.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  alexAfterALoss,
  cycleList,
  fold,
  type JourneyState,
  labSeries,
  lossList,
  mayaJourney,
} from "@trellis/domain";
import fc from "fast-check";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type ClinicSection, clinicSections } from "./clinic-content.ts";
import { ClinicSummaryInputError, clinicSummaryPdf } from "./clinic-summary.ts";
import { clinicWordsFor } from "./clinic-words.ts";
import { PAPER_SIZES } from "./keepsake.ts";

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(
  dirname(require.resolve("pdfjs-dist/package.json")),
  "standard_fonts",
)}/`;
const NOW = "2026-12-07T21:00:00+00:00[Europe/London]";
const words = clinicWordsFor("en");

interface Node {
  role?: string;
  alt?: string;
  type?: string;
  children?: Node[];
}

async function read(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), standardFontDataUrl }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const text = await p.getTextContent();
    pages.push({
      view: p.view,
      text: text.items.map((i) => ("str" in i ? i.str : "")).join("\n"),
      tree: (await p.getStructTree()) as Node | null,
    });
  }
  const meta = await doc.getMetadata();
  const markInfo = await doc.getMarkInfo();
  await doc.destroy();
  return {
    pages,
    text: pages.map((p) => p.text).join("\n"),
    info: meta.info as Record<string, unknown>,
    markInfo,
  };
}

/** The heading's place in the tree, to count distinct headings across pages. */
const headingText = (n: Node): string => JSON.stringify(n.children);

function roles(node: Node | null, out: Node[] = []): Node[] {
  if (!node) return out;
  out.push(node);
  for (const child of node.children ?? []) roles(child, out);
  return out;
}

const dateOf = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 12));

/** Maya's long journey (2014-2024): three retrievals, six transfers, losses and births. */
const record: JourneyState = mayaJourney().state;

describe("the clinic summary PDF", () => {
  it("holds every medicine given, by name, with the dates it was first and last given", async () => {
    const { text, info } = await read(
      await clinicSummaryPdf(record, {
        locale: "en-GB",
        sections: ["treatment"],
        now: NOW,
      }),
    );
    const items = [...record.planItems.values()].filter((i) => !i.retracted);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const given = [...record.doseLogs.values()]
        .filter((l) => l.planItemId === item.id && !l.retracted && l.status !== "skipped")
        .map((l) => l.takenAt.slice(0, 10))
        .sort();
      expect(text).toContain(item.medication.name.slice(0, 20));
      if (given.length > 1) {
        expect(text).toContain(`${dateOf(given[0]!)} to ${dateOf(given.at(-1)!)}`);
      }
    }
    expect(text).toContain(words["treatment.title"]);
    expect(info.Title).toBe("Treatment summary");
    expect(info.Language).toBe("en-GB");
  });

  it("says when a dose changed: each dose with the days it was given", async () => {
    const { text } = await read(
      await clinicSummaryPdf(record, { locale: "en-GB", sections: ["treatment"], now: NOW }),
    );
    const flat = text.replace(/\s+/g, " ");
    // Maya's second cycle (2022): follitropin 300 IU, lowered to 225 IU from stimulation day 6.
    const cycle = [...record.cycles.values()].find((c) => c.startDate === "2022-02-03")!;
    const item = [...record.planItems.values()].find(
      (i) => i.cycleId === cycle.id && i.medication.name.startsWith("Follitropin"),
    )!;
    expect(item.dose.value).toBe(300);
    const change = item.changes.find((c) => c.dose)!;
    expect(change.dose!.value).toBe(225);
    const given = [...record.doseLogs.values()]
      .filter((l) => l.planItemId === item.id && !l.retracted && l.status !== "skipped")
      .sort((a, b) => (a.takenAt < b.takenAt ? -1 : 1));
    const at300 = given.filter((l) => l.slot.date < change.from);
    const at225 = given.filter((l) => l.slot.date >= change.from);
    expect(at300.length).toBeGreaterThan(1);
    expect(at225.length).toBeGreaterThan(1);
    const range = (ls: typeof given) =>
      `${dateOf(ls[0]!.takenAt.slice(0, 10))} to ${dateOf(ls.at(-1)!.takenAt.slice(0, 10))}`;
    expect(flat).toContain(`300 IU: ${range(at300)}`);
    expect(flat).toContain(`225 IU: ${range(at225)}`);
  });

  it("has the sections asked for and not the others, and personal details only as chosen", async () => {
    const { text } = await read(
      await clinicSummaryPdf(record, {
        locale: "en-GB",
        sections: ["monitoring", "medicines"],
        details: { name: true },
        now: NOW,
      }),
    );
    expect(text).toContain(words["monitoring.title"]);
    expect(text).toContain(words["medicines.title"]);
    for (const left of ["treatment.title", "embryos.title", "transfers.title", "details.title"]) {
      expect(text).not.toContain(words[left as keyof typeof words]);
    }
    expect(text).toContain("Treatment summary: Maya");
    expect(text).not.toContain("1985");
    expect(text).not.toContain("Sam");
    // Lab values in the person's unit.
    const e2 = labSeries(record, { analyte: "E2", unit: "pg/mL" });
    expect(e2.length).toBeGreaterThan(0);
    expect(text).toContain(`${new Intl.NumberFormat("en-GB").format(e2[0]!.value)} pg/mL`);
  });

  it("shows lab results in the person's preferred unit", async () => {
    const { recorder } = mayaJourney();
    recorder.record("PreferencesUpdated", { e2Unit: "pmol/L" }, Date.UTC(2026, 0, 1));
    const state = recorder.state;
    const e2 = labSeries(state, { analyte: "E2", unit: "pmol/L" });
    const { text } = await read(
      await clinicSummaryPdf(state, { locale: "en", sections: ["monitoring"], now: NOW }),
    );
    expect(text).toContain("pmol/L");
    expect(text).not.toContain("pg/mL");
    expect(text).toContain(
      `${new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(e2[0]!.value)} pmol/L`,
    );
  });

  it("words an outcome with care, and leaves losses out when asked", async () => {
    const shown = await read(
      await clinicSummaryPdf(record, {
        locale: "en",
        sections: ["transfers", "embryos"],
        now: NOW,
      }),
    );
    // A cell's lines come one after another: read them as one run of words.
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const losses = lossList(record);
    expect(losses.length).toBeGreaterThanOrEqual(2);
    for (const loss of losses) {
      expect(flat(shown.text)).toContain(words[`outcome.${loss.outcome}` as keyof typeof words]);
    }
    const births = [...record.outcomes.values()].filter((o) => o.outcome === "live-birth");
    expect(births.length).toBeGreaterThan(0);
    const left = await read(
      await clinicSummaryPdf(record, {
        locale: "en",
        sections: ["transfers", "embryos"],
        leaveOutLosses: true,
        now: NOW,
      }),
    );
    expect(left.text).toContain(words["transfers.title"]);
    for (const kind of ["biochemical", "ectopic", "miscarriage", "termination", "stillbirth"]) {
      expect(flat(left.text)).not.toContain(words[`outcome.${kind}` as keyof typeof words]);
    }
    // Births and the transfers themselves stay; the betas of a loss go with it.
    expect(left.text.match(/Birth, /g)?.length).toBe(births.length);
    const usDate = (iso: string) =>
      new Intl.DateTimeFormat("en", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 12));
    for (const t of record.transfers.values()) {
      if (!t.retracted && t.status !== "cancelled")
        expect(flat(left.text)).toContain(usDate(t.date));
    }
    const lossIds = new Set(losses.map((l) => l.transferId));
    const lossBetas = [...record.betas.values()].filter((b) => lossIds.has(b.transferId));
    expect(lossBetas.length).toBeGreaterThan(0);
    for (const b of lossBetas) {
      const line = `${usDate(b.drawnOn)}: ${new Intl.NumberFormat("en").format(b.value)}`;
      expect(flat(shown.text)).toContain(line);
      expect(flat(left.text)).not.toContain(line);
    }
  });

  it("with losses left out, the hCG blood tests after that transfer go too, in every part", async () => {
    // Alex: a transfer on 14 January, hCG drawn as blood tests on the 23rd and 27th, a loss on 20 February.
    const { r } = alexAfterALoss();
    const drawn = (date: string, value: number) =>
      r.record(
        "LabResultRecorded",
        {
          resultId: r.newId(Date.parse(`${date}T15:00:00Z`)),
          drawnAt: `${date}T10:00:00-05:00[America/Toronto]`,
          analyte: "hCG",
          value,
          unit: "mIU/mL",
        },
        Date.parse(`${date}T15:00:00Z`),
      );
    drawn("2026-01-23", 87);
    drawn("2026-01-27", 163);
    const all = { locale: "en", sections: [...clinicSections], now: NOW };
    const shown = (await read(await clinicSummaryPdf(r.state, all))).text;
    const left = (await read(await clinicSummaryPdf(r.state, { ...all, leaveOutLosses: true })))
      .text;
    for (const value of ["87", "163"]) {
      expect(shown).toMatch(new RegExp(`\\b${value}\\b`));
      expect(left).not.toMatch(new RegExp(`\\b${value}\\b`));
    }
    expect(left).not.toContain(words["outcome.miscarriage"]);
  });

  it("comes out A4 or Letter as asked", async () => {
    const a4 = await read(await clinicSummaryPdf(record, { locale: "en", now: NOW }));
    const letter = await read(
      await clinicSummaryPdf(record, { locale: "en-US", paper: "letter", now: NOW }),
    );
    for (const p of a4.pages) {
      expect(p.view.slice(2).map(Math.round)).toEqual(PAPER_SIZES.a4.map(Math.round));
    }
    for (const p of letter.pages) expect(p.view.slice(2)).toEqual([...PAPER_SIZES.letter]);
    expect(a4.pages.length).toBeGreaterThan(2);
    expect(letter.text).toContain(`Page 1 of ${letter.pages.length}`);
  });

  it("is tagged: headings, tables with header cells, and charts as figures with words", async () => {
    const { pages, markInfo } = await read(
      await clinicSummaryPdf(record, {
        locale: "en",
        sections: ["details", "treatment", "monitoring"],
        details: { name: true },
        now: NOW,
      }),
    );
    expect(markInfo?.Marked).toBe(true);
    const all = pages.flatMap((p) => roles(p.tree));
    const count = (role: string) => all.filter((n) => n.role === role).length;
    expect(count("Document")).toBeGreaterThan(0);
    expect(count("H1")).toBe(1);
    expect(count("H2")).toBe(3);
    expect(count("H3")).toBeGreaterThanOrEqual(cycleList(record).length);
    expect(count("Table")).toBeGreaterThan(0);
    expect(count("TH")).toBeGreaterThan(0);
    expect(count("TD")).toBeGreaterThan(count("TH"));
    const figures = all.filter((n) => n.role === "Figure");
    expect(figures.length).toBeGreaterThanOrEqual(2);
    expect(figures.some((f) => f.alt?.startsWith("Line chart of estradiol"))).toBe(true);
    expect(figures.some((f) => f.alt?.startsWith("Chart of follicle sizes"))).toBe(true);
    // Every heading, cell and paragraph has its text on the page (marked content).
    // (A table that runs onto another page lists its header cells there too, their text on the first.)
    expect(all.some((n) => n.role === "TH" && n.children?.some((c) => c.type === "content"))).toBe(
      true,
    );
    for (const n of all.filter((n) => ["H1", "H2", "H3", "P"].includes(n.role ?? ""))) {
      expect(
        n.children?.some((c) => c.type === "content"),
        JSON.stringify(n),
      ).toBe(true);
    }
  });

  it("says the document's title and language where readers look", async () => {
    const bytes = await clinicSummaryPdf(record, {
      locale: "en-GB",
      details: { name: true },
      now: NOW,
    });
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/ParentTree");
  });

  it("makes the same bytes from the same record and clock", async () => {
    const options = { locale: "en", now: NOW } as const;
    const a = await clinicSummaryPdf(record, options);
    const b = await clinicSummaryPdf(record, options);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("with a Unicode face, sets names in other alphabets as they are written", async () => {
    const ttf = (name: string) =>
      new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)));
    const { recorder } = mayaJourney();
    recorder.record("JourneyUpdated", { displayName: "Łucja Мила" }, Date.UTC(2026, 5, 1));
    const { text } = await read(
      await clinicSummaryPdf(recorder.state, {
        locale: "pl",
        details: { name: true },
        sections: ["details"],
        now: NOW,
        fonts: { regular: ttf("DejaVuSans"), bold: ttf("DejaVuSans-Bold") },
      }),
    );
    expect(text).toContain("Łucja Мила");
  });

  it("for any choice of parts, has a heading for each part chosen and none for the others", async () => {
    const headings: Record<ClinicSection, string> = {
      details: words["details.title"],
      treatment: words["treatment.title"],
      monitoring: words["monitoring.title"],
      embryos: words["embryos.title"],
      transfers: words["transfers.title"],
      medicines: words["medicines.title"],
    };
    await fc.assert(
      fc.asyncProperty(fc.subarray([...clinicSections], { minLength: 1 }), async (chosen) => {
        const { pages } = await read(
          await clinicSummaryPdf(record, { locale: "en", sections: chosen, now: NOW }),
        );
        const h2 = new Set(
          pages
            .flatMap((p) => roles(p.tree))
            .filter((n) => n.role === "H2")
            .map(headingText),
        );
        expect(h2.size).toBe(chosen.length);
        for (const s of clinicSections) {
          expect(
            pages.some((p) => p.text.includes(headings[s])),
            s,
          ).toBe(chosen.includes(s));
        }
      }),
      { numRuns: 6, seed: 17 },
    );
  });

  it("made from a record with nothing but its set-up, says so in each part", async () => {
    const { recorder } = mayaJourney();
    const empty = fold(recorder.events.filter((e) => e.type === "JourneyCreated"));
    const { text } = await read(await clinicSummaryPdf(empty, { locale: "en", now: NOW }));
    expect(text.match(/Nothing recorded\./g)?.length).toBe(clinicSections.length - 1);
    expect(text).toContain(words["details.noneChosen"]);
  });

  it("refuses bad options with the field named, and makes nothing", async () => {
    await expect(
      clinicSummaryPdf(record, { locale: "en", sections: ["costs" as never], now: NOW }),
    ).rejects.toBeInstanceOf(ClinicSummaryInputError);
    await expect(
      clinicSummaryPdf(record, { locale: "en", sections: ["costs" as never], now: NOW }),
    ).rejects.toThrow(/sections: "costs" is not one of details, treatment/);
    await expect(clinicSummaryPdf(record, { locale: "not a tag!", now: NOW })).rejects.toThrow(
      /locale/,
    );
    await expect(clinicSummaryPdf(record, { locale: "en", now: "yesterday" })).rejects.toThrow(
      /now/,
    );
  });
});
