/**
 * The summary's two charts, drawn as vectors with pdf-lib: estradiol by
 * cycle day (a solid line with filled dots) and follicle sizes by cycle day
 * (left ovary open circles, right ovary filled triangles, the largest
 * follicle joined by a dashed line). Told apart by line style and marker
 * shape, never by colour alone, so they read the same printed in black and
 * white.
 */

import { type PDFFont, type PDFPage, rgb } from "pdf-lib";
import type { FollicleChartSpec, LineChartSpec } from "./clinic-content.ts";

const INK = rgb(0.1, 0.1, 0.1);
const GRID = rgb(0.82, 0.82, 0.82);
const AXIS = rgb(0.35, 0.35, 0.35);
const LEAD = rgb(0.3, 0.3, 0.3);

export interface ChartBox {
  readonly x: number;
  /** Bottom edge. */
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartFonts {
  readonly regular: PDFFont;
  readonly format: (n: number) => string;
  readonly xLabel: string;
}

/** Space the legend takes below the plot. */
export const LEGEND_HEIGHT = 22;
const TICK_SIZE = 7.5;

/** A round step for about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

interface Scale {
  readonly plot: ChartBox;
  x(v: number): number;
  y(v: number): number;
}

/** Axes, grid and tick labels; returns the scale for the data. */
function frame(
  page: PDFPage,
  box: ChartBox,
  xs: readonly number[],
  yMax: number,
  fonts: ChartFonts,
): Scale {
  const left = 34;
  const bottom = 26 + LEGEND_HEIGHT;
  const plot = {
    x: box.x + left,
    y: box.y + bottom,
    width: box.width - left - 8,
    height: box.height - bottom - 6,
  };
  const xMin = Math.min(...xs) - 1;
  const xMax = Math.max(...xs) + 1;
  const yStep = niceStep(yMax, 5);
  const yTop = Math.max(yStep, Math.ceil((yMax * 1.05) / yStep) * yStep);
  const scale: Scale = {
    plot,
    x: (v) => plot.x + ((v - xMin) / (xMax - xMin)) * plot.width,
    y: (v) => plot.y + (v / yTop) * plot.height,
  };
  const font = fonts.regular;
  for (let v = 0; v <= yTop + 1e-9; v += yStep) {
    const y = scale.y(v);
    page.drawLine({
      start: { x: plot.x, y },
      end: { x: plot.x + plot.width, y },
      thickness: 0.4,
      color: GRID,
    });
    const label = fonts.format(v);
    page.drawText(label, {
      x: plot.x - 4 - font.widthOfTextAtSize(label, TICK_SIZE),
      y: y - TICK_SIZE / 3,
      size: TICK_SIZE,
      font,
      color: AXIS,
    });
  }
  const xStep = Math.max(1, niceStep(xMax - xMin, 10));
  for (let v = Math.ceil(xMin / xStep) * xStep; v <= xMax; v += xStep) {
    if (v < xMin + 0.5 || v > xMax - 0.5) continue;
    const x = scale.x(v);
    page.drawLine({
      start: { x, y: plot.y },
      end: { x, y: plot.y - 3 },
      thickness: 0.6,
      color: AXIS,
    });
    const label = fonts.format(v);
    page.drawText(label, {
      x: x - font.widthOfTextAtSize(label, TICK_SIZE) / 2,
      y: plot.y - 12,
      size: TICK_SIZE,
      font,
      color: AXIS,
    });
  }
  page.drawLine({
    start: { x: plot.x, y: plot.y },
    end: { x: plot.x + plot.width, y: plot.y },
    thickness: 0.8,
    color: AXIS,
  });
  page.drawLine({
    start: { x: plot.x, y: plot.y },
    end: { x: plot.x, y: plot.y + plot.height },
    thickness: 0.8,
    color: AXIS,
  });
  const xLabelWidth = font.widthOfTextAtSize(fonts.xLabel, 8);
  page.drawText(fonts.xLabel, {
    x: plot.x + (plot.width - xLabelWidth) / 2,
    y: plot.y - 23,
    size: 8,
    font,
    color: AXIS,
  });
  return scale;
}

type Marker = "dot" | "circle" | "triangle";

function marker(page: PDFPage, kind: Marker, x: number, y: number): void {
  if (kind === "dot") page.drawCircle({ x, y, size: 2.4, color: INK });
  else if (kind === "circle") {
    page.drawCircle({ x, y, size: 2.6, borderColor: INK, borderWidth: 0.9, color: rgb(1, 1, 1) });
  } else {
    // pdf-lib's SVG paths have y pointing down from the given origin.
    page.drawSvgPath("M 0 -3.4 L 3.2 2.2 L -3.2 2.2 Z", { x, y, color: INK });
  }
}

/** A legend row under the plot: each sample (line style and marker) with its words. */
function legend(
  page: PDFPage,
  box: ChartBox,
  items: readonly { label: string; marker: Marker; dash?: number[]; line: boolean }[],
  font: PDFFont,
): void {
  let x = box.x + 34;
  const y = box.y + 6;
  for (const item of items) {
    if (item.line) {
      page.drawLine({
        start: { x, y: y + 3 },
        end: { x: x + 22, y: y + 3 },
        thickness: 1.1,
        color: item.dash ? LEAD : INK,
        ...(item.dash ? { dashArray: item.dash } : {}),
      });
    }
    if (item.marker !== "dot" || !item.dash) marker(page, item.marker, x + 11, y + 3);
    page.drawText(item.label, { x: x + 28, y, size: 8, font, color: INK });
    x += 28 + font.widthOfTextAtSize(item.label, 8) + 18;
  }
}

export function drawLineChart(
  page: PDFPage,
  box: ChartBox,
  spec: LineChartSpec,
  fonts: ChartFonts,
): void {
  const scale = frame(
    page,
    box,
    spec.points.map((p) => p.x),
    Math.max(...spec.points.map((p) => p.y)),
    fonts,
  );
  for (let i = 1; i < spec.points.length; i++) {
    const a = spec.points[i - 1]!;
    const b = spec.points[i]!;
    page.drawLine({
      start: { x: scale.x(a.x), y: scale.y(a.y) },
      end: { x: scale.x(b.x), y: scale.y(b.y) },
      thickness: 1.3,
      color: INK,
    });
  }
  for (const p of spec.points) marker(page, "dot", scale.x(p.x), scale.y(p.y));
  legend(page, box, [{ label: spec.legend, marker: "dot", line: true }], fonts.regular);
}

export function drawFollicleChart(
  page: PDFPage,
  box: ChartBox,
  spec: FollicleChartSpec,
  fonts: ChartFonts,
): void {
  const all = spec.scans.flatMap((s) => [...s.left, ...s.right]);
  const scale = frame(
    page,
    box,
    spec.scans.map((s) => s.x),
    Math.max(20, ...all),
    fonts,
  );
  const leads = spec.scans
    .filter((s) => s.left.length + s.right.length > 0)
    .map((s) => ({ x: s.x, y: Math.max(...s.left, ...s.right) }));
  for (let i = 1; i < leads.length; i++) {
    page.drawLine({
      start: { x: scale.x(leads[i - 1]!.x), y: scale.y(leads[i - 1]!.y) },
      end: { x: scale.x(leads[i]!.x), y: scale.y(leads[i]!.y) },
      thickness: 1,
      color: LEAD,
      dashArray: [3, 2],
    });
  }
  // Left a little to the left of the day, right a little to the right, so both show.
  for (const s of spec.scans) {
    for (const mm of s.left) marker(page, "circle", scale.x(s.x) - 3.2, scale.y(mm));
    for (const mm of s.right) marker(page, "triangle", scale.x(s.x) + 3.2, scale.y(mm));
  }
  legend(
    page,
    box,
    [
      { label: spec.legend.left, marker: "circle", line: false },
      { label: spec.legend.right, marker: "triangle", line: false },
      { label: spec.legend.lead, marker: "dot", dash: [3, 2], line: true },
    ],
    fonts.regular,
  );
}
