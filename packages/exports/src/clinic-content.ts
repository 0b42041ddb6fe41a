/**
 * What the clinic summary says, worked out from the folded record before
 * anything is laid out: headings, paragraphs, tables and charts in reading
 * order, every word from the catalogue and every date and number formatted
 * with `Intl` in the summary's locale. `clinic-layout.ts` puts these blocks
 * on pages.
 */

import {
  type Analyte,
  betaSeries,
  type Cycle,
  cohortFunnel,
  cohortList,
  currentClinic,
  cycleClinicName,
  cycleList,
  cycleTrigger,
  type EggCohort,
  type Embryo,
  embryoBank,
  isLoss,
  type JourneyState,
  type LabPoint,
  type LabUnit,
  labSeries,
  latestOutcome,
  type PlannedMedication,
  scanSeries,
  Temporal,
  type Transfer,
  transferEmbryos,
  transferList,
} from "@trellis/domain";
import type { Say } from "./clinic-words.ts";

/** The parts of the summary a person can choose. */
export const clinicSections = [
  "details",
  "treatment",
  "monitoring",
  "embryos",
  "transfers",
  "medicines",
] as const;
export type ClinicSection = (typeof clinicSections)[number];

/** Which personal details go on the summary; none unless chosen. */
export interface ClinicDetails {
  readonly name?: boolean;
  readonly dateOfBirth?: boolean;
  readonly clinic?: boolean;
  readonly partner?: boolean;
}

export interface Column {
  readonly header: string;
  /** Share of the table's width. */
  readonly weight: number;
  readonly align?: "left" | "right";
}

export interface LineChartSpec {
  readonly kind: "line";
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly legend: string;
}

export interface FollicleChartSpec {
  readonly kind: "follicles";
  readonly scans: readonly {
    readonly x: number;
    readonly left: readonly number[];
    readonly right: readonly number[];
  }[];
  readonly legend: { readonly left: string; readonly right: string; readonly lead: string };
}

export type Block =
  | { readonly kind: "title"; readonly text: string }
  | { readonly kind: "heading"; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly quiet?: boolean }
  | {
      readonly kind: "facts";
      readonly rows: readonly { readonly label: string; readonly value: string }[];
    }
  | {
      readonly kind: "table";
      readonly caption: string;
      readonly columns: readonly Column[];
      /** Cells may hold line breaks. */
      readonly rows: readonly (readonly string[])[];
    }
  | {
      readonly kind: "figure";
      readonly title: string;
      readonly alt: string;
      readonly xLabel: string;
      readonly chart: LineChartSpec | FollicleChartSpec;
    };

export interface ContentOptions {
  readonly locale: string;
  readonly sections: readonly ClinicSection[];
  readonly details: ClinicDetails;
  readonly leaveOutLosses: boolean;
  /** When the summary is made (its date is printed). */
  readonly now: Temporal.ZonedDateTime;
  readonly appName: string;
}

/** Dates, times and numbers in the summary's locale. */
export class Formats {
  private readonly day: Intl.DateTimeFormat;
  private readonly times = new Map<string, Intl.DateTimeFormat>();
  constructor(private readonly locale: string) {
    this.day = new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
  }
  /** A calendar date given as YYYY-MM-DD. */
  date(iso: string): string {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    return this.day.format(Date.UTC(y!, m! - 1, d!, 12));
  }
  /** An exact time with its zone (`2026-03-14T21:30:00-04:00[America/New_York]`), in that zone. */
  dateTime(zoned: string): string {
    const at = Temporal.ZonedDateTime.from(zoned);
    let f = this.times.get(at.timeZoneId);
    if (!f) {
      f = new Intl.DateTimeFormat(this.locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: at.timeZoneId,
        timeZoneName: "short",
      });
      this.times.set(at.timeZoneId, f);
    }
    return f.format(at.epochMilliseconds);
  }
  number(n: number, maxFraction = 2): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: maxFraction }).format(n);
  }
}

