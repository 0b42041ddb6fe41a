import type { Estimate } from "@trellis/domain";
import { type ReactNode, useId } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { frequency, percentLine, rangeSentence } from "./words.ts";

const COLUMNS = 20;
const CELL_W = 10;
const CELL_H = 18;
/** A little space after every ten figures, so tens can be counted at a glance. */
const GAP = 4;

const cellX = (i: number) => {
  const col = i % COLUMNS;
  return col * CELL_W + (col >= COLUMNS / 2 ? GAP : 0);
};
const cellY = (i: number) => Math.floor(i / COLUMNS) * CELL_H;

/**
 * 100 small figures: filled for the people who would have the outcome (the
 * central value), a lighter band behind the figures within the 80% range. The picture
 * is for the eyes; the sentence beside it says the same in words, so the
 * drawing itself is hidden from screen readers.
 */
export function IconArray({ estimate, legend }: { estimate: Estimate; legend: string }) {
  const { t } = useI18n();
  const id = useId();
  const { n, fewer, low, high } = frequency(estimate);
  // A chance above zero that rounds to none still gets one figure's band, never a filled one.
  const bandTo = Math.max(high, fewer ? 1 : high);
  const cells = Array.from({ length: 100 }, (_, i) => i);
  return (
    <div className="odds-icons">
      <svg
        viewBox={`0 0 ${COLUMNS * CELL_W + GAP} ${(100 / COLUMNS) * CELL_H}`}
        aria-hidden="true"
        focusable="false"
      >
        <defs>
          <path
            id={`${id}-figure`}
            d="M5 1.6a2.4 2.4 0 1 1 0 4.8a2.4 2.4 0 1 1 0-4.8zM1.8 15v-4.4c0-2 1.4-3.4 3.2-3.4s3.2 1.4 3.2 3.4V15z"
          />
        </defs>
        {cells
          .filter((i) => i >= low && i < bandTo)
          .map((i) => (
            <rect
              key={`band-${i}`}
              className="odds-icon-band-cell"
              x={cellX(i)}
              y={cellY(i)}
              width={CELL_W}
              height={CELL_H}
            />
          ))}
        {cells.map((i) => (
          <use
            key={i}
            href={`#${id}-figure`}
            x={cellX(i)}
            y={cellY(i)}
            className={
              i < n ? "odds-icon-on" : i >= low && i < bandTo ? "odds-icon-range" : "odds-icon-off"
            }
          />
        ))}
      </svg>
      <ul className="odds-icons-legend" aria-hidden="true">
        <li className="odds-legend-item">
          <span className="odds-mark odds-mark-on" />
          {legend}
        </li>
        <li className="odds-legend-item">
          <span className="odds-mark odds-mark-band" />
          {t("odds.icons.legendRange")}
        </li>
      </ul>
    </div>
  );
}

/**
 * One chance: the sentence in natural frequencies (both sides: who would and
 * who would not), the 80% range in a sentence of its own, any caveat that
 * belongs beside the number, the icon array, and the percentage as a second line.
 */
export function Chance({
  estimate,
  sentence,
  legend,
  denominator,
  caveat,
  shortRange = false,
}: {
  estimate: Estimate;
  sentence: string;
  legend: string;
  /** Other words for what the chance is out of than the engine's. */
  denominator?: string;
  /** Read with the number, not behind a tap (e.g. "these answers run high"). */
  caveat?: ReactNode;
  /** The range without its reason, for the chances after the first in a group. */
  shortRange?: boolean;
}) {
  const i18n = useI18n();
  return (
    <div className="odds-chance">
      <p className="odds-sentence">{sentence}</p>
      <p className="odds-range-sentence">{rangeSentence(i18n.t, estimate, shortRange)}</p>
      {caveat}
      <IconArray estimate={estimate} legend={legend} />
      <p className="small muted odds-percent">{percentLine(i18n, estimate, denominator)}</p>
    </div>
  );
}
