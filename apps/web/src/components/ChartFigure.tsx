import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { DataTable, type TableData } from "./DataTable.tsx";

/**
 * The frame every chart shares, so each chart is only its drawing and its
 * numbers: a `<figure>` captioned with a title and a summary in words, the
 * drawing (hidden from screen readers), what its marks mean, its axes in
 * words, any notes, and a visually hidden table with the same numbers for
 * screen readers.
 *
 * In `columns` and `cells`, `false` stands for a column this chart does not
 * have (the typical figures when there are none); an empty string is an empty
 * cell.
 */
export function ChartFigure({
  className,
  title,
  summary,
  drawing,
  drawingClassName,
  legend,
  axes,
  children,
  table,
}: {
  /** Added to `chart`, for a chart's own layout. */
  className?: string;
  title: ReactNode;
  summary: ReactNode;
  /** The picture, for the eyes only; none when nothing can be drawn. */
  drawing?: ReactNode;
  /** Added to `chart-frame` around the drawing. */
  drawingClassName?: string;
  /** What the marks mean: a `ChartLegend`, or the chart's own list. */
  legend?: ReactNode;
  /** The axes in words, under the drawing; for the eyes (the table says the same). */
  axes?: ReactNode;
  /** Notes after the axes: what is not drawn, where the figures come from. */
  children?: ReactNode;
  table: ChartTable;
}) {
  return (
    <figure className={className ? `chart ${className}` : "chart"}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      {drawing && (
        <div
          className={drawingClassName ? `chart-frame ${drawingClassName}` : "chart-frame"}
          aria-hidden="true"
        >
          {drawing}
        </div>
      )}
      {legend}
      {axes && (
        <p className="muted small chart-axes" aria-hidden="true">
          {axes}
        </p>
      )}
      {children}
      <ScreenReaderTable {...table} />
    </figure>
  );
}

/** The chart's numbers as a table: one row per point drawn (or listed), its first cell heading the row. */
export interface ChartTable extends TableData {
  readonly caption: ReactNode;
}

function ScreenReaderTable(table: ChartTable) {
  return (
    <div className="visually-hidden">
      <DataTable {...table} />
    </div>
  );
}

/**
 * What a chart's marks mean, each beside a swatch of its mark
 * (`legend-<mark>` in the styles). Hidden from screen readers, which read
 * the table, unless `readable`: for a legend that says what the table does
 * not (the band where clinics often trigger).
 */
export function ChartLegend({
  items,
  readable = false,
}: {
  items: readonly ({ readonly mark: string; readonly label: ReactNode } | false)[];
  readable?: boolean;
}) {
  return (
    <ul className="chart-legend" aria-hidden={readable ? undefined : "true"}>
      {items.map(
        (item) =>
          item && (
            <li key={item.mark}>
              <span className={`legend-mark legend-${item.mark}`} aria-hidden="true" />
              {item.label}
            </li>
          ),
      )}
    </ul>
  );
}

/** Says how many results are listed but not drawn (dated where no chart of this kind can mean). */
export function NotDrawn({ count }: { count: number }) {
  const { t } = useI18n();
  return count > 0 ? <p className="small">{t("chart.notDrawn", { count })}</p> : null;
}
