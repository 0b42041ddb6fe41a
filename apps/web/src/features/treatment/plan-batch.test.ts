import { memoryStorage, openClient } from "@trellis/client";
import { draftPlanFromTemplate, protocolTemplate } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { addedMedicine, type EditableItem, planItemOf, startCycleBatch } from "./plan-batch.ts";

const zone = "Europe/London";
const antagonist = protocolTemplate("antagonist")!;
const keyed = (items: ReturnType<typeof draftPlanFromTemplate>): EditableItem[] =>
  items.map((item, i) => ({ ...item, key: `item-${i + 1}` }));

async function withJourney() {
  const client = await openClient({ storage: memoryStorage() });
  const r = await client.record("JourneyCreated", {
    dateOfBirth: "1988-06-02",
    homeZone: zone,
    createdAt: `2026-03-03T09:00:00+00:00[${zone}]`,
  });
  expect(r.ok).toBe(true);
  return client;
}

const choices = {
  template: antagonist,
  startDate: "2026-03-04",
  zone,
  clinicId: "",
  transferPlan: "freeze-all" as const,
};

describe("starting a cycle with its plan", () => {
  it("records the cycle first, then each medicine in the order shown", async () => {
    const client = await withJourney();
    const items = keyed(draftPlanFromTemplate(antagonist));
    const { cycleId, drafts } = startCycleBatch(choices, items, () => client.newId());
    expect(drafts.map((d) => d.type)).toEqual([
      "CycleStarted",
      ...items.map(() => "MedicationPlanned"),
    ]);
    expect(
      drafts.slice(1).map((d) => (d.payload as { medication: { name: string } }).medication.name),
    ).toEqual(items.map((i) => i.medication.name));
    const r = await client.recordBatch(drafts);
    expect(r.ok).toBe(true);
    expect(client.state.cycles.get(cycleId)?.transferPlan).toBe("freeze-all");
    expect([...client.state.planItems.values()].every((p) => p.cycleId === cycleId)).toBe(true);
  });

  it("puts a refused medicine's words on that medicine, and the cycle's on its own fields", async () => {
    const client = await withJourney();
    const items = keyed(draftPlanFromTemplate(antagonist));
    const second = items[1]!;
    const wrong = items.map((i) => (i === second ? { ...i, dose: { ...i.dose, value: -5 } } : i));
    const refused = await client.recordBatch(startCycleBatch(choices, wrong, client.newId).drafts);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(planItemOf(refused.error, wrong)).toBe(second.key);
    expect(planItemOf({ field: "[0].payload.startDate" }, items)).toBeUndefined();
    expect(planItemOf({ field: "payload.startDate" }, items)).toBeUndefined();
    expect(planItemOf({ field: `[${items.length + 1}].payload.dose` }, items)).toBeNull();
    expect(client.state.cycles.size).toBe(0);
  });
});

describe("a medicine added by hand", () => {
  it("comes from the catalogue, taken until the trigger in a stimulation cycle", () => {
    const added = addedMedicine("ganirelix", "", antagonist);
    expect(added).toMatchObject({
      medication: { catalogueId: "ganirelix" },
      end: { kind: "until-trigger" },
      times: ["21:00"],
    });
    expect(addedMedicine("ganirelix", "", protocolTemplate("fet-natural")!)?.end).toEqual({
      kind: "open",
    });
  });

  it("is any other medicine by the name typed, and nothing without a name", () => {
    expect(addedMedicine("other", "  Aspirin ", antagonist)?.medication).toEqual({
      name: "Aspirin",
      route: "subcutaneous",
      purpose: "other",
    });
    expect(addedMedicine("other", "  ", antagonist)).toBeNull();
    expect(addedMedicine("", "", antagonist)).toBeNull();
  });
});
