import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { uuidV7FromParts } from "../core/ids.ts";
import { Temporal } from "../core/time.ts";
import type { EventType, PayloadInput } from "../events/catalog.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { fold } from "../state/fold.ts";
import type { JourneyState } from "../state/state.ts";
import { Recorder, seededBytes } from "../testing/recorder.ts";
import { embryoStatuses } from "./events.ts";
import { bankCounts, embryoBank } from "./selectors.ts";

/**
 * The embryo bank's promise: every embryo ever recorded has exactly one
 * current status and its whole history, and never disappears without an
 * event saying why. Random sequences of lab reports, freezes, thaws, moves,
 * disposals, transfers, undone transfers, corrections and removals (valid or
 * not) must keep it, and any arrival order must fold to the same bank.
 */

const ZONE = "Europe/Dublin";
const BASE = Temporal.PlainDate.from("2024-05-01");
const dayOf = (n: number) => BASE.add({ days: n }).toString();
const msOf = (n: number, step: number) =>
  BASE.add({ days: n }).toZonedDateTime({ timeZone: ZONE, plainTime: "12:00" }).epochMilliseconds +
  step * 1000;

const bytes = seededBytes(4242);
const pool = Array.from({ length: 4 }, (_, i) => uuidV7FromParts(1_714_000_000_000 + i, bytes(10)));
const transferPool = Array.from({ length: 2 }, (_, i) =>
  uuidV7FromParts(1_714_100_000_000 + i, bytes(10)),
);
const retrievalA = uuidV7FromParts(1_713_900_000_000, bytes(10));
const retrievalB = uuidV7FromParts(1_713_900_000_001, bytes(10));
const pathId = uuidV7FromParts(1_713_900_000_002, bytes(10));

type Command =
  | {
      kind: "blast";
      e: number;
      day: 5 | 6 | 7;
      fate: "frozen" | "in-culture" | "discarded";
      cohort: 0 | 1;
    }
  | { kind: "day3"; e: number; fate: "frozen" | "in-culture"; cohort: 0 | 1 }
  | { kind: "freeze"; es: number[] }
  | { kind: "thaw"; e: number; survived: boolean }
  | { kind: "move"; es: number[] }
  | { kind: "dispose"; es: number[]; fate: "discarded" | "donated" | "shipped" }
  | { kind: "transfer"; t: number; es: number[]; carrier: boolean; planned: boolean }
  | { kind: "untransfer"; t: number }
  | { kind: "cancel"; t: number }
  | { kind: "retract"; e: number }
  | { kind: "correct"; e: number; grade: string }
  | { kind: "pgt"; e: number }
  | { kind: "removeRetrieval"; cohort: 0 | 1 };

const idx = fc.integer({ min: 0, max: pool.length - 1 });
const idxs = fc.uniqueArray(idx, { minLength: 1, maxLength: 2 });
const t = fc.integer({ min: 0, max: transferPool.length - 1 });
const cohort = fc.constantFrom<0 | 1>(0, 1);

const create: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant("blast" as const),
    e: idx,
    day: fc.constantFrom<5 | 6 | 7>(5, 6, 7),
    fate: fc.constantFrom("frozen" as const, "in-culture" as const, "discarded" as const),
    cohort,
  }),
  fc.record({
    kind: fc.constant("day3" as const),
    e: idx,
    fate: fc.constantFrom("frozen" as const, "in-culture" as const),
    cohort,
  }),
);

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: create, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("freeze" as const), es: idxs }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("thaw" as const), e: idx, survived: fc.boolean() }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("move" as const), es: idxs }), weight: 2 },
  fc.record({
    kind: fc.constant("dispose" as const),
    es: idxs,
    fate: fc.constantFrom("discarded" as const, "donated" as const, "shipped" as const),
  }),
  {
    arbitrary: fc.record({
      kind: fc.constant("transfer" as const),
      t,
      es: fc.uniqueArray(idx, { minLength: 1, maxLength: 2 }),
      carrier: fc.boolean(),
      planned: fc.boolean(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("untransfer" as const), t }), weight: 2 },
  fc.record({ kind: fc.constant("cancel" as const), t }),
  fc.record({ kind: fc.constant("retract" as const), e: idx }),
  fc.record({
    kind: fc.constant("correct" as const),
    e: idx,
    grade: fc.constantFrom("4AA", "3BC", "4XX", "1"),
  }),
  fc.record({ kind: fc.constant("pgt" as const), e: idx }),
  { arbitrary: fc.record({ kind: fc.constant("removeRetrieval" as const), cohort }), weight: 1 },
);
const commands = fc
  .tuple(
    fc.array(create, { minLength: 3, maxLength: 8 }),
    fc.array(command, { minLength: 8, maxLength: 36 }),
  )
  .map(([first, rest]) => [...first, ...rest]);

