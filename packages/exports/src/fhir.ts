import type {
  Beta,
  Cycle,
  DoseLog,
  EggCohort,
  FollicleScan,
  JourneyState,
  LabResult,
  Outcome,
  PlannedMedication,
  Transfer,
} from "@trellis/domain";
import { splitZoned } from "./csv-format.ts";
import {
  ATC,
  atcByCatalogueId,
  BETA_HCG,
  type Code,
  LOINC,
  loincFor,
  SNOMED,
  snomed,
  UCUM,
  ucum,
} from "./fhir-codes.ts";

/**
 * The record as a FHIR R4 Bundle of type `collection`, for a clinic's system
 * or a health app: plain JSON objects, no FHIR library at run time (tests
 * validate the result against the R4 structure definitions with
 * @medplum/core). Codes only where /work/shared/reference/codes.md lists
 * them (see `fhir-codes.ts`); otherwise text. Each resource's id is the id
 * the record already has, so `fullUrl` is `urn:uuid:<id>` and references
 * between entries hold inside the file.
 */

/** A FHIR resource as JSON. */
export type FhirResource = { readonly resourceType: string; readonly id: string } & Record<
  string,
  unknown
>;

export interface FhirBundle {
  readonly resourceType: "Bundle";
  readonly id: string;
  readonly type: "collection";
  readonly timestamp: string;
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirResource }[];
}

/** The media type of the downloaded file. */
export const FHIR_MEDIA_TYPE = "application/fhir+json";

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const concept = (text: string, system?: string, code?: Code | { code: string }) => ({
  ...(system && code
    ? {
        coding: [
          { system, code: code.code, ...("display" in code ? { display: code.display } : {}) },
        ],
      }
    : {}),
  text,
});
const instant = (zoned: string) => splitZoned(zoned).at;

/** A stable UUID from text (FNV-1a lanes), for the one resource the record has no id for: the Patient. */
function uuidFrom(text: string): string {
  const lane = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).padStart(8, "0");
  };
  const hex = lane(0x811c9dc5) + lane(0x6d2b79f5) + lane(0x1b873593) + lane(0x27d4eb2f);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Dose units: UCUM where there is one (`[IU]`, `ug`), the words otherwise (tablet, patch). */
const doseUcum: Record<string, string | undefined> = {
  IU: "[IU]",
  mg: "mg",
  mcg: "ug",
  mL: "mL",
};
function quantity(value: number, unit: string, code = doseUcum[unit]) {
  return code ? { value, unit, system: UCUM, code } : { value, unit };
}

function patient(state: JourneyState, id: string): FhirResource {
  const j = state.journey;
  return {
    resourceType: "Patient",
    id,
    ...(j?.displayName ? { name: [{ text: j.displayName }] } : {}),
    ...(j?.dateOfBirth ? { birthDate: j.dateOfBirth } : {}),
    ...(j?.country ? { address: [{ country: j.country }] } : {}),
  };
}

function medication(item: PlannedMedication) {
  const atc = item.medication.catalogueId
    ? atcByCatalogueId[item.medication.catalogueId]
    : undefined;
  return concept(item.medication.name, atc ? ATC : undefined, atc);
}

const statementStatus: Record<Cycle["status"], string> = {
  active: "active",
  completed: "completed",
  cancelled: "stopped",
};

function medicationStatement(
  item: PlannedMedication,
  cycle: Cycle | undefined,
  patientId: string,
): FhirResource {
  const times = item.times.map((t) => (t.length === 5 ? `${t}:00` : t));
  return {
    resourceType: "MedicationStatement",
    id: item.id,
    status: statementStatus[cycle?.status ?? "active"],
    medicationCodeableConcept: medication(item),
    subject: ref(patientId),
    ...(cycle
      ? {
          effectivePeriod: {
            start: cycle.startDate,
            ...(cycle.endedOn ? { end: cycle.endedOn } : {}),
          },
        }
      : {}),
    dosage: [
      {
        text: `${item.dose.value} ${item.dose.unit} ${item.medication.route}${times.length ? ` at ${item.times.join(", ")}` : ""}${item.everyDays > 1 ? `, every ${item.everyDays} days` : ""}`,
        ...(times.length
          ? {
              timing: {
                repeat: { frequency: 1, period: item.everyDays, periodUnit: "d", timeOfDay: times },
              },
            }
          : {}),
        route: concept(item.medication.route),
        doseAndRate: [{ doseQuantity: quantity(item.dose.value, item.dose.unit) }],
      },
    ],
    ...(item.note ? { note: [{ text: item.note }] } : {}),
  };
}

