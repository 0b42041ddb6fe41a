import type { Form, Purpose, Route } from "../medication/catalogue.ts";
import type { CycleType, DayOne } from "../protocols/templates.ts";
import type { Dose } from "../schedule/expand.ts";
import type { InjectionSite } from "./events.ts";

export type CycleStatus = "active" | "completed" | "cancelled";

export interface Cycle {
  readonly id: string;
  readonly cycleType: CycleType;
  readonly protocolId: string | null;
  readonly protocolName: string;
  readonly dayOne: DayOne;
  readonly startDate: string;
  readonly zone: string;
  readonly transferPlan: "fresh" | "freeze-all" | null;
  /** The clinic's name as free text, from cycles recorded before clinic cards (see `clinicId`). */
  readonly clinic: string | null;
  /** The clinic card this cycle is at (`clinicForCycle`); null when it names none. */
  readonly clinicId: string | null;
  /** Hours from trigger to retrieval or insemination; 36 unless the clinic said otherwise. */
  readonly triggerToProcedureHours: number;
  readonly status: CycleStatus;
  readonly endedOn: string | null;
  /** The last day the person said "not yet" to "Is this cycle over?" (`CycleStillOpen`). */
  readonly stillOpenOn: string | null;
  readonly retracted: boolean;
}

export interface MedicationRef {
  readonly catalogueId?: string | undefined;
  readonly name: string;
  readonly route: Route;
  readonly form?: Form | undefined;
  readonly purpose: Purpose;
}

export type PlanStart = { readonly cycleDay: number } | { readonly date: string };
export type PlanEndSpec =
  | { readonly kind: "cycle-day"; readonly day: number }
  | { readonly kind: "date"; readonly date: string }
  | { readonly kind: "until-trigger" }
  | { readonly kind: "open" };

export interface PlanChange {
  readonly from: string;
  readonly dose?: Dose | undefined;
  readonly times?: readonly string[] | undefined;
  readonly end?: PlanEndSpec | undefined;
  readonly note?: string | undefined;
  readonly eventId: string;
}

export interface PlannedMedication {
  readonly id: string;
  readonly cycleId: string;
  readonly medication: MedicationRef;
  readonly dose: Dose;
  readonly times: readonly string[];
  readonly start: PlanStart;
  readonly end: PlanEndSpec;
  readonly everyDays: number;
  readonly timeCritical: boolean;
  readonly note: string | null;
  /** Changes from a day onward, in the order they were made. */
  readonly changes: readonly PlanChange[];
  readonly retracted: boolean;
}

export interface DoseLog {
  readonly id: string;
  /** The event that logged it (whose author a shared record can show: "logged by Sam"). */
  readonly eventId: string;
  readonly planItemId: string;
  readonly slot: { readonly date: string; readonly time: string };
  readonly takenAt: string;
  readonly status: "taken" | "partial" | "skipped";
  readonly amount: Dose | null;
  readonly site: InjectionSite | null;
  readonly note: string | null;
  readonly retracted: boolean;
}
