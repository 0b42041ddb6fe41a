/** Reading one cell of an imported row: the text, or a `BadValue` naming its column. */

export class BadValue extends Error {
  constructor(readonly column: string) {
    super(column);
  }
}

export type Row = (column: string) => string;
export const opt = (s: string) => (s === "" ? undefined : s);
export const num = (get: Row, column: string): number => {
  const text = get(column);
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw new BadValue(column);
  return n;
};
export const optNum = (get: Row, column: string) =>
  get(column) === "" ? undefined : num(get, column);
export const bool = (get: Row, column: string) => {
  const text = get(column);
  if (text !== "true" && text !== "false") throw new BadValue(column);
  return text === "true";
};
export const sizes = (get: Row, column: string) =>
  get(column) === ""
    ? []
    : get(column)
        .split(";")
        .map((s) => {
          const n = Number(s);
          if (s.trim() === "" || !Number.isFinite(n)) throw new BadValue(column);
          return n;
        });