const localDate = (zoned: string) => zoned.slice(0, 10);
const byDate =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The doses given in date order as runs of one dose: a change of dose starts a new run. */
function doseRuns(
  given: readonly { date: string; dose: string }[],
): { dose: string; from: string; to: string }[] {
  const runs: { dose: string; from: string; to: string }[] = [];
  for (const l of given) {
    const last = runs.at(-1);
    if (last && last.dose === l.dose) last.to = l.date;
    else runs.push({ dose: l.dose, from: l.date, to: l.date });
  }
  return runs;
}
/** The summary's blocks, in reading order. */
export function clinicContent(state: JourneyState, options: ContentOptions, say: Say): Block[] {
  const f = new Formats(options.locale);
  const blocks: Block[] = [];
  const name = options.details.name ? (state.journey?.displayName ?? null) : null;
  blocks.push({
    kind: "title",
    text: name ? say("doc.titleFor", { name }) : say("doc.title"),
  });
  blocks.push({
    kind: "paragraph",
    quiet: true,
    text: `${say("doc.madeOn", { date: f.date(options.now.toPlainDate().toString()), app: options.appName })} ${say("doc.about", { name: name ?? "none", app: options.appName })}`,
  });
  const chosen = new Set(options.sections);
  const cycles = cycleList(state).reverse(); // oldest first: a history reads forward
  for (const section of clinicSections) {
    if (!chosen.has(section)) continue;
    if (section === "details") blocks.push(...details(state, options, say, f));
    if (section === "treatment") blocks.push(...treatment(state, cycles, say, f));
    if (section === "monitoring") blocks.push(...monitoring(state, cycles, options, say, f));
    if (section === "embryos") blocks.push(...embryos(state, say, f));
    if (section === "transfers") blocks.push(...transfers(state, options, say, f));
    if (section === "medicines") blocks.push(...medicines(state, say, f));
  }
  return blocks;
}

function details(state: JourneyState, options: ContentOptions, say: Say, f: Formats): Block[] {
  const journey = state.journey;
  const rows: { label: string; value: string }[] = [];
  const chosen = options.details;
  if (chosen.name && journey?.displayName) {
    rows.push({ label: say("details.name"), value: journey.displayName });
  }
  if (chosen.dateOfBirth && journey) {
    const age = Temporal.PlainDate.from(journey.dateOfBirth).until(options.now.toPlainDate(), {
      largestUnit: "years",
    }).years;
    rows.push({
      label: say("details.dateOfBirth"),
      value: say("details.age", { date: f.date(journey.dateOfBirth), age }),
    });
  }
  const clinic = currentClinic(state);
  if (chosen.clinic && clinic) rows.push({ label: say("details.clinic"), value: clinic.name });
  if (chosen.partner && journey?.partnerName) {
    rows.push({ label: say("details.partner"), value: journey.partnerName });
  }
  return [
    { kind: "heading", level: 2, text: say("details.title") },
    rows.length > 0
      ? { kind: "facts", rows }
      : {
          kind: "paragraph",
          text: say(Object.values(chosen).some(Boolean) ? "doc.none" : "details.noneChosen"),
        },
  ];
}

function cycleHeading(cycle: Cycle, say: Say, f: Formats): string {
  return say("treatment.cycle", {
    type: say(`cycle.type.${cycle.cycleType}`),
    date: f.date(cycle.startDate),
  });
}

function plannedItems(state: JourneyState, cycleId: string): PlannedMedication[] {
  return [...state.planItems.values()].filter((i) => i.cycleId === cycleId && !i.retracted);
}

/** A dose as people write it: "225 IU", "2 tablets". */
function doseText(dose: { value: number; unit: string }, say: Say, f: Formats): string {
  const unit = say(`unit.${dose.unit}` as Parameters<Say>[0], { n: dose.value });
  return `${f.number(dose.value, 3)} ${unit}`;
}

/** The planned dose on a day: the last change from that day or before, else the first dose. */
function plannedDoseOn(item: PlannedMedication, date: string): { value: number; unit: string } {
  let dose = item.dose;
  for (const change of item.changes) if (change.dose && change.from <= date) dose = change.dose;
  return dose;
}