function draftOf(c: Command, day: string): { type: EventType; payload: unknown } {
  const ids = (es: number[]) => es.map((i) => pool[i]!);
  const cohortId = (k: 0 | 1) => (k === 0 ? retrievalA : retrievalB);
  switch (c.kind) {
    case "blast":
      return {
        type: "BlastocystsReported",
        payload: {
          cohortId: cohortId(c.cohort),
          day: c.day,
          reportedOn: day,
          blastocysts: [{ embryoId: pool[c.e], grade: "4AB", biopsied: true, fate: c.fate }],
        },
      };
    case "day3":
      return {
        type: "Day3Reported",
        payload: {
          cohortId: cohortId(c.cohort),
          reportedOn: day,
          developing: 40,
          embryos: [{ embryoId: pool[c.e], fate: c.fate }],
        },
      };
    case "freeze":
      return { type: "EmbryosFrozen", payload: { embryoIds: ids(c.es), frozenOn: day } };
    case "thaw":
      return {
        type: "EmbryoThawed",
        payload: { embryoId: pool[c.e], thawedOn: day, survived: c.survived },
      };
    case "move":
      return {
        type: "EmbryosMoved",
        payload: { embryoIds: ids(c.es), movedOn: day, storage: { clinic: "Elsewhere" } },
      };
    case "dispose":
      return { type: "EmbryoDisposed", payload: { embryoIds: ids(c.es), on: day, fate: c.fate } };
    case "transfer": {
      const recipient = c.carrier ? { kind: "carrier", name: "Aoife", pathId } : { kind: "self" };
      return c.planned
        ? {
            type: "TransferPlanned",
            payload: {
              transferId: transferPool[c.t],
              plannedOn: day,
              embryoIds: ids(c.es),
              recipient,
            },
          }
        : {
            type: "TransferRecorded",
            payload: {
              transferId: transferPool[c.t],
              transferredOn: day,
              embryoIds: ids(c.es),
              recipient,
            },
          };
    }
    case "untransfer":
      return { type: "TransferRetracted", payload: { transferId: transferPool[c.t] } };
    case "cancel":
      return { type: "TransferCancelled", payload: { transferId: transferPool[c.t] } };
    case "retract":
      return { type: "EmbryoRetracted", payload: { embryoId: pool[c.e] } };
    case "correct":
      return { type: "EmbryoCorrected", payload: { embryoId: pool[c.e], grade: c.grade } };
    case "pgt":
      return {
        type: "PgtResultRecorded",
        payload: {
          reportedOn: day,
          test: "PGT-A",
          results: [{ embryoId: pool[c.e], result: "euploid" }],
        },
      };
    case "removeRetrieval":
      return { type: "RetrievalRetracted", payload: { cohortId: cohortId(c.cohort) } };
  }
}

/** The embryos an event touches, judged on the state before it. */
function touched(before: JourneyState, e: TrellisEvent): string[] {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case "BlastocystsReported":
      return (p.blastocysts as { embryoId: string }[]).map((b) => b.embryoId);
    case "Day3Reported":
      return ((p.embryos as { embryoId: string }[] | undefined) ?? []).map((b) => b.embryoId);
    case "TransferRecorded":
    case "EmbryosFrozen":
    case "EmbryosMoved":
    case "EmbryoDisposed":
      return p.embryoIds as string[];
    case "TransferRetracted":
      return [...(before.transfers.get(p.transferId as string)?.embryoIds ?? [])];
    case "EmbryoThawed":
    case "EmbryoRetracted":
    case "EmbryoCorrected":
      return [p.embryoId as string];
    case "PgtResultRecorded":
      return (p.results as { embryoId: string }[]).map((r) => r.embryoId);
    default:
      return [];
  }
}