function medicationAdministration(
  dose: DoseLog,
  item: PlannedMedication | undefined,
  patientId: string,
): FhirResource {
  const skipped = dose.status === "skipped";
  const notes = [
    dose.status === "partial" ? "Part of the dose was taken." : null,
    dose.note,
  ].filter((n): n is string => n !== null);
  return {
    resourceType: "MedicationAdministration",
    id: dose.id,
    status: skipped ? "not-done" : "completed",
    ...(skipped ? { statusReason: [{ text: "Missed or skipped" }] } : {}),
    medicationCodeableConcept: item ? medication(item) : { text: "Medicine" },
    subject: ref(patientId),
    effectiveDateTime: instant(dose.takenAt),
    ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
    // mad-1: a dosage needs a dose (or rate); a missed dose has none.
    ...(dose.amount
      ? {
          dosage: {
            ...(dose.site ? { site: concept(dose.site) } : {}),
            ...(item ? { route: concept(item.medication.route) } : {}),
            dose: quantity(dose.amount.value, dose.amount.unit),
          },
        }
      : {}),
  };
}

const labNames: Record<LabResult["analyte"], string> = {
  E2: "Estradiol (E2)",
  P4: "Progesterone",
  hCG: "hCG",
  AMH: "AMH (anti-Mullerian hormone)",
  LH: "LH",
  FSH: "FSH",
};

function labObservation(lab: LabResult, patientId: string): FhirResource {
  const code = loincFor(lab.analyte, lab.unit);
  const notes = [
    lab.excluded
      ? `Marked as wrong by the person${lab.excludedReason ? `: ${lab.excludedReason}` : ""}; left out of charts.`
      : null,
    lab.note,
  ].filter((n): n is string => n !== null);
  return {
    resourceType: "Observation",
    id: lab.id,
    status: lab.corrections.length > 0 ? "corrected" : "final",
    category: [laboratory],
    code: concept(labNames[lab.analyte], code ? LOINC : undefined, code),
    subject: ref(patientId),
    effectiveDateTime: instant(lab.drawnAt),
    valueQuantity: quantity(lab.value, lab.unit, ucum[lab.unit]),
    ...(notes.length ? { note: notes.map((text) => ({ text })) } : {}),
  };
}

const laboratory = {
  coding: [
    {
      system: "http://terminology.hl7.org/CodeSystem/observation-category",
      code: "laboratory",
      display: "Laboratory",
    },
  ],
};
const imaging = {
  coding: [
    {
      system: "http://terminology.hl7.org/CodeSystem/observation-category",
      code: "imaging",
      display: "Imaging",
    },
  ],
};
const mm = (value: number) => ({ value, unit: "mm", system: UCUM, code: "mm" });

function scanObservation(scan: FollicleScan, patientId: string): FhirResource {
  const follicles = (side: "Left" | "Right", sizes: readonly number[]) =>
    sizes.map((size) => ({
      code: concept(`${side} ovary follicle diameter`),
      valueQuantity: mm(size),
    }));
  return {
    resourceType: "Observation",
    id: scan.id,
    status: "final",
    category: [imaging],
    code: concept("Ovarian follicle ultrasound"),
    subject: ref(patientId),
    effectiveDateTime: instant(scan.scannedAt),
    ...(scan.note ? { note: [{ text: scan.note }] } : {}),
    component: [
      ...follicles("Left", scan.leftMm),
      ...follicles("Right", scan.rightMm),
      ...(scan.liningMm !== null
        ? [{ code: concept("Endometrial thickness"), valueQuantity: mm(scan.liningMm) }]
        : []),
      ...(scan.liningPattern && scan.liningPattern !== "not-reported"
        ? [{ code: concept("Endometrial pattern"), valueString: scan.liningPattern }]
        : []),
    ],
  };
}