function treatment(state: JourneyState, cycles: readonly Cycle[], say: Say, f: Formats): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: say("treatment.title") }];
  if (cycles.length === 0) blocks.push({ kind: "paragraph", text: say("doc.none") });
  const logsByItem = new Map<string, { date: string; given: boolean; dose: string }[]>();
  for (const log of state.doseLogs.values()) {
    if (log.retracted) continue;
    const item = state.planItems.get(log.planItemId);
    if (!item) continue;
    const date = localDate(log.takenAt);
    const dose = log.amount ?? plannedDoseOn(item, log.slot.date);
    const list = logsByItem.get(log.planItemId) ?? [];
    list.push({ date, given: log.status !== "skipped", dose: doseText(dose, say, f) });
    logsByItem.set(log.planItemId, list);
  }
  for (const cycle of cycles) {
    blocks.push({ kind: "heading", level: 3, text: cycleHeading(cycle, say, f) });
    const facts = [{ label: say("treatment.protocol"), value: cycle.protocolName }];
    const status =
      cycle.status === "active"
        ? say("treatment.status.active")
        : cycle.endedOn
          ? say(`treatment.status.${cycle.status}On`, { date: f.date(cycle.endedOn) })
          : say(`treatment.status.${cycle.status}`);
    facts.push({ label: say("treatment.status"), value: status });
    const clinic = cycleClinicName(state, cycle.id);
    if (clinic) facts.push({ label: say("treatment.clinic"), value: clinic });
    const trigger = cycleTrigger(state, cycle.id);
    if (trigger) {
      facts.push({
        label: say("treatment.trigger"),
        value: say(trigger.logged ? "treatment.trigger.logged" : "treatment.trigger.planned", {
          medicine: trigger.medicationName,
          time: f.dateTime(trigger.at),
        }),
      });
    }
    blocks.push({ kind: "facts", rows: facts });
    const items = plannedItems(state, cycle.id);
    if (items.length > 0) {
      const rows = items.map((item) => {
        const logs = (logsByItem.get(item.id) ?? []).sort(byDate((l) => l.date));
        const given = logs.filter((l) => l.given);
        const runs = doseRuns(given);
        const planned = doseText(item.dose, say, f);
        // One dose all through: the dose. A dose changed: each dose with the days it was given.
        const doses =
          runs.length > 1
            ? runs.map((r) =>
                say("treatment.doses.run", {
                  dose: r.dose,
                  dates:
                    r.from === r.to
                      ? f.date(r.from)
                      : say("treatment.doses.range", { from: f.date(r.from), to: f.date(r.to) }),
                }),
              )
            : [runs[0]?.dose ?? planned];
        return [
          item.medication.name,
          doses.join("\n"),
          given.length + logs.length > 0
            ? say("treatment.doses.count", {
                given: given.length,
                notTaken: logs.length - given.length,
              })
            : say("treatment.doses.none"),
          given.length > 0
            ? given[0]!.date === given.at(-1)!.date
              ? f.date(given[0]!.date)
              : say("treatment.doses.range", {
                  from: f.date(given[0]!.date),
                  to: f.date(given.at(-1)!.date),
                })
            : say("doc.missing"),
        ];
      });
      blocks.push({
        kind: "table",
        caption: say("treatment.doses.caption"),
        columns: [
          { header: say("treatment.doses.medicine"), weight: 3 },
          { header: say("treatment.doses.dose"), weight: 2 },
          { header: say("treatment.doses.given"), weight: 2.2 },
          { header: say("treatment.doses.dates"), weight: 3.2 },
        ],
        rows,
      });
    }
    const cohorts = cohortList(state)
      .filter((c) => c.cycleId === cycle.id)
      .sort(byDate((c) => c.date));
    if (cohorts.length > 0) blocks.push(funnelTable(state, cohorts, say, f));
  }
  return blocks;
}

