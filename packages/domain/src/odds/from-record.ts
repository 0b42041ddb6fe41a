import { parseGardner } from "../clinical/gardner.ts";
import { convertLab } from "../clinical/labs.ts";
import { Temporal } from "../core/time.ts";
import type { EggCohort, Embryo } from "../embryology/state.ts";
import { isInBank } from "../embryology/status.ts";
import type { JourneyState } from "../state/state.ts";
import {
  type EmbryoLeftOut,
  inRange,
  type OddsRecord,
  type RecordAmh,
  type RecordEggBatch,
  type RecordEmbryo,
  type RecordRetrieval,
  type RecordTransfer,
  type RetrievalLeftOut,
  type TransferLeftOut,
} from "./record.ts";
import type { EmbryoInput, PastOutcome, RecordedRetrievalInput } from "./schema.ts";

/**
 * The person's own record as the odds engine reads it: the embryos still in
 * the bank, the retrievals whose lab reports are complete, the latest AMH in
 * ng/mL, frozen eggs, and the age today. Pure: `today` comes in as an
 * argument. Whatever the engine cannot use is listed with the reason, so a
 * screen can say what was left out instead of leaving it out silently.
 *
 * Reads the state directly rather than through the embryology selectors,
 * which themselves use the odds engine: the two modules stay free of a cycle.
 * The record's shape is in `record.ts`; the engine's questions built from it
 * in `record-inputs.ts`.
 */

function ageOn(dateOfBirth: string, date: string): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(date), {
    largestUnit: "years",
  }).years;
}

const byDateThenId =
  <T>(date: (x: T) => string, id: (x: T) => string) =>
  (a: T, b: T) =>
    date(a).localeCompare(date(b)) || id(a).localeCompare(id(b));

function pgtOf(e: Embryo): EmbryoInput["pgt"] {
  const r = e.pgtA?.result;
  // "No result" says nothing about the chromosomes: the embryo is as good as untested.
  return r === "euploid" || r === "aneuploid" || r === "mosaic" ? r : "untested";
}

function embryoInput(e: Embryo, ageAtRetrieval: number): EmbryoInput {
  const grade = e.grade === null ? null : parseGardner(e.grade);
  return {
    ageAtRetrieval,
    pgt: pgtOf(e),
    day: e.day as 5 | 6 | 7,
    ...(grade?.ok && { grade: grade.value.text }),
  };
}

function retrievalInput(
  c: EggCohort,
  embryos: readonly Embryo[],
  eggsFrozen: number,
  age: number,
): RecordedRetrievalInput | RetrievalLeftOut {
  if (!inRange(age)) return "age-outside";
  if (eggsFrozen > 0) return "eggs-frozen";
  if (embryos.some((e) => e.day === 3)) return "day-3";
  if (c.mature === null && c.method === "conventional") return "maturity-unknown";
  const reported = c.blastocystDays.length > 0 || embryos.length > 0;
  if (c.mature === null || c.fertilized === null || !reported) return "waiting-for-lab";
  const tested = embryos.filter((e) => e.pgtA && e.pgtA.result !== "no-result");
  return {
    age,
    eggs: c.eggs,
    mature: c.mature,
    fertilized: c.fertilized,
    blastocysts: embryos.length,
    ...(tested.length > 0 && {
      biopsied: tested.length,
      euploid: tested.filter((e) => e.pgtA!.result === "euploid").length,
    }),
  };
}