function betaObservation(beta: Beta, patientId: string): FhirResource {
  return {
    resourceType: "Observation",
    id: beta.id,
    status: "final",
    category: [laboratory],
    code: concept("Beta hCG", LOINC, BETA_HCG),
    subject: ref(patientId),
    partOf: [ref(beta.transferId)],
    effectiveDateTime: beta.drawnOn,
    valueQuantity: quantity(beta.value, "mIU/mL", "m[IU]/mL"),
    ...(beta.clinicReading
      ? { interpretation: [{ text: `Clinic said: ${beta.clinicReading}` }] }
      : {}),
    ...(beta.note ? { note: [{ text: beta.note }] } : {}),
  };
}

function retrievalProcedure(cohort: EggCohort, patientId: string): FhirResource {
  const counts = [
    `${cohort.eggs} eggs retrieved`,
    cohort.mature !== null ? `${cohort.mature} mature` : null,
    cohort.fertilized !== null ? `${cohort.fertilized} fertilized (2PN)` : null,
  ].filter((n): n is string => n !== null);
  return {
    resourceType: "Procedure",
    id: cohort.id,
    status: "completed",
    code: concept("Egg retrieval", SNOMED, snomed.oocyteRetrieval),
    subject: ref(patientId),
    performedDateTime: cohort.date,
    ...(cohort.clinic ? { location: { display: cohort.clinic } } : {}),
    note: [{ text: counts.join(", ") }],
  };
}

/** Insemination in the lab: conventional IVF or ICSI, on the day of the retrieval or thaw. */
function fertilizationProcedure(
  cohort: EggCohort,
  method: "icsi" | "conventional",
  patientId: string,
): FhirResource {
  return {
    resourceType: "Procedure",
    id: uuidFrom(`fertilization:${cohort.id}`),
    status: "completed",
    code:
      method === "icsi"
        ? concept("ICSI (intracytoplasmic sperm injection)", SNOMED, snomed.assistedFertilization)
        : concept("IVF (conventional insemination)", SNOMED, snomed.ivf),
    subject: ref(patientId),
    performedDateTime: cohort.date,
    ...(cohort.kind === "retrieval" ? { partOf: [ref(cohort.id)] } : {}),
  };
}

const transferStatus: Record<Transfer["status"], string> = {
  done: "completed",
  planned: "preparation",
  cancelled: "not-done",
};

function transferProcedure(t: Transfer, patientId: string): FhirResource {
  const n = t.embryoIds.length;
  return {
    resourceType: "Procedure",
    id: t.id,
    status: transferStatus[t.status],
    // Embryo transfer: no SNOMED CT code confirmed (codes.md), so text only.
    code: concept(t.fresh ? "Embryo transfer (fresh)" : "Frozen embryo transfer"),
    subject: ref(patientId),
    ...(t.status === "done" ? { performedDateTime: t.date } : {}),
    ...(t.clinic ? { location: { display: t.clinic } } : {}),
    note: [
      {
        text: [
          `${n} ${n === 1 ? "embryo" : "embryos"}`,
          t.embryoDay ? `day ${t.embryoDay}` : null,
          t.status === "planned" ? `planned for ${t.date}` : null,
          t.recipient.kind === "carrier" ? "to a gestational carrier" : null,
          t.note,
        ]
          .filter((x) => x !== null)
          .join(", "),
      },
    ],
  };
}

const outcomeWords: Record<Outcome["outcome"], string> = {
  negative: "Not pregnant",
  biochemical: "Biochemical pregnancy",
  ectopic: "Ectopic pregnancy",
  miscarriage: "Miscarriage",
  termination: "Pregnancy ended for medical reasons",
  stillbirth: "Stillbirth",
  ongoing: "Ongoing pregnancy",
  "live-birth": "Live birth",
};
const outcomeCodes: Partial<Record<Outcome["outcome"], Code>> = {
  ectopic: snomed.ectopic,
  miscarriage: snomed.miscarriage,
  stillbirth: snomed.stillbirth,
  "live-birth": snomed.liveBirth,
};

/**
 * The NHS England genomics pattern: a pregnancy Observation (77386006) with
 * the outcome as a component (267013003, a past pregnancy's outcome). A
 * negative test was no pregnancy, and an ongoing one has no outcome yet:
 * those go as words only, so no system counts a pregnancy or an ended one
 * that was not.
 */