function funnelTable(
  state: JourneyState,
  cohorts: readonly EggCohort[],
  say: Say,
  f: Formats,
): Block {
  const count = (n: number | null) => (n === null ? say("doc.missing") : f.number(n, 0));
  const rows = cohorts.map((c) => {
    const funnel = cohortFunnel(state, c.id)!;
    const fertilized =
      funnel.fertilized !== null && c.method
        ? say("treatment.funnel.withMethod", {
            count: f.number(funnel.fertilized, 0),
            method: say(`treatment.funnel.method.${c.method}`),
          })
        : count(funnel.fertilized);
    return [
      c.kind === "thaw" ? say("treatment.funnel.thaw", { date: f.date(c.date) }) : f.date(c.date),
      count(funnel.eggs),
      count(c.kind === "thaw" ? funnel.survived : funnel.mature),
      fertilized,
      count(funnel.blastocysts),
      count(funnel.euploid),
    ];
  });
  return {
    kind: "table",
    caption: say("treatment.funnel.caption"),
    columns: [
      { header: say("treatment.funnel.date"), weight: 2.4 },
      { header: say("treatment.funnel.eggs"), weight: 1, align: "right" },
      { header: say("treatment.funnel.mature"), weight: 1.4, align: "right" },
      { header: say("treatment.funnel.fertilized"), weight: 2.2, align: "right" },
      { header: say("treatment.funnel.blastocysts"), weight: 1.6, align: "right" },
      { header: say("treatment.funnel.euploid"), weight: 1.6, align: "right" },
    ],
    rows,
  };
}

const analyteOrder: readonly Analyte[] = ["E2", "LH", "P4", "FSH", "AMH", "hCG"];

/** The unit the person reads each hormone in (their preferences; the lab's usual unit otherwise). */
function preferredUnit(state: JourneyState, analyte: Analyte): LabUnit {
  const p = state.preferences;
  if (analyte === "E2") return p.e2Unit;
  if (analyte === "P4") return p.p4Unit;
  if (analyte === "AMH") return p.amhUnit;
  if (analyte === "hCG") return "mIU/mL";
  return "IU/L";
}

/**
 * With losses left out: the days whose pregnancy tests would tell one, from
 * the day of each transfer that ended in a loss until the next transfer.
 */
function lossDays(state: JourneyState): (date: string) => boolean {
  const transfers = transferList(state).reverse(); // oldest first
  const windows = transfers.flatMap((t, i) => {
    const outcome = latestOutcome(state, t.id);
    if (!outcome || !isLoss(outcome.outcome)) return [];
    return [{ from: t.date, until: transfers[i + 1]?.date ?? null }];
  });
  return (date) => windows.some((w) => date >= w.from && (w.until === null || date < w.until));
}

