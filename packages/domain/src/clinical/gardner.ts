import { err, ok, type Problem, problem, type Result } from "../core/result.ts";

/** Inner cell mass or trophectoderm grade: A (many cells, tightly packed) to C (few cells). */
export type CellGrade = "A" | "B" | "C";

/**
 * A blastocyst grade in the Gardner system, as embryology labs write it
 * (e.g. `4AA`, `5BC`, `2`).
 *
 * - `expansion` 1-6: how far the blastocyst has grown. 1 early, 2 cavity at least
 *   half the embryo, 3 full, 4 expanded, 5 hatching, 6 hatched.
 * - `icm`: the inner cell mass, which becomes the baby.
 * - `te`: the trophectoderm, the outer layer, which becomes the placenta.
 *
 * Early blastocysts (1-2) are often reported without letters; from 3 on, labs
 * grade both layers, so both letters are expected.
 */
export interface GardnerGrade {
  readonly expansion: 1 | 2 | 3 | 4 | 5 | 6;
  readonly icm: CellGrade | null;
  readonly te: CellGrade | null;
  /** The grade written the standard way, e.g. `4AB`. */
  readonly text: string;
}

const PATTERN = /^([1-6])\s*[-/]?\s*(?:([A-Ca-c])\s*[-/]?\s*([A-Ca-c]))?$/;

/** Reads a Gardner grade as labs write it (case, spaces and dashes tolerated). */
export function parseGardner(text: string): Result<GardnerGrade, Problem> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return err(problem("invalid-grade", "grade", { why: "empty" }));
  const m = PATTERN.exec(trimmed);
  if (!m) {
    const first = trimmed[0]!;
    const why =
      /[0-9]/.test(first) && !/[1-6]/.test(first)
        ? "expansion"
        : /[D-Zd-z]/.test(trimmed.slice(1))
          ? "letters"
          : "shape";
    return err(problem("invalid-grade", "grade", { grade: trimmed, why }));
  }
  const expansion = Number(m[1]) as GardnerGrade["expansion"];
  const icm = (m[2]?.toUpperCase() ?? null) as CellGrade | null;
  const te = (m[3]?.toUpperCase() ?? null) as CellGrade | null;
  if (expansion >= 3 && icm === null) {
    return err(
      problem("invalid-grade", "grade", { grade: trimmed, why: "two-letters", expansion }),
    );
  }
  return ok({ expansion, icm, te, text: `${expansion}${icm ?? ""}${te ?? ""}` });
}

/**
 * The usual three-way morphology summary used in outcome studies (e.g.
 * Awadalla et al. 2022): good = AA/AB/BA, fair = BB/AC/CA, poor = BC/CB/CC.
 * Early blastocysts without letters have no summary.
 */
export function morphologyBand(grade: GardnerGrade): "good" | "fair" | "poor" | null {
  if (!grade.icm || !grade.te) return null;
  const pair = `${grade.icm}${grade.te}`;
  if (pair === "AA" || pair === "AB" || pair === "BA") return "good";
  if (pair === "BB" || pair === "AC" || pair === "CA") return "fair";
  return "poor";
}
