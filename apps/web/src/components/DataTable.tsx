import type { Key, ReactNode } from "react";

/**
 * Numbers as a table: a heading cell per column, then one row per thing, its
 * first cell heading the row. In `columns` and `cells`, `false` stands for a
 * column this table does not have (the typical figures when there are
 * none); an empty string is an empty cell. Named by its `caption`, or by a
 * heading elsewhere (`labelledBy`).
 */
export interface TableData {
  readonly caption?: ReactNode;
  readonly columns: readonly ReactNode[];
  readonly rows: readonly {
    readonly key: Key;
    readonly head: ReactNode;
    readonly cells: readonly ReactNode[];
  }[];
}

const present = (cells: readonly ReactNode[]) => cells.filter((c) => c !== false);

export function DataTable({
  caption,
  columns,
  rows,
  className,
  labelledBy,
}: TableData & { className?: string; labelledBy?: string }) {
  return (
    <table className={className} aria-labelledby={labelledBy}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {present(columns).map((column, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are fixed.
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {present(row.cells).map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns are fixed.
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