function monitoring(
  state: JourneyState,
  cycles: readonly Cycle[],
  options: ContentOptions,
  say: Say,
  f: Formats,
): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: say("monitoring.title") }];
  // Left out at the person's choice: hCG results after a transfer that ended in a loss.
  const inLoss = options.leaveOutLosses ? lossDays(state) : () => false;
  const told = (p: LabPoint) => p.result.analyte === "hCG" && inLoss(p.result.drawnAt.slice(0, 10));
  const groups: { cycle: Cycle | null; labs: LabPoint[] }[] = [];
  for (const cycle of [...cycles, null]) {
    const labs = analyteOrder
      .flatMap((analyte) =>
        labSeries(state, {
          analyte,
          unit: preferredUnit(state, analyte),
          includeExcluded: true,
          ...(cycle ? { cycleId: cycle.id } : {}),
        }),
      )
      .filter((p) =>
        cycle
          ? true
          : p.result.cycleId === null ||
            !state.cycles.get(p.result.cycleId) ||
            state.cycles.get(p.result.cycleId)!.retracted,
      )
      .filter((p) => !told(p))
      .sort((a, b) => a.epochMs - b.epochMs);
    groups.push({ cycle, labs });
  }
  let any = false;
  for (const { cycle, labs } of groups) {
    const scans = scanSeries(state, cycle ? { cycleId: cycle.id } : {}).filter(
      (s) =>
        cycle !== null ||
        s.scan.cycleId === null ||
        !state.cycles.get(s.scan.cycleId) ||
        state.cycles.get(s.scan.cycleId)!.retracted,
    );
    if (labs.length === 0 && scans.length === 0) continue;
    any = true;
    blocks.push({
      kind: "heading",
      level: 3,
      text: cycle ? cycleHeading(cycle, say, f) : say("monitoring.other"),
    });
    const day = (d: number | null) => (d === null ? say("doc.missing") : f.number(d, 0));
    if (labs.length > 0) {
      blocks.push({
        kind: "table",
        caption: say("monitoring.labs.caption"),
        columns: [
          { header: say("monitoring.labs.date"), weight: 2 },
          { header: say("monitoring.labs.day"), weight: 1.2, align: "right" },
          { header: say("monitoring.labs.test"), weight: 2.4 },
          { header: say("monitoring.labs.result"), weight: 3 },
        ],
        rows: labs.map((p) => {
          const value = `${f.number(p.value)} ${p.unit}`;
          return [
            f.date(localDate(p.result.drawnAt)),
            day(p.cycleDay),
            say(`analyte.${p.result.analyte}`),
            p.result.excluded ? say("monitoring.labs.excluded", { value }) : value,
          ];
        }),
      });
      const e2 = labs.filter(
        (p) => p.result.analyte === "E2" && !p.result.excluded && p.cycleDay !== null,
      );
      if (cycle && e2.length >= 2) {
        const unit = e2[0]!.unit;
        const max = e2.reduce((m, p) => (p.value > m.value ? p : m));
        blocks.push({
          kind: "figure",
          title: say("chart.e2.title", { unit }),
          xLabel: say("chart.axis.day"),
          alt: say("chart.e2.alt", {
            count: e2.length,
            first: `${f.number(e2[0]!.value)} ${unit}`,
            firstDay: e2[0]!.cycleDay!,
            last: `${f.number(e2.at(-1)!.value)} ${unit}`,
            lastDay: e2.at(-1)!.cycleDay!,
            max: `${f.number(max.value)} ${unit}`,
            maxDay: max.cycleDay!,
          }),
          chart: {
            kind: "line",
            points: e2.map((p) => ({ x: p.cycleDay!, y: p.value })),
            legend: say("chart.e2.legend"),
          },
        });
      }
    }
    if (scans.length > 0) {
      const mm = (list: readonly number[]) =>
        list.length > 0
          ? [...list]
              .sort((a, b) => b - a)
              .map((n) => f.number(n, 1))
              .join(", ")
          : say("doc.missing");
      blocks.push({
        kind: "table",
        caption: say("monitoring.scans.caption"),
        columns: [
          { header: say("monitoring.scans.date"), weight: 2 },
          { header: say("monitoring.scans.day"), weight: 1.2, align: "right" },
          { header: say("monitoring.scans.left"), weight: 2.6 },
          { header: say("monitoring.scans.right"), weight: 2.6 },
          { header: say("monitoring.scans.lining"), weight: 1.3, align: "right" },
        ],
        rows: scans.map((s) => [
          f.date(localDate(s.scan.scannedAt)),
          day(s.cycleDay),
          mm(s.scan.leftMm),
          mm(s.scan.rightMm),
          s.scan.liningMm === null ? say("doc.missing") : f.number(s.scan.liningMm, 1),
        ]),
      });
      const charted = scans.filter(
        (s) => s.cycleDay !== null && s.scan.leftMm.length + s.scan.rightMm.length > 0,
      );
      if (cycle && charted.length > 0) {
        const last = charted.at(-1)!;
        blocks.push({
          kind: "figure",
          title: say("chart.follicles.title"),
          xLabel: say("chart.axis.day"),
          alt: say("chart.follicles.alt", {
            scans: charted.length,
            firstDay: charted[0]!.cycleDay!,
            lastDay: last.cycleDay!,
            count: last.countAtLeast10,
            lead: f.number(last.leadMm ?? 0, 1),
          }),
          chart: {
            kind: "follicles",
            scans: charted.map((s) => ({
              x: s.cycleDay!,
              left: s.scan.leftMm,
              right: s.scan.rightMm,
            })),
            legend: {
              left: say("chart.follicles.left"),
              right: say("chart.follicles.right"),
              lead: say("chart.follicles.lead"),
            },
          },
        });
      }
    }
  }
  if (!any) blocks.push({ kind: "paragraph", text: say("doc.none") });
  return blocks;
}