function setup(): Recorder {
  const r = new Recorder("proptest01", 99);
  r.record(
    "JourneyCreated",
    {
      dateOfBirth: "1989-06-01",
      homeZone: ZONE,
      createdAt: "2024-04-01T09:00:00+01:00[Europe/Dublin]",
    },
    msOf(-30, 0),
  );
  for (const [retrievalId, clinic] of [
    [retrievalA, "Clinic A"],
    [retrievalB, "Clinic B"],
  ] as const) {
    r.record(
      "RetrievalRecorded",
      { retrievalId, retrievedOn: dayOf(0), clinic, eggsRetrieved: 60, mature: 60 },
      msOf(0, 0),
    );
    r.record(
      "FertilizationReported",
      { cohortId: retrievalId, reportedOn: dayOf(1), method: "icsi", fertilized: 50 },
      msOf(1, 0),
    );
  }
  r.record(
    "PathStarted",
    { pathId, kind: "gestational-carrier", name: "Aoife", startedOn: dayOf(0) },
    msOf(0, 1),
  );
  return r;
}

describe("the embryo bank never loses an embryo", () => {
  it("keeps one status, a full history, and a reason for every change, across random event sequences", () => {
    fc.assert(
      fc.property(
        commands.chain((cs) =>
          fc.tuple(
            fc.constant(cs),
            fc.array(fc.integer({ min: -2, max: 20 }), {
              minLength: cs.length,
              maxLength: cs.length,
            }),
          ),
        ),
        ([cmds, advances]) => {
          const steps = cmds.map((c, i) => ({ c, advance: advances[i]! }));
          const r = setup();
          const seen = new Set<string>();
          const touches = new Map<string, number>();
          let day = 5;
          for (const [i, { c, advance }] of steps.entries()) {
            day = Math.max(2, day + advance);
            const before = r.snapshot();
            const { type, payload } = draftOf(c, dayOf(day));
            const out = r.tryRecord(type, payload as PayloadInput<typeof type>, msOf(day, i + 10));
            if (out.ok) {
              for (const id of touched(before, out.value)) {
                seen.add(id);
                touches.set(id, (touches.get(id) ?? 0) + 1);
              }
            } else {
              // A refused event changes nothing at all.
              expect(r.state.embryos).toEqual(before.embryos);
              expect(r.state.transfers).toEqual(before.transfers);
            }
            const s = r.state;
            const accepted = new Set(r.events.map((e) => e.id));
            for (const id of seen) {
              const embryo = s.embryos.get(id);
              // Never disappears.
              expect(embryo, `embryo ${id} vanished`).toBeDefined();
              // Exactly one current status, and it is the last step of its history.
              expect(embryoStatuses).toContain(embryo!.status);
              expect(embryo!.history.at(-1)!.status).toBe(embryo!.status);
              // One step per event that touched it, each naming an event in the log.
              expect(embryo!.history.length).toBe(touches.get(id));
              for (const h of embryo!.history) expect(accepted.has(h.eventId)).toBe(true);
              // A status change always comes from an event that says why.
              for (let k = 1; k < embryo!.history.length; k++) {
                const prev = embryo!.history[k - 1]!;
                const step = embryo!.history[k]!;
                if (prev.status !== step.status) {
                  expect([
                    "EmbryosFrozen",
                    "EmbryoThawed",
                    "EmbryoDisposed",
                    "TransferRecorded",
                    "TransferRetracted",
                  ]).toContain(step.cause);
                }
              }
            }
            // Every embryo in the bank view counts once, under one status.
            const bank = embryoBank(s);
            const counts = bankCounts(s);
            expect(new Set(bank.map((b) => b.embryo.id)).size).toBe(bank.length);
            expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.total);
            expect(counts.total).toBe(
              [...s.embryos.values()].filter(
                (e) => !e.retracted && !s.cohorts.get(e.cohortId)!.retracted,
              ).length,
            );
          }
          // Same events, any arrival order: same bank.
          const reversed = fold([...r.events].reverse());
          expect(reversed.embryos).toEqual(r.state.embryos);
          expect(reversed.transfers).toEqual(r.state.transfers);
        },
      ),
      { numRuns: 200 },
    );
  });
});