/** What the odds engine can read from this record on `today` (YYYY-MM-DD). */
export function oddsFromRecord(state: JourneyState, options: { today: string }): OddsRecord {
  const dob = state.journey?.dateOfBirth ?? null;
  const cohorts = new Map([...state.cohorts].filter(([, c]) => !c.retracted));
  const embryos = [...state.embryos.values()]
    .filter((e) => !e.retracted && cohorts.has(e.cohortId))
    .sort(
      (a, b) =>
        (a.history[0]?.on ?? "").localeCompare(b.history[0]?.on ?? "") ||
        (a.label ?? "").localeCompare(b.label ?? "", undefined, { numeric: true }) ||
        a.id.localeCompare(b.id),
    );
  const collectedOn = (e: Embryo) => cohorts.get(e.cohortId)!.eggsCollectedOn;

  const bank: RecordEmbryo[] = [];
  const bankLeftOut: OddsRecord["bankLeftOut"][number][] = [];
  for (const e of embryos) {
    if (!isInBank(e) || dob === null) continue;
    const age = ageOn(dob, collectedOn(e));
    const reason: EmbryoLeftOut | null =
      e.day === 3
        ? "day-3"
        : e.pgtM?.result === "affected"
          ? "pgt-m-affected"
          : !inRange(age)
            ? "age-outside"
            : null;
    if (reason) {
      bankLeftOut.push({ embryoId: e.id, label: e.label, reason });
    } else {
      bank.push({
        embryoId: e.id,
        label: e.label,
        cohortId: e.cohortId,
        eggsCollectedOn: collectedOn(e),
        input: embryoInput(e, age),
      });
    }
  }

  const eggsFrozenFrom = new Map<string, number>();
  for (const b of state.oocyteBatches.values()) {
    if (b.retrievalId)
      eggsFrozenFrom.set(b.retrievalId, (eggsFrozenFrom.get(b.retrievalId) ?? 0) + b.count);
  }
  const history: RecordRetrieval[] = [];
  const historyLeftOut: OddsRecord["historyLeftOut"][number][] = [];
  const retrievals = [...cohorts.values()]
    .filter((c) => c.kind === "retrieval" && c.date <= options.today)
    .sort(
      byDateThenId<EggCohort>(
        (c) => c.date,
        (c) => c.id,
      ),
    );
  if (dob !== null) {
    for (const c of retrievals) {
      const input = retrievalInput(
        c,
        embryos.filter((e) => e.cohortId === c.id),
        eggsFrozenFrom.get(c.id) ?? 0,
        ageOn(dob, c.date),
      );
      if (typeof input === "string") {
        historyLeftOut.push({ cohortId: c.id, retrievedOn: c.date, reason: input });
      } else {
        history.push({ cohortId: c.id, retrievedOn: c.date, input });
      }
    }
  }

  const frozenEggs: RecordEggBatch[] = [];
  if (dob !== null) {
    for (const b of [...state.oocyteBatches.values()].sort(
      byDateThenId(
        (x) => x.frozenOn,
        (x) => x.id,
      ),
    )) {
      const remaining = b.count - b.thaws.reduce((n, t) => n + t.count, 0);
      if (remaining <= 0) continue;
      const from = b.retrievalId ? state.cohorts.get(b.retrievalId) : undefined;
      frozenEggs.push({
        batchId: b.id,
        frozenOn: b.frozenOn,
        remaining,
        ageAtFreezing: ageOn(dob, from?.date ?? b.frozenOn),
      });
    }
  }

  const transfers: RecordTransfer[] = [];
  const transfersLeftOut: OddsRecord["transfersLeftOut"][number][] = [];
  if (dob !== null) {
    const done = [...state.transfers.values()]
      .filter((t) => !t.retracted && t.status === "done" && t.date <= options.today)
      .sort(
        byDateThenId(
          (t) => t.date,
          (t) => t.id,
        ),
      );
    for (const t of done) {
      const leave = (reason: TransferLeftOut) =>
        transfersLeftOut.push({ transferId: t.id, transferredOn: t.date, reason });
      if (t.recipient.kind === "carrier") {
        leave("carrier");
        continue;
      }
      const outcome = finalOutcome(state, t.id);
      if (outcome === null) {
        leave("waiting");
        continue;
      }
      const used = t.embryoIds.map((id) => state.embryos.get(id));
      if (
        used.length === 0 ||
        used.some((e) => e === undefined || e.retracted || e.day === 3 || !cohorts.has(e.cohortId))
      ) {
        leave("not-a-blastocyst");
        continue;
      }
      const ageAtTransfer = ageOn(dob, t.date);
      const inputs = (used as Embryo[]).map((e) => embryoInput(e, ageOn(dob, collectedOn(e))));
      if (!inRange(ageAtTransfer) || inputs.some((e) => !inRange(e.ageAtRetrieval))) {
        leave("age-outside");
        continue;
      }
      transfers.push({
        transferId: t.id,
        transferredOn: t.date,
        input: { ageAtTransfer, embryos: inputs, outcome },
      });
    }
  }

  return {
    age: dob === null ? null : ageOn(dob, options.today),
    amh: latestAmh(state),
    bank,
    bankLeftOut,
    history,
    historyLeftOut,
    frozenEggs,
    transfers,
    transfersLeftOut,
  };
}

/**
 * How a transfer ended, when it has: its latest recorded outcome (an ongoing
 * pregnancy is not an end), or a beta the clinic called negative. Null while
 * there is no news, which counts as nothing yet.
 */
function finalOutcome(state: JourneyState, transferId: string): PastOutcome | null {
  let latest: { outcome: string; on: string } | null = null;
  for (const o of state.outcomes.values()) {
    if (o.transferId !== transferId || o.retracted) continue;
    if (!latest || o.on >= latest.on) latest = o;
  }
  if (latest) return latest.outcome === "ongoing" ? null : (latest.outcome as PastOutcome);
  let last: { drawnOn: string; clinicReading: string | null } | null = null;
  for (const b of state.betas.values()) {
    if (b.transferId !== transferId || b.retracted) continue;
    if (!last || b.drawnOn >= last.drawnOn) last = b;
  }
  return last?.clinicReading === "negative" ? "negative" : null;
}

function latestAmh(state: JourneyState): RecordAmh | null {
  let latest: { r: RecordAmh; ms: number } | null = null;
  for (const r of state.labResults.values()) {
    if (r.retracted || r.excluded || r.analyte !== "AMH") continue;
    const converted = convertLab({ analyte: "AMH", value: r.value, unit: r.unit }, "ng/mL");
    if (!converted.ok) continue;
    const ms = Temporal.ZonedDateTime.from(r.drawnAt).epochMilliseconds;
    if (latest === null || ms > latest.ms) {
      latest = {
        ms,
        r: { ngPerMl: converted.value.value, value: r.value, unit: r.unit, drawnAt: r.drawnAt },
      };
    }
  }
  // The engine reads AMH above 0 and at most 50 ng/mL; outside that, it is better left out.
  return latest && latest.r.ngPerMl > 0 && latest.r.ngPerMl <= 50 ? latest.r : null;
}
