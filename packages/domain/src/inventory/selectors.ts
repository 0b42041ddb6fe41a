import { Temporal } from "../core/time.ts";
import type { DoseUnit } from "../medication/catalogue.ts";
import { addDays, dayNumber } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import { rangeSchedule } from "../treatment/selectors.ts";
import type { MedicationRef } from "../treatment/state.ts";
import type { Supply } from "./state.ts";

/** Converts between units of the same kind (only mg and mcg); null when they do not mix. */
export function convertAmount(value: number, from: DoseUnit, to: DoseUnit): number | null {
  if (from === to) return value;
  if (from === "mg" && to === "mcg") return value * 1000;
  if (from === "mcg" && to === "mg") return value / 1000;
  return null;
}

export function sameMedicine(
  a: { catalogueId?: string | undefined; name: string },
  b: { catalogueId?: string | undefined; name: string },
): boolean {
  if (a.catalogueId && b.catalogueId) return a.catalogueId === b.catalogueId;
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

export interface SupplyStatus {
  readonly supply: Supply;
  /** What is left now, in the supply's unit. */
  readonly remaining: number;
}

export interface MedicineStock {
  readonly medication: { readonly catalogueId?: string | undefined; readonly name: string };
  readonly unit: DoseUnit;
  readonly supplies: readonly SupplyStatus[];
  /** Everything left now, in `unit`. Negative when more was logged than was ever added. */
  readonly remaining: number;
  /** The planned doses still to come in the horizon, in `unit`. */
  readonly plannedAhead: number;
  /** The date of the first planned dose that what is left cannot cover; null if it lasts. */
  readonly runsOutOn: string | null;
  /** Days from today until `runsOutOn`. */
  readonly daysLeft: number | null;
  /** Runs out within the warning window, or already short. */
  readonly warn: boolean;
  /** Supplies that expire before the doses planned from them. */
  readonly expiringSoon: readonly { readonly supplyId: string; readonly expiry: string }[];
}

export interface InventoryOptions {
  readonly zone: string;
  readonly nowMs: number;
  /** Warn this many days before a medicine runs out. */
  readonly warnDays: number;
  /** How far ahead to forecast (days). */
  readonly horizonDays?: number;
}

/**
 * Stock per medicine: supplies minus logged doses (first to expire is used
 * first), and the day it runs out against the plan.
 */
export function inventory(state: JourneyState, options: InventoryOptions): MedicineStock[] {
  const horizon = options.horizonDays ?? 60;
  const today = Temporal.Instant.fromEpochMilliseconds(options.nowMs)
    .toZonedDateTimeISO(options.zone)
    .toPlainDate()
    .toString();
  const supplies = [...state.supplies.values()].filter((s) => s.removed !== "mistake");
  const groups: { medication: Supply["medication"]; unit: DoseUnit; supplies: Supply[] }[] = [];
  for (const s of supplies) {
    const g = groups.find(
      (x) => sameMedicine(x.medication, s.medication) && convertAmount(1, s.unit, x.unit) !== null,
    );
    if (g) g.supplies.push(s);
    else groups.push({ medication: s.medication, unit: s.unit, supplies: [s] });
  }

  // Logged doses per group, oldest first.
  const planMeds = new Map<string, MedicationRef>();
  for (const item of state.planItems.values()) planMeds.set(item.id, item.medication);
  const future = rangeSchedule(state, {
    zone: options.zone,
    from: today,
    to: addDays(today, horizon),
    nowMs: options.nowMs,
  }).filter((d) => d.log === null && d.epochMs >= options.nowMs - 12 * 3600_000);

  return groups.map((g) => {
    const usage: { at: number; amount: number }[] = [];
    for (const log of state.doseLogs.values()) {
      if (log.retracted || log.status === "skipped" || !log.amount) continue;
      const med = planMeds.get(log.planItemId);
      if (!med || !sameMedicine(med, g.medication)) continue;
      const amount = convertAmount(log.amount.value, log.amount.unit, g.unit);
      if (amount !== null) usage.push({ at: epochOf(log.takenAt), amount });
    }
    usage.sort((a, b) => a.at - b.at);

    const remaining = new Map<string, number>();
    const order = [...g.supplies].sort(
      (a, b) =>
        (a.expiry ?? "9999").localeCompare(b.expiry ?? "9999") ||
        a.addedOn.localeCompare(b.addedOn) ||
        a.id.localeCompare(b.id),
    );
    // Walk time: supplies arrive on their date, counts reset a supply, doses draw first-to-expire.
    type Step = { at: number; kind: 0 | 1 | 2; run: () => void };
    const steps: Step[] = [];
    let deficit = 0;
    for (const s of order) {
      const qty = convertAmount(s.quantity, s.unit, g.unit)!;
      steps.push({
        at: startOfDay(s.addedOn, options.zone),
        kind: 0,
        run: () => remaining.set(s.id, qty),
      });
      for (const c of s.counts) {
        const left = convertAmount(c.remaining, s.unit, g.unit)!;
        steps.push({ at: epochOf(c.countedAt), kind: 1, run: () => remaining.set(s.id, left) });
      }
    }
    for (const u of usage) {
      steps.push({
        at: u.at,
        kind: 2,
        run: () => {
          let need = u.amount;
          for (const s of order) {
            if (need <= 0) break;
            const left = remaining.get(s.id);
            if (left === undefined || left <= 0 || s.removed) continue;
            const take = Math.min(left, need);
            remaining.set(s.id, left - take);
            need -= take;
          }
          deficit += need;
        },
      });
    }
    steps.sort((a, b) => a.at - b.at || a.kind - b.kind);
    for (const step of steps) step.run();

    const statuses: SupplyStatus[] = order.map((s) => ({
      supply: s,
      remaining: s.removed ? 0 : round(convertAmount(remaining.get(s.id) ?? 0, g.unit, s.unit)!),
    }));
    const total = round(
      statuses.reduce((sum, s) => sum + convertAmount(s.remaining, s.supply.unit, g.unit)!, 0) -
        deficit,
    );

    let left = total;
    let plannedAhead = 0;
    let runsOutOn: string | null = null;
    const expiringSoon: { supplyId: string; expiry: string }[] = [];
    const stockByExpiry = statuses
      .filter((s) => s.remaining > 0)
      .map((s) => ({
        id: s.supply.id,
        expiry: s.supply.expiry,
        left: convertAmount(s.remaining, s.supply.unit, g.unit)!,
      }));
    for (const d of future) {
      if (!planMeds.has(d.planItemId) || !sameMedicine(planMeds.get(d.planItemId)!, g.medication))
        continue;
      const amount = convertAmount(d.dose.value, d.dose.unit, g.unit);
      if (amount === null) continue;
      plannedAhead += amount;
      left -= amount;
      if (left < -1e-9 && runsOutOn === null) runsOutOn = d.date;
      let need = amount;
      for (const s of stockByExpiry) {
        if (need <= 0) break;
        if (s.left <= 0) continue;
        if (s.expiry && s.expiry < d.date && !expiringSoon.some((e) => e.supplyId === s.id)) {
          expiringSoon.push({ supplyId: s.id, expiry: s.expiry });
        }
        const take = Math.min(s.left, need);
        s.left -= take;
        need -= take;
      }
    }
    const daysLeft = runsOutOn ? dayNumber(runsOutOn) - dayNumber(today) : null;
    return {
      medication: g.medication,
      unit: g.unit,
      supplies: statuses,
      remaining: total,
      plannedAhead: round(plannedAhead),
      runsOutOn,
      daysLeft,
      warn: total < 0 || (daysLeft !== null && daysLeft <= options.warnDays),
      expiringSoon,
    };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function epochOf(zoned: string): number {
  return Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
}

function startOfDay(date: string, zone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}
