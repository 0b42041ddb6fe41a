/** Which unit a person reads each hormone in, and how many digits a lab value deserves on screen. */
import { type Analyte, type LabUnit, labUnits, type Preferences } from "@trellis/domain";

/** Hormones a person can choose a unit for; the others read the same in either unit (1:1). */
export function preferredUnit(analyte: Analyte, prefs: Preferences): LabUnit {
  switch (analyte) {
    case "E2":
      return prefs.e2Unit;
    case "P4":
      return prefs.p4Unit;
    case "AMH":
      return prefs.amhUnit;
    default:
      return labUnits(analyte)[0]!;
  }
}

/** True when the two units give different numbers (pg/mL vs pmol/L), not just different names. */
export function unitsDiffer(analyte: Analyte, a: LabUnit, b: LabUnit): boolean {
  return a !== b && (analyte === "E2" || analyte === "P4" || analyte === "AMH");
}

/** Digits as labs print them: whole numbers for large values, up to two decimals for small ones. */
export function labDigits(value: number): Intl.NumberFormatOptions {
  const abs = Math.abs(value);
  return { maximumFractionDigits: abs >= 100 ? 0 : abs >= 10 ? 1 : 2 };
}