function outcomeObservation(o: Outcome, patientId: string): FhirResource {
  const code = outcomeCodes[o.outcome];
  const pregnancy = o.outcome !== "negative";
  const ended = pregnancy && o.outcome !== "ongoing";
  return {
    resourceType: "Observation",
    id: o.id,
    status: "final",
    code: pregnancy
      ? concept("Pregnancy outcome after a transfer", SNOMED, snomed.pregnancy)
      : concept("Result after a transfer"),
    subject: ref(patientId),
    partOf: [ref(o.transferId)],
    effectiveDateTime: o.on,
    ...(o.note ? { note: [{ text: o.note }] } : {}),
    component: [
      {
        code: ended
          ? concept("Pregnancy outcome", SNOMED, snomed.pastPregnancyOutcome)
          : concept(pregnancy ? "Pregnancy, ongoing" : "Pregnancy test"),
        valueCodeableConcept: concept(outcomeWords[o.outcome], code ? SNOMED : undefined, code),
      },
      ...(o.gestationalAge
        ? [
            {
              code: concept("Gestational age"),
              valueQuantity: {
                value: o.gestationalAge.weeks * 7 + o.gestationalAge.days,
                unit: "days",
                system: UCUM,
                code: "d",
              },
            },
          ]
        : []),
      ...(o.babies !== null
        ? [{ code: concept("Number of babies born"), valueInteger: o.babies }]
        : []),
    ],
  };
}

const live = <T extends { retracted: boolean }>(m: ReadonlyMap<string, T>) =>
  [...m.values()].filter((x) => !x.retracted);
const sorted = <T>(items: T[], key: (t: T) => string) =>
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The whole record as one FHIR R4 collection Bundle. `now` is the bundle's timestamp. */
export function toFhirBundle(state: JourneyState, options: { readonly now: Date }): FhirBundle {
  const patientId = uuidFrom(
    `patient:${state.journey?.createdAt ?? ""}:${state.journey?.dateOfBirth ?? ""}`,
  );
  const resources: FhirResource[] = [patient(state, patientId)];
  const cycles = state.cycles;
  const plans = sorted(live(state.planItems), (p) => `${cycles.get(p.cycleId)?.startDate}|${p.id}`);
  for (const item of plans)
    resources.push(medicationStatement(item, cycles.get(item.cycleId), patientId));
  for (const dose of sorted(
    live(state.doseLogs),
    (d) => `${new Date(instant(d.takenAt)).toISOString()}|${d.id}`,
  )) {
    resources.push(medicationAdministration(dose, state.planItems.get(dose.planItemId), patientId));
  }
  for (const lab of sorted(
    live(state.labResults),
    (l) => `${new Date(instant(l.drawnAt)).toISOString()}|${l.id}`,
  )) {
    resources.push(labObservation(lab, patientId));
  }
  for (const scan of sorted(
    live(state.scans),
    (s) => `${new Date(instant(s.scannedAt)).toISOString()}|${s.id}`,
  )) {
    resources.push(scanObservation(scan, patientId));
  }
  for (const cohort of sorted(live(state.cohorts), (c) => `${c.date}|${c.id}`)) {
    if (cohort.kind === "retrieval") resources.push(retrievalProcedure(cohort, patientId));
    if (cohort.method) resources.push(fertilizationProcedure(cohort, cohort.method, patientId));
  }
  const transfers = sorted(live(state.transfers), (t) => `${t.date}|${t.id}`);
  const shown = new Set(transfers.map((t) => t.id));
  for (const t of transfers) resources.push(transferProcedure(t, patientId));
  for (const beta of sorted(live(state.betas), (b) => `${b.drawnOn}|${b.id}`)) {
    if (shown.has(beta.transferId)) resources.push(betaObservation(beta, patientId));
  }
  for (const o of sorted(live(state.outcomes), (o) => `${o.on}|${o.id}`)) {
    if (shown.has(o.transferId)) resources.push(outcomeObservation(o, patientId));
  }
  return {
    resourceType: "Bundle",
    id: uuidFrom(`bundle:${patientId}:${options.now.toISOString()}`),
    type: "collection",
    timestamp: options.now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
