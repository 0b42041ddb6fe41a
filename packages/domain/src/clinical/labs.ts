/** Answers "what is this lab value in the other unit?" and "could a lab have reported this?". */
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import {
  type Analyte,
  type AnalyteUnits,
  analytes,
  LAB_ANALYTES,
  type LabUnit,
  type UnitFactor,
} from "./units.ts";

/** A lab result that passed validation: a known analyte, one of its units, a finite value >= 0. */
export interface LabValue {
  readonly analyte: Analyte;
  readonly value: number;
  readonly unit: LabUnit;
}

/**
 * A lab result as typed or imported, before validation. Analyte and unit are
 * matched ignoring case and surrounding spaces (`"hcg"`, `" pg/ml "`), and come
 * back spelled the standard way.
 */
export interface LabInput {
  readonly analyte: Analyte | (string & {});
  readonly value: number;
  readonly unit?: LabUnit | (string & {}) | null;
}

const table: Readonly<Record<Analyte, AnalyteUnits>> = LAB_ANALYTES;

function findAnalyte(text: unknown): Analyte | null {
  if (typeof text !== "string") return null;
  const wanted = text.trim().toLowerCase();
  return analytes.find((a) => a.toLowerCase() === wanted) ?? null;
}

function findUnit(analyte: Analyte, text: string): UnitFactor | null {
  const wanted = text.trim().toLowerCase();
  return table[analyte].units.find((u) => u.unit.toLowerCase() === wanted) ?? null;
}

/** Numbers in a refusal's params: at most 6 significant digits. */
function show(n: number): number {
  return Number(n.toPrecision(6));
}

const unitList = (analyte: Analyte): string => table[analyte].units.map((u) => u.unit).join(", ");

/** The units `analyte` may be reported in, preferred first; empty for an unknown analyte. */
export function labUnits(analyte: Analyte | (string & {})): readonly LabUnit[] {
  const known = findAnalyte(analyte);
  return known ? table[known].units.map((u) => u.unit) : [];
}

type Checked = UnitFactor & { readonly analyte: Analyte; readonly value: number };

function checkUnit(analyte: Analyte, raw: unknown, field: string): Result<UnitFactor, Problem> {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return err(problem("missing-unit", field, { analyte, units: unitList(analyte) }));
  }
  const found = typeof raw === "string" ? findUnit(analyte, raw) : null;
  if (!found) {
    return err(
      problem("wrong-unit", field, {
        analyte,
        units: unitList(analyte),
        unit: typeof raw === "string" ? raw.trim() : String(raw),
      }),
    );
  }
  return ok(found);
}

function checkInput(lab: LabInput): Result<Checked, Problem> {
  if (typeof lab !== "object" || lab === null) {
    return err(problem("invalid-lab-value", "analyte"));
  }
  const analyte = findAnalyte(lab.analyte);
  if (!analyte) {
    return err(
      problem("unknown-analyte", "analyte", {
        ...(typeof lab.analyte === "string" && { analyte: lab.analyte }),
        known: analytes.join(", "),
      }),
    );
  }
  const unit = checkUnit(analyte, lab.unit, "unit");
  if (!unit.ok) return unit;
  const { value } = lab;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return err(problem("invalid-value", "value", { analyte }));
  }
  if (value < 0) {
    return err(problem("negative-value", "value", { analyte, value: show(value) }));
  }
  return ok({ analyte, value, ...unit.value });
}

/**
 * Converts a lab value to `toUnit`, using the factors in `units.ts`
 * (clinical reference §6). Refuses an unknown analyte, a missing unit, a unit that
 * does not belong to the analyte (E2 in nmol/L), a negative or non-finite
 * value. The result is not rounded: the screen rounds for display. It does not
 * judge plausibility; use `checkLabValue` where a person types a number.
 */
export function convertLab(
  lab: LabInput,
  toUnit: LabUnit | (string & {}),
): Result<LabValue, Problem> {
  const checked = checkInput(lab);
  if (!checked.ok) return checked;
  const { analyte, value, unit, perPreferred } = checked.value;
  const target = checkUnit(analyte, toUnit, "toUnit");
  if (!target.ok) return target;
  if (target.value.unit === unit) return ok({ analyte, value, unit });
  // Via the preferred unit: value / (from per preferred) * (to per preferred).
  const converted = (value / perPreferred) * target.value.perPreferred;
  return ok({ analyte, value: converted, unit: target.value.unit });
}

/**
 * The range Trellis accepts for `analyte` in `unit` (both ends inclusive), or
 * `null` if the pair is unknown. A plausibility guard against typos and unit
 * mix-ups, not a normal range and not a clinical fact: see `units.ts`.
 */
export function plausibleRange(
  analyte: Analyte | (string & {}),
  unit: LabUnit | (string & {}),
): { readonly min: number; readonly max: number } | null {
  const known = findAnalyte(analyte);
  const found = known ? findUnit(known, unit) : null;
  if (!known || !found) return null;
  return { min: 0, max: table[known].plausibleMax * found.perPreferred };
}

/**
 * Validates a typed or imported lab value and refuses one no lab would report
 * ("an E2 of 90000 pg/mL is outside what labs report"), in the unit given.
 * Returns the value with analyte and unit spelled the standard way.
 */
export function checkLabValue(lab: LabInput): Result<LabValue, Problem> {
  const checked = checkInput(lab);
  if (!checked.ok) return checked;
  const { analyte, value, unit, perPreferred } = checked.value;
  const max = table[analyte].plausibleMax * perPreferred;
  if (value > max) {
    return err(
      problem("implausible-value", "value", { analyte, value: show(value), unit, max: show(max) }),
    );
  }
  return ok({ analyte, value, unit });
}