function pgtText(embryo: Embryo, say: Say): string {
  const parts: string[] = [];
  if (embryo.pgtA) {
    const result =
      embryo.pgtA.result === "mosaic" && embryo.pgtA.mosaicLevel
        ? say("embryos.pgt.mosaicLevel", { level: embryo.pgtA.mosaicLevel })
        : say(`embryos.pgt.${embryo.pgtA.result}`);
    parts.push(say("embryos.pgt.a", { result }));
  }
  if (embryo.pgtM) {
    parts.push(say("embryos.pgt.m", { result: say(`embryos.pgt.${embryo.pgtM.result}`) }));
  }
  return parts.length > 0 ? parts.join("\n") : say("embryos.pgt.none");
}

function statusText(embryo: Embryo, say: Say, f: Formats): string {
  const since = [...embryo.history].reverse().find((h) => h.status === embryo.status && !h.note);
  const date = f.date(since?.on ?? embryo.history.at(-1)!.on);
  switch (embryo.status) {
    case "frozen":
      return embryo.storage?.clinic
        ? say("embryos.status.frozenAt", { place: embryo.storage.clinic })
        : say("embryos.status.frozen");
    case "in-culture":
      return say("embryos.status.in-culture");
    case "discarded":
      return embryo.discardReason === "did-not-survive-thaw"
        ? say("embryos.status.notSurvived", { date })
        : say("embryos.status.discarded", { date });
    default:
      return say(`embryos.status.${embryo.status}`, { date });
  }
}

/** An embryo's name: the lab's label, else its place among its cohort's embryos. */
function embryoNames(state: JourneyState, say: Say): Map<string, string> {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  const all = embryoBank(state).sort(byDate((e) => e.cohort.date));
  for (const { embryo } of all) {
    const n = (counters.get(embryo.cohortId) ?? 0) + 1;
    counters.set(embryo.cohortId, n);
    names.set(embryo.id, embryo.label ?? say("embryos.unnamed", { n }));
  }
  return names;
}

function embryos(state: JourneyState, say: Say, f: Formats): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: say("embryos.title") }];
  const bank = embryoBank(state).sort(byDate((e) => e.cohort.date));
  if (bank.length === 0) return [...blocks, { kind: "paragraph", text: say("doc.none") }];
  const names = embryoNames(state, say);
  blocks.push({
    kind: "table",
    caption: say("embryos.caption"),
    columns: [
      { header: say("embryos.embryo"), weight: 1.8 },
      { header: say("embryos.retrieval"), weight: 2.4 },
      { header: say("embryos.day"), weight: 0.8, align: "right" },
      { header: say("embryos.grade"), weight: 1.1 },
      { header: say("embryos.pgt"), weight: 2.2 },
      { header: say("embryos.status"), weight: 3.2 },
    ],
    rows: bank.map(({ embryo, cohort }) => [
      names.get(embryo.id)!,
      say(cohort.kind === "thaw" ? "embryos.thawOn" : "embryos.retrievalOn", {
        date: f.date(cohort.date),
      }),
      f.number(embryo.day, 0),
      embryo.grade ?? say("doc.missing"),
      pgtText(embryo, say),
      statusText(embryo, say, f),
    ]),
  });
  return blocks;
}

