import type { Analyte, LabUnit } from "../clinical/units.ts";
import type { appointmentKinds } from "./events.ts";

export interface Appointment {
  readonly id: string;
  readonly cycleId: string | null;
  readonly at: string;
  readonly kind: (typeof appointmentKinds)[number];
  readonly place: string | null;
  readonly note: string | null;
  readonly cancelled: boolean;
}

export interface LabResult {
  readonly id: string;
  readonly cycleId: string | null;
  readonly drawnAt: string;
  readonly analyte: Analyte;
  readonly value: number;
  readonly unit: LabUnit;
  readonly note: string | null;
  /** Known to be wrong: kept in the record, left out of charts and calculations. */
  readonly excluded: boolean;
  readonly excludedReason: string | null;
  readonly retracted: boolean;
  /** Earlier values, oldest first, when the result was corrected. */
  readonly corrections: readonly {
    readonly value: number;
    readonly unit: LabUnit;
    readonly drawnAt: string;
  }[];
}

export interface FollicleScan {
  readonly id: string;
  readonly cycleId: string | null;
  readonly scannedAt: string;
  readonly leftMm: readonly number[];
  readonly rightMm: readonly number[];
  readonly liningMm: number | null;
  readonly liningPattern: "triple-line" | "homogeneous" | "not-reported" | null;
  readonly note: string | null;
  readonly retracted: boolean;
}
