/**
 * A tagged PDF with pdf-lib, which has no tagging API: the structure tree a
 * screen reader reads (Document, headings, paragraphs, tables, figures with
 * their words), built from pdf-lib's low-level objects.
 *
 * How it fits together (ISO 32000-1 §14.7-14.8):
 * - Each piece drawn on a page is wrapped in a marked-content sequence,
 *   `/P <</MCID n>> BDC ... EMC`, numbered from 0 on each page.
 * - Each structure element (`/Type /StructElem`, role in `/S`) lists those
 *   pieces as marked-content references (`/MCR` with `/Pg` and `/MCID`), and
 *   its children elements, in reading order; `/P` points to its parent.
 * - The `/ParentTree` (a number tree) maps each page's `/StructParents`
 *   number to the array of elements that own MCID 0, 1, 2... on that page,
 *   which is how a reader goes from a glyph back to its element.
 * - What is only decoration (rules, page numbers, a header repeated on a new
 *   page) is marked `/Artifact`, so readers skip it.
 * - The catalogue says `/MarkInfo <</Marked true>>`, carries `/Lang`, and
 *   `/ViewerPreferences <</DisplayDocTitle true>>` shows the title.
 */

import {
  type PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  PDFString,
} from "pdf-lib";

/** The standard structure types used here. */
export type StructRole =
  | "Document"
  | "Sect"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Figure"
  | "Caption"
  | "L"
  | "LI"
  | "LBody";

/** One structure element: its dictionary and where it is registered. */
export interface StructElement {
  readonly role: StructRole;
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  readonly kids: PDFArray;
}

interface PageMarks {
  readonly page: PDFPage;
  /** The element that owns each MCID on this page, by MCID. */
  readonly owners: PDFRef[];
}

export class StructureTree {
  private readonly rootRef: PDFRef;
  private readonly rootDict: PDFDict;
  private readonly pages = new Map<PDFPage, PageMarks>();
  /** The document element: every other element is under it. */
  readonly document: StructElement;

  constructor(private readonly doc: PDFDocument) {
    const context = doc.context;
    this.rootRef = context.nextRef();
    this.rootDict = context.obj({ Type: "StructTreeRoot" });
    context.assign(this.rootRef, this.rootDict);
    this.document = this.makeElement("Document", null);
    this.rootDict.set(PDFName.of("K"), context.obj([this.document.ref]));
  }

  /** A new element under `parent`, after its earlier children. */
  element(
    role: StructRole,
    parent: StructElement,
    options: { alt?: string; scope?: "Column" | "Row" } = {},
  ): StructElement {
    const element = this.makeElement(role, parent);
    if (options.alt !== undefined) element.dict.set(PDFName.of("Alt"), text(options.alt));
    if (options.scope) {
      element.dict.set(PDFName.of("A"), this.doc.context.obj({ O: "Table", Scope: options.scope }));
    }
    return element;
  }

  /**
   * Draws on `page` inside a marked-content sequence owned by `element`
   * (the drawing's operators land between BDC and EMC).
   */
  mark(page: PDFPage, element: StructElement, draw: () => void): void {
    const marks = this.marksOf(page);
    const mcid = marks.owners.length;
    marks.owners.push(element.ref);
    const context = this.doc.context;
    page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of(element.role),
        // An operand written as it is: the inline property list.
        `<</MCID ${mcid}>>`,
      ]),
    );
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    element.kids.push(context.obj({ Type: "MCR", Pg: page.ref, MCID: mcid }));
    if (!element.dict.has(PDFName.of("Pg"))) element.dict.set(PDFName.of("Pg"), page.ref);
  }

  /** Draws decoration readers should skip (rules, page numbers, repeated headers). */
  artifact(page: PDFPage, draw: () => void, kind: "Layout" | "Pagination" = "Layout"): void {
    page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of("Artifact"),
        `<</Type /${kind}>>`,
      ]),
    );
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  /**
   * Writes the tree into the document: the parent tree, each page's
   * `/StructParents` and `/Tabs /S`, and the catalogue entries that say the
   * file is tagged, in which language, and that its title is shown.
   */
  finish(lang: string): void {
    const context = this.doc.context;
    const nums: (number | PDFRef)[] = [];
    let key = 0;
    for (const page of this.doc.getPages()) {
      const marks = this.pages.get(page);
      // Reading order of annotations follows the structure; harmless without any.
      page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
      if (!marks) continue;
      page.node.set(PDFName.of("StructParents"), PDFNumber.of(key));
      nums.push(key, context.register(context.obj(marks.owners)));
      key++;
    }
    this.rootDict.set(PDFName.of("ParentTree"), context.obj({ Nums: nums }));
    this.rootDict.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(key));
    const catalog = this.doc.catalog;
    catalog.set(PDFName.of("StructTreeRoot"), this.rootRef);
    catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
    catalog.set(PDFName.of("Lang"), PDFString.of(lang));
    const prefs = catalog.getOrCreateViewerPreferences();
    prefs.setDisplayDocTitle(true);
  }

  private makeElement(role: StructRole, parent: StructElement | null): StructElement {
    const context = this.doc.context;
    const kids = context.obj([]);
    const dict = context.obj({
      Type: "StructElem",
      S: role,
      P: parent ? parent.ref : this.rootRef,
      K: kids,
    });
    const ref = context.register(dict);
    parent?.kids.push(ref);
    return { role, ref, dict, kids };
  }

  private marksOf(page: PDFPage): PageMarks {
    let marks = this.pages.get(page);
    if (!marks) {
      marks = { page, owners: [] };
      this.pages.set(page, marks);
    }
    return marks;
  }
}

/** A text string for the PDF: plain when ASCII, UTF-16 otherwise (names, other languages). */
function text(value: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(value)
    ? PDFString.of(escapeLiteral(value))
    : PDFHexString.fromText(value);
}

/** Backslashes and parentheses escaped, as a PDF literal string needs. */
function escapeLiteral(value: string): string {
  return value.replace(/[\\()]/g, (c) => `\\${c}`);
}
