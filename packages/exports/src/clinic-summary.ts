/**
 * The clinic summary: a person's treatment record as a PDF made on the
 * device, to hand to a new clinic, a second opinion or an obstetrician. Only
 * the sections and personal details the person chose; losses left out when
 * they ask. Tagged (a screen reader reads its headings, tables and charts),
 * readable printed in black and white, on A4 or Letter.
 */

import fontkit from "@pdf-lib/fontkit";
import { type JourneyState, Temporal } from "@trellis/domain";
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";
import {
  type ClinicDetails,
  type ClinicSection,
  clinicContent,
  clinicSections,
  Formats,
} from "./clinic-content.ts";
import { ClinicLayout } from "./clinic-layout.ts";
import { StructureTree } from "./clinic-tags.ts";
import { type ClinicWords, clinicWordsFor, sayWith } from "./clinic-words.ts";
import { PAPER_SIZES, type Paper } from "./keepsake.ts";

export interface ClinicSummaryOptions {
  /** BCP 47 locale for the words, dates and numbers (e.g. "en-GB"). */
  readonly locale: string;
  /** A4 unless said. */
  readonly paper?: Paper | undefined;
  /** The sections, in any order (the summary keeps its own); all of them unless said. */
  readonly sections?: readonly ClinicSection[] | undefined;
  /** Which personal details to print; none unless chosen. */
  readonly details?: ClinicDetails | undefined;
  /** Leave out the outcome and betas of every transfer that ended in a loss. */
  readonly leaveOutLosses?: boolean | undefined;
  /** When it is made, with its zone (`2026-12-07T21:00:00+00:00[Europe/London]`). */
  readonly now: string;
  /** The words, when not the package's catalogue for `locale`. */
  readonly words?: ClinicWords | undefined;
  /** The app's name, printed as who made the file. */
  readonly appName?: string | undefined;
  /**
   * A Unicode sans face (TrueType bytes, regular and bold; the web app passes
   * DejaVu Sans) for names and words the standard face cannot set (see
   * `needsUnicodeFont`); embedded as a subset. Without it such characters
   * become a middle dot.
   */
  readonly fonts?: { readonly regular: Uint8Array; readonly bold: Uint8Array } | undefined;
}

/** What is wrong with the options, said with the field: nothing is made from bad input. */
export class ClinicSummaryInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`clinicSummaryPdf: ${field}: ${message}`);
    this.name = "ClinicSummaryInputError";
  }
}

function checked(options: ClinicSummaryOptions): {
  locale: string;
  paper: Paper;
  sections: readonly ClinicSection[];
  now: Temporal.ZonedDateTime;
} {
  let locale: string;
  try {
    const [canonical] = Intl.getCanonicalLocales(options.locale);
    if (!canonical) throw new RangeError("empty");
    locale = canonical;
  } catch {
    throw new ClinicSummaryInputError("locale", `"${options.locale}" is not a language tag`);
  }
  const paper = options.paper ?? "a4";
  if (!(paper in PAPER_SIZES)) {
    throw new ClinicSummaryInputError("paper", `"${paper}" is not one of a4, letter`);
  }
  const sections = options.sections ?? clinicSections;
  for (const s of sections) {
    if (!clinicSections.includes(s)) {
      throw new ClinicSummaryInputError(
        "sections",
        `"${s}" is not one of ${clinicSections.join(", ")}`,
      );
    }
  }
  let now: Temporal.ZonedDateTime;
  try {
    now = Temporal.ZonedDateTime.from(options.now);
  } catch {
    throw new ClinicSummaryInputError(
      "now",
      `"${options.now}" is not a date and time with its zone`,
    );
  }
  return { locale, paper, sections, now };
}

/** The clinic summary's bytes. */
export async function clinicSummaryPdf(
  state: JourneyState,
  options: ClinicSummaryOptions,
): Promise<Uint8Array> {
  const { locale, paper, sections, now } = checked(options);
  const words = options.words ?? clinicWordsFor(locale);
  const say = sayWith(words, locale);
  const appName = options.appName ?? "Trellis";
  const blocks = clinicContent(
    state,
    {
      locale,
      sections,
      details: options.details ?? {},
      leaveOutLosses: options.leaveOutLosses ?? false,
      now,
      appName,
    },
    say,
  );
  const title = blocks[0]?.kind === "title" ? blocks[0].text : say("doc.title");

  const doc = await PDFDocument.create();
  let fonts: { regular: PDFFont; bold: PDFFont };
  if (options.fonts) {
    doc.registerFontkit(fontkit);
    fonts = {
      regular: await doc.embedFont(options.fonts.regular, { subset: true }),
      bold: await doc.embedFont(options.fonts.bold, { subset: true }),
    };
  } else {
    fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    };
  }
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(locale);
  doc.setCreator(appName);
  doc.setProducer(appName);
  doc.setSubject(title);
  const made = new Date(now.epochMilliseconds);
  doc.setCreationDate(made);
  doc.setModificationDate(made);

  const tree = new StructureTree(doc);
  const f = new Formats(locale);
  const layout = new ClinicLayout(doc, tree, PAPER_SIZES[paper], fonts, (n) => f.number(n));
  layout.render(blocks);
  layout.footers(title, (page, pages) => say("doc.page", { page, pages }));
  tree.finish(locale);
  // A fixed clock and no random ids: the same record and options give the same bytes.
  return doc.save({ useObjectStreams: false });
}
