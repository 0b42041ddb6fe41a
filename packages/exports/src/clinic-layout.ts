/**
 * Puts the clinic summary's blocks on pages, tagged as it goes: a heading is
 * an H1/H2/H3, a paragraph a P, a table a Table of TR rows with TH and TD
 * cells (its caption a Caption), a chart a Figure whose /Alt says in words
 * what it shows. A table that runs onto a new page repeats its header row
 * there, marked as decoration so a screen reader reads it once.
 */

import { type PDFDocument, type PDFFont, PDFName, type PDFPage, rgb } from "pdf-lib";
import { type ChartBox, drawFollicleChart, drawLineChart } from "./clinic-charts.ts";
import type { Block } from "./clinic-content.ts";
import type { StructElement, StructRole, StructureTree } from "./clinic-tags.ts";
import { encodable } from "./keepsake.ts";
import { wrapText } from "./wrap.ts";

const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.94, 0.94, 0.94);

const MARGIN_X = 50;
const MARGIN_TOP = 54;
const MARGIN_BOTTOM = 54;
const BODY = 9.5;
const CELL = 8.5;
const CELL_PAD = 3;
const CHART_HEIGHT = 170;

export interface LayoutFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

export class ClinicLayout {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly tree: StructureTree,
    private readonly size: readonly [number, number],
    private readonly fonts: LayoutFonts,
    private readonly formatNumber: (n: number) => string,
  ) {
    this.page = this.newPage();
    this.y = this.top;
  }

  private get top(): number {
    return this.size[1] - MARGIN_TOP;
  }
  private get width(): number {
    return this.size[0] - 2 * MARGIN_X;
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([...this.size]);
    this.y = this.top;
    return this.page;
  }

  /** Starts a new page unless `height` points fit above the bottom margin. */
  private room(height: number): boolean {
    if (this.y - height >= MARGIN_BOTTOM) return false;
    this.newPage();
    return true;
  }

  private lines(text: string, font: PDFFont, size: number, width: number): string[] {
    return encodable(text, font)
      .split("\n")
      .flatMap((para) => wrapText(para, (s) => font.widthOfTextAtSize(s, size), width));
  }

  /** One line of text, tagged as part of `element` (or decoration). */
  private drawLine(
    element: StructElement | null,
    text: string,
    at: { x: number; y: number },
    font: PDFFont,
    size: number,
    color = INK,
  ): void {
    if (!text) return;
    const draw = () => this.page.drawText(text, { x: at.x, y: at.y, size, font, color });
    if (element) this.tree.mark(this.page, element, draw);
    else this.tree.artifact(this.page, draw);
  }

  /** About how much of `blocks[i]` must share a page with a heading before it. */
  private startHeight(blocks: readonly Block[], i: number): number {
    const block = blocks[i];
    if (!block) return 0;
    switch (block.kind) {
      case "title":
      case "paragraph":
        return BODY * 1.4 * 2;
      case "heading":
        return (block.level === 2 ? 40 : 22) + this.startHeight(blocks, i + 1);
      case "facts":
        return block.rows.length * BODY * 1.4 + 5;
      case "table":
        return 70;
      case "figure":
        return CHART_HEIGHT + 24;
    }
  }

  render(blocks: readonly Block[]): void {
    blocks.forEach((block, i) => {
      // A heading stays with the start of what it heads.
      const keep = block.kind === "heading" ? this.startHeight(blocks, i) : 0;
      switch (block.kind) {
        case "title":
          this.text("H1", block.text, this.fonts.bold, 18, INK, { after: 6 });
          break;
        case "heading":
          if (block.level === 2) {
            this.y -= 10;
            this.room(keep);
            this.text("H2", block.text, this.fonts.bold, 13.5, INK, { after: 2 });
            this.tree.artifact(this.page, () =>
              this.page.drawLine({
                start: { x: MARGIN_X, y: this.y },
                end: { x: MARGIN_X + this.width, y: this.y },
                thickness: 0.8,
                color: RULE,
              }),
            );
            this.y -= 6;
          } else {
            this.y -= 4;
            this.room(keep);
            this.text("H3", block.text, this.fonts.bold, 11, INK, { after: 3 });
          }
          break;
        case "paragraph":
          this.text(
            "P",
            block.text,
            this.fonts.regular,
            block.quiet ? 8.5 : BODY,
            block.quiet ? MUTED : INK,
            { after: 6 },
          );
          break;
        case "facts":
          // A few lines about one thing stay together on a page.
          this.room(block.rows.length * BODY * 1.4);
          for (const row of block.rows) this.fact(row.label, row.value);
          this.y -= 5;
          break;
        case "table":
          this.table(block);
          break;
        case "figure":
          this.figure(block);
          break;
      }
    });
  }

  private text(
    role: StructRole,
    text: string,
    font: PDFFont,
    size: number,
    color: ReturnType<typeof rgb>,
    options: { after: number },
  ): void {
    const element = this.tree.element(role, this.tree.document);
    const lineHeight = size * 1.35;
    for (const line of this.lines(text, font, size, this.width)) {
      this.room(lineHeight);
      this.y -= lineHeight;
      this.drawLine(element, line, { x: MARGIN_X, y: this.y + size * 0.28 }, font, size, color);
    }
    this.y -= options.after;
  }

  /** "Label: value" with the label in bold, the value wrapped beside it. */
  private fact(label: string, value: string): void {
    const element = this.tree.element("P", this.tree.document);
    const labelText = `${encodable(label, this.fonts.bold)}: `;
    const indent = Math.min(this.width * 0.4, this.fonts.bold.widthOfTextAtSize(labelText, BODY));
    const lineHeight = BODY * 1.4;
    const valueLines = this.lines(value, this.fonts.regular, BODY, this.width - indent);
    valueLines.forEach((line, i) => {
      this.room(lineHeight);
      this.y -= lineHeight;
      const base = this.y + BODY * 0.28;
      if (i === 0)
        this.drawLine(element, labelText, { x: MARGIN_X, y: base }, this.fonts.bold, BODY);
      this.drawLine(element, line, { x: MARGIN_X + indent, y: base }, this.fonts.regular, BODY);
    });
  }

  private table(block: Extract<Block, { kind: "table" }>): void {
    const total = block.columns.reduce((n, c) => n + c.weight, 0);
    const widths = block.columns.map((c) => (c.weight / total) * this.width);
    const lineHeight = CELL * 1.3;
    const cellLines = (cells: readonly string[], font: PDFFont) =>
      cells.map((cell, i) => this.lines(cell, font, CELL, widths[i]! - 2 * CELL_PAD));
    const heightOf = (lines: readonly string[][]) =>
      Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PAD;
    const header = cellLines(
      block.columns.map((c) => c.header),
      this.fonts.bold,
    );
    const headerHeight = heightOf(header);
    const rows = block.rows.map((r) => cellLines(r, this.fonts.regular));

    this.y -= 4;
    const captionHeight = BODY * 1.4;
    this.room(captionHeight + headerHeight + (rows[0] ? heightOf(rows[0]) : 0));
    const table = this.tree.element("Table", this.tree.document);
    const caption = this.tree.element("Caption", table);
    this.y -= captionHeight;
    this.drawLine(
      caption,
      encodable(block.caption, this.fonts.bold),
      { x: MARGIN_X, y: this.y + 3 },
      this.fonts.bold,
      BODY,
    );

    const drawRow = (
      lines: readonly string[][],
      font: PDFFont,
      cells: readonly (StructElement | null)[],
      shaded: boolean,
    ) => {
      const height = heightOf(lines);
      const top = this.y;
      if (shaded) {
        this.tree.artifact(this.page, () =>
          this.page.drawRectangle({
            x: MARGIN_X,
            y: top - height,
            width: this.width,
            height,
            color: SHADE,
          }),
        );
      }
      let x = MARGIN_X;
      lines.forEach((cell, i) => {
        const column = block.columns[i]!;
        cell.forEach((line, n) => {
          const w = font.widthOfTextAtSize(line, CELL);
          const lx = column.align === "right" ? x + widths[i]! - CELL_PAD - w : x + CELL_PAD;
          const ly = top - CELL_PAD - (n + 1) * lineHeight + CELL * 0.3;
          this.drawLine(cells[i] ?? null, line, { x: lx, y: ly }, font, CELL);
        });
        x += widths[i]!;
      });
      this.y = top - height;
    };
    const headerRow = (tagged: boolean) => {
      let cells: (StructElement | null)[] = header.map(() => null);
      if (tagged) {
        const tr = this.tree.element("TR", table);
        cells = header.map(() => this.tree.element("TH", tr, { scope: "Column" }));
      }
      drawRow(header, this.fonts.bold, cells, false);
      const y = this.y;
      this.tree.artifact(this.page, () =>
        this.page.drawLine({
          start: { x: MARGIN_X, y },
          end: { x: MARGIN_X + this.width, y },
          thickness: 0.9,
          color: INK,
        }),
      );
    };
    headerRow(true);
    rows.forEach((lines, i) => {
      if (this.room(heightOf(lines))) headerRow(false);
      const tr = this.tree.element("TR", table);
      const cells = lines.map(() => this.tree.element("TD", tr));
      drawRow(lines, this.fonts.regular, cells, i % 2 === 1);
    });
    const y = this.y;
    this.tree.artifact(this.page, () =>
      this.page.drawLine({
        start: { x: MARGIN_X, y },
        end: { x: MARGIN_X + this.width, y },
        thickness: 0.5,
        color: RULE,
      }),
    );
    this.y -= 10;
  }

  private figure(block: Extract<Block, { kind: "figure" }>): void {
    const titleHeight = BODY * 1.4;
    this.y -= 4;
    this.room(titleHeight + CHART_HEIGHT + 6);
    this.text("P", block.title, this.fonts.bold, BODY, INK, { after: 2 });
    const figure = this.tree.element("Figure", this.tree.document, { alt: block.alt });
    const box: ChartBox = {
      x: MARGIN_X,
      y: this.y - CHART_HEIGHT,
      width: Math.min(this.width, 440),
      height: CHART_HEIGHT,
    };
    const fonts = {
      regular: this.fonts.regular,
      format: this.formatNumber,
      xLabel: encodable(block.xLabel, this.fonts.regular),
    };
    this.tree.mark(this.page, figure, () => {
      if (block.chart.kind === "line") {
        drawLineChart(
          this.page,
          box,
          { ...block.chart, legend: this.safe(block.chart.legend) },
          fonts,
        );
      } else {
        const legend = block.chart.legend;
        drawFollicleChart(
          this.page,
          box,
          {
            ...block.chart,
            legend: {
              left: this.safe(legend.left),
              right: this.safe(legend.right),
              lead: this.safe(legend.lead),
            },
          },
          fonts,
        );
      }
    });
    // The figure's box, for readers that reflow or highlight it.
    figure.dict.set(
      PDFName.of("A"),
      this.doc.context.obj({
        O: "Layout",
        BBox: [box.x, box.y, box.x + box.width, box.y + box.height],
      }),
    );
    this.y -= CHART_HEIGHT + 10;
  }

  private safe(text: string): string {
    return encodable(text, this.fonts.regular);
  }

  /** A quiet line at the foot of every page (the title and "Page 2 of 5"), as decoration. */
  footers(left: string, pageWords: (page: number, pages: number) => string): void {
    const pages = this.doc.getPages();
    const size = 7.5;
    const font = this.fonts.regular;
    const title = encodable(left, font);
    pages.forEach((page, i) => {
      const right = encodable(pageWords(i + 1, pages.length), font);
      this.tree.artifact(
        page,
        () => {
          page.drawText(title, { x: MARGIN_X, y: MARGIN_BOTTOM / 2, size, font, color: MUTED });
          page.drawText(right, {
            x: this.size[0] - MARGIN_X - font.widthOfTextAtSize(right, size),
            y: MARGIN_BOTTOM / 2,
            size,
            font,
            color: MUTED,
          });
        },
        "Pagination",
      );
    });
  }
}
