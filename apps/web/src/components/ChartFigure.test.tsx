import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createI18n, I18nProvider } from "../i18n/i18n.tsx";
import { ChartFigure, ChartLegend, type ChartTable, NotDrawn } from "./ChartFigure.tsx";

const i18n = createI18n(["en"]);
const html = (node: ReactNode) =>
  renderToStaticMarkup(<I18nProvider i18n={i18n}>{node}</I18nProvider>);

const table: ChartTable = {
  caption: "Beta hCG at each blood test",
  columns: ["Day", "Value", false, "Slowest usual rise"],
  rows: [
    { key: "a", head: 9, cells: ["180", false, ""] },
    { key: "b", head: 11, cells: ["410", false, "320"] },
  ],
};

describe("ChartFigure", () => {
  it("captions the figure with its title and summary, and keeps the drawing from screen readers", () => {
    const out = html(
      <ChartFigure title="Beta hCG" summary="From 180 to 410." drawing={<svg />} table={table} />,
    );
    expect(out).toContain(
      '<figure class="chart"><figcaption><span class="chart-title">Beta hCG</span><span class="chart-summary">From 180 to 410.</span></figcaption>',
    );
    expect(out).toContain('<div class="chart-frame" aria-hidden="true"><svg></svg></div>');
  });

  it("gives screen readers every number in a hidden table, leaving out columns marked false but not empty cells", () => {
    const out = html(<ChartFigure title="t" summary="s" table={table} />);
    expect(out).toContain(
      '<div class="visually-hidden"><table><caption>Beta hCG at each blood test</caption>',
    );
    expect(out).toContain(
      '<thead><tr><th scope="col">Day</th><th scope="col">Value</th><th scope="col">Slowest usual rise</th></tr></thead>',
    );
    expect(out).toContain('<tr><th scope="row">9</th><td>180</td><td></td></tr>');
    expect(out).toContain('<tr><th scope="row">11</th><td>410</td><td>320</td></tr>');
  });

  it("draws no frame when there is nothing to draw, and says the axes only when given", () => {
    const bare = html(<ChartFigure title="t" summary="s" drawing={false} table={table} />);
    expect(bare).not.toContain("chart-frame");
    expect(bare).not.toContain("chart-axes");
    const full = html(
      <ChartFigure
        className="funnel-chart"
        title="t"
        summary="s"
        drawing={<svg />}
        drawingClassName="odds-panels"
        legend={<ChartLegend items={[{ mark: "left", label: "Result" }]} />}
        axes="Across: days."
        table={table}
      >
        <p className="small">A note.</p>
      </ChartFigure>,
    );
    expect(full).toContain('<figure class="chart funnel-chart">');
    expect(full).toContain('<div class="chart-frame odds-panels" aria-hidden="true">');
    // In this order: drawing, legend, axes, notes, table.
    expect(full).toMatch(
      /chart-frame.*chart-legend.*<p class="muted small chart-axes" aria-hidden="true">Across: days\.<\/p><p class="small">A note\.<\/p><div class="visually-hidden">/,
    );
  });
});

describe("ChartLegend", () => {
  it("is for the eyes unless it says what the table does not", () => {
    const items = [
      { mark: "left", label: "Left ovary" },
      false as const,
      { mark: "band", label: "17 to 18 mm" },
    ];
    expect(html(<ChartLegend items={items} />)).toBe(
      '<ul class="chart-legend" aria-hidden="true"><li><span class="legend-mark legend-left" aria-hidden="true"></span>Left ovary</li><li><span class="legend-mark legend-band" aria-hidden="true"></span>17 to 18 mm</li></ul>',
    );
    expect(html(<ChartLegend readable items={items} />)).toMatch(/^<ul class="chart-legend"><li>/);
  });
});

describe("NotDrawn", () => {
  it("counts the results listed but not drawn, and says nothing when all are drawn", () => {
    expect(html(<NotDrawn count={0} />)).toBe("");
    expect(html(<NotDrawn count={2} />)).toBe(
      '<p class="small">2 results are dated too far from this cycle to draw here; they are in the list.</p>',
    );
  });
});