function transfers(state: JourneyState, options: ContentOptions, say: Say, f: Formats): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: say("transfers.title") }];
  const list = transferList(state).reverse();
  if (list.length === 0) return [...blocks, { kind: "paragraph", text: say("doc.none") }];
  const names = embryoNames(state, say);
  const missing = say("doc.missing");
  blocks.push({
    kind: "table",
    caption: say("transfers.caption"),
    columns: [
      { header: say("transfers.date"), weight: 1.9 },
      { header: say("transfers.embryos"), weight: 2.2 },
      { header: say("transfers.protocol"), weight: 1.9 },
      { header: say("transfers.lining"), weight: 1.1, align: "right" },
      { header: say("transfers.betas"), weight: 2.6 },
      { header: say("transfers.outcome"), weight: 2.8 },
    ],
    rows: list.map((t) => transferRow(state, t, options, names, say, f, missing)),
  });
  return blocks;
}

function transferRow(
  state: JourneyState,
  t: Transfer,
  options: ContentOptions,
  names: ReadonlyMap<string, string>,
  say: Say,
  f: Formats,
  missing: string,
): string[] {
  const outcome = latestOutcome(state, t.id);
  // Left out at the person's choice: the outcome and the betas that would tell it.
  const hidden = options.leaveOutLosses && outcome !== null && isLoss(outcome.outcome);
  const embryoLines = transferEmbryos(state, t).map((e) => {
    const cohort = state.cohorts.get(e.cohortId);
    // A lab's label says which embryo; a number alone needs its retrieval beside it.
    const name =
      e.label === null && cohort
        ? say("transfers.embryoFrom", { name: names.get(e.id)!, date: f.date(cohort.date) })
        : (names.get(e.id) ?? missing);
    return say("transfers.embryo", { name, grade: e.grade ?? "none" });
  });
  if (t.recipient.kind === "carrier") {
    embryoLines.push(say("transfers.carrier", { name: t.recipient.name }));
  }
  const betas = hidden
    ? missing
    : betaSeries(state, t.id)
        .map((b) => say("transfers.beta", { value: f.number(b.value, 1), date: f.date(b.drawnOn) }))
        .join("\n") || missing;
  let outcomeText = missing;
  if (t.status === "planned") outcomeText = say("transfers.planned");
  else if (outcome && !hidden) {
    const words = say(`outcome.${outcome.outcome}`);
    outcomeText = outcome.gestationalAge
      ? say("outcome.line.age", {
          outcome: words,
          weeks: outcome.gestationalAge.weeks,
          days: outcome.gestationalAge.days,
          date: f.date(outcome.on),
        })
      : say("outcome.line", { outcome: words, date: f.date(outcome.on) });
    if (outcome.babies) outcomeText += `\n${say("outcome.babies", { babies: outcome.babies })}`;
  }
  return [
    f.date(t.date),
    embryoLines.join("\n") || missing,
    t.protocol ? say(`transfers.protocol.${t.protocol}`) : missing,
    t.liningMm === null ? missing : say("transfers.liningMm", { mm: f.number(t.liningMm, 1) }),
    betas,
    outcomeText,
  ];
}

function medicines(state: JourneyState, say: Say, f: Formats): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: say("medicines.title") }];
  const byName = new Map<string, { item: PlannedMedication; last: string }>();
  for (const item of state.planItems.values()) {
    const cycle = state.cycles.get(item.cycleId);
    if (item.retracted || !cycle || cycle.retracted) continue;
    const key = `${item.medication.name.toLowerCase()}|${item.medication.route}|${item.medication.purpose}`;
    const seen = byName.get(key);
    if (!seen || seen.last < cycle.startDate) byName.set(key, { item, last: cycle.startDate });
  }
  const rows = [...byName.values()]
    .sort((a, b) => a.item.medication.name.localeCompare(b.item.medication.name))
    .map(({ item, last }) => [
      item.medication.name,
      say(`route.${item.medication.route}`),
      say(`purpose.${item.medication.purpose}`),
      f.date(last),
    ]);
  if (rows.length === 0) return [...blocks, { kind: "paragraph", text: say("doc.none") }];
  blocks.push({
    kind: "table",
    caption: say("medicines.caption"),
    columns: [
      { header: say("medicines.medicine"), weight: 3 },
      { header: say("medicines.route"), weight: 3 },
      { header: say("medicines.purpose"), weight: 3.4 },
      { header: say("medicines.used"), weight: 1.8 },
    ],
    rows,
  });
  return blocks;
}
