import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { costList } from "../costs/selectors.ts";
import { bankCounts, cohortFunnel, embryoBank } from "../embryology/selectors.ts";
import { labSeries, scanSeries } from "../monitoring/selectors.ts";
import { latestOutcome, outcomeGestationalAge, transferList } from "../pregnancy/selectors.ts";
import { fold } from "../state/fold.ts";
import { cycleSchedule, cycleTrigger } from "../treatment/selectors.ts";
import { MAYA_CLINIC_A, MAYA_CLINIC_B, mayaJourney } from "./maya.ts";

const maya = mayaJourney();
const s = maya.state;

describe("mayaJourney: the fixture", () => {
  it("is deterministic and whole: the same events every time, none refused, any order folds the same", () => {
    const again = mayaJourney();
    expect(again.events.map((e) => [e.id, e.hlc, e.type])).toEqual(
      maya.events.map((e) => [e.id, e.hlc, e.type]),
    );
    expect(s.rejected).toEqual([]);
    expect(fold([...maya.events].reverse())).toEqual(s);
    expect(maya.events.at(-1)!.type).toBe("CostRecorded");
  });

  it("holds the pregnancy tests' story: six transfers, their news and dates", () => {
    expect(transferList(s).map((t) => [t.date, latestOutcome(s, t.id)?.outcome])).toEqual([
      ["2023-03-08", "live-birth"],
      ["2022-09-14", "negative"],
      ["2020-06-01", "stillbirth"],
      ["2017-09-05", "live-birth"],
      ["2015-08-10", "live-birth"],
      ["2015-04-20", "biochemical"],
    ]);
    const born = (t: string) => outcomeGestationalAge(s, latestOutcome(s, t)!);
    expect(born(maya.transfers.t2)).toMatchObject({ weeks: 38, days: 1 });
    expect(born(maya.transfers.t3)).toMatchObject({ weeks: 39, days: 0 });
    expect(born(maya.transfers.t4)).toMatchObject({ weeks: 20, days: 1, recorded: true });
    expect(bankCounts(s)).toMatchObject({
      total: 9,
      inBank: 2,
      frozenEuploid: 1,
      frozenMosaic: 1,
      byStatus: { transferred: 5, discarded: 1, carrier: 1, frozen: 2 },
    });
    expect(
      embryoBank(s)
        .filter((b) => b.embryo.status === "frozen")
        .map((b) => [b.embryo.grade, b.embryo.storage?.clinic]),
    ).toEqual([
      ["3BB", MAYA_CLINIC_B],
      ["4BB", MAYA_CLINIC_B],
    ]);
    expect(
      (["r1", "r2", "r3"] as const).map((r) => {
        const f = cohortFunnel(s, maya.retrievals[r])!;
        return [f.eggs, f.mature, f.fertilized, f.blastocysts];
      }),
    ).toEqual([
      [14, 11, 8, 4],
      [12, 9, 7, 3],
      [9, 7, 5, 2],
    ]);
    expect(s.journey?.homeZone).toBe("Australia/Sydney");
    expect(s.preferences.quietMode).toBe(false);
  });

  it("every retrieval and transfer belongs to a cycle; stimulation cycles at the right clinic", () => {
    for (const t of Object.values(maya.transfers)) {
      expect(s.transfers.get(t)!.cycleId).not.toBeNull();
    }
    for (const r of Object.values(maya.retrievals)) {
      expect(s.cohorts.get(r)!.cycleId).not.toBeNull();
    }
    expect(s.cycles.get(maya.cycles.stim1)!.clinic).toBe(MAYA_CLINIC_A);
    expect(s.cycles.get(maya.cycles.stim3)!.clinic).toBe(MAYA_CLINIC_B);
    expect([...s.cycles.values()].every((c) => c.status === "completed")).toBe(true);
  });

  it("stimulation cycles: Maya's doses on the antagonist template, the trigger 36 hours before retrieval", () => {
    const doses = (cycle: string) =>
      [...s.planItems.values()]
        .filter((p) => p.cycleId === cycle)
        .map((p) => [p.medication.catalogueId, p.dose.value, p.dose.unit]);
    expect(doses(maya.cycles.stim1)).toEqual([
      ["follitropin-alfa", 225, "IU"],
      ["menotropins", 75, "IU"],
      ["ganirelix", 250, "mcg"],
      ["hcg-urinary", 10_000, "IU"],
      ["progesterone-vaginal", 200, "mg"],
    ]);
    expect(doses(maya.cycles.stim2)).toEqual([
      ["follitropin-alfa", 300, "IU"],
      ["menotropins", 150, "IU"],
      ["ganirelix", 250, "mcg"],
      ["triptorelin-trigger", 0.2, "mg"],
    ]);
    // The trigger as logged, 4 minutes after its time; the retrieval 36 hours after the planned time.
    expect(cycleTrigger(s, maya.cycles.stim1)).toMatchObject({
      logged: true,
      at: "2015-04-13T21:34:00-04:00[America/New_York]",
    });
    expect(cycleTrigger(s, maya.cycles.stim3)!.at.slice(0, 16)).toBe("2022-05-14T21:34");
    expect(s.cohorts.get(maya.retrievals.r3)!.date).toBe("2022-05-16");
  });

  it("doses as given: most on time, two evenings late, one evening skipped, one dose never logged", () => {
    const stim1 = cycleSchedule(s, maya.cycles.stim1, {
      zone: "America/New_York",
      from: "2015-04-01",
      to: "2015-05-01",
      nowMs: Temporal.Instant.from("2015-05-02T00:00:00Z").epochMilliseconds,
    });
    const minutesLate = stim1
      .filter((d) => d.log)
      .map((d) =>
        Temporal.ZonedDateTime.from(d.at)
          .until(Temporal.ZonedDateTime.from(d.log!.takenAt))
          .total("minutes"),
      );
    // Two evenings the 21:00 injections (follitropin and menotropins) went in 95 minutes late.
    expect(minutesLate.filter((m) => m > 60)).toEqual([95, 95, 95, 95]);
    expect(minutesLate.filter((m) => m <= 60).every((m) => m === 4)).toBe(true);
    expect(stim1.filter((d) => !d.log).map((d) => `${d.date} ${d.time}`)).toEqual([
      "2015-04-18 14:00",
    ]);
    // Follitropin and menotropins from stim day 1 to the day before the trigger or on it, daily.
    const fsh = stim1.filter((d) => d.medicationName === "Follitropin alfa");
    expect(fsh[0]!.date).toBe("2015-04-02");
    expect(fsh.length).toBeGreaterThanOrEqual(11);
    const skipped = [...s.doseLogs.values()].filter((l) => l.status === "skipped");
    // One evening in 2022 both evening injections were skipped, on the clinic's advice.
    expect(skipped.map((l) => l.slot)).toEqual([
      { date: "2022-02-07", time: "21:00" },
      { date: "2022-02-07", time: "21:00" },
    ]);
    // The clinic lowered follitropin from stim day 6 in the second 2022 cycle.
    const stim2FshId = [...s.planItems.values()].find(
      (p) => p.cycleId === maya.cycles.stim2 && p.medication.catalogueId === "follitropin-alfa",
    )!.id;
    const stim2Fsh = [...s.doseLogs.values()]
      .filter((l) => l.planItemId === stim2FshId && l.amount)
      .map((l) => [l.slot.date, l.amount!.value]);
    expect(stim2Fsh.find(([d]) => d === "2022-02-07")).toBeUndefined();
    expect(stim2Fsh.find(([d]) => d === "2022-02-08")).toEqual(["2022-02-08", 225]);
    expect(stim2Fsh.find(([d]) => d === "2022-02-06")).toEqual(["2022-02-06", 300]);
  });

  it("monitoring: E2 in pg/mL rising to the trigger, LH in IU/L staying low, P4 in ng/mL under 1.5, with scans", () => {
    for (const cycle of [maya.cycles.stim1, maya.cycles.stim2, maya.cycles.stim3]) {
      const e2 = labSeries(s, { analyte: "E2", unit: "pg/mL", cycleId: cycle });
      expect(e2).toHaveLength(5);
      expect(e2.map((p) => p.result.unit)).toEqual(Array(5).fill("pg/mL"));
      const values = e2.map((p) => p.value);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
      expect(values.at(-1)!).toBeGreaterThan(2000);
      expect(values.at(-1)!).toBeLessThan(4000);
      const lh = labSeries(s, { analyte: "LH", unit: "IU/L", cycleId: cycle });
      expect(lh.every((p) => p.value < 10)).toBe(true);
      const p4 = labSeries(s, { analyte: "P4", unit: "ng/mL", cycleId: cycle });
      expect(p4.every((p) => p.value < 1.5)).toBe(true);
      const scans = scanSeries(s, { cycleId: cycle });
      expect(scans).toHaveLength(5);
      // At the last scan, at least three lead follicles of 17 mm or more: time to trigger.
      const lastScan = s.scans.get(scans.at(-1)!.scan.id)!;
      expect(
        [...lastScan.leftMm, ...lastScan.rightMm].filter((mm) => mm >= 17).length,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it("costs in USD, then AUD after the move; a receipt, a claim waiting, one cost still due", () => {
    const list = costList(s);
    expect(list).toHaveLength(23);
    const currencyBy = (before: boolean) =>
      new Set(
        list.filter((c) => c.incurredOn < "2022-07-01" === before).map((c) => c.amount.currency),
      );
    expect([...currencyBy(true)]).toEqual(["USD"]);
    expect([...currencyBy(false)]).toEqual(["AUD"]);
    expect(list.filter((c) => c.receipt).map((c) => c.id)).toEqual([maya.costs["fet3-transfer"]]);
    expect(list.filter((c) => c.status === "due").map((c) => [c.id, c.dueOn])).toEqual([
      [maya.costs.parentage, "2024-02-15"],
    ]);
    expect(list.flatMap((c) => c.coverage.filter((v) => !v.received).map(() => c.id))).toEqual([
      maya.costs["stim3-pgt"],
    ]);
    expect(new Set(list.flatMap((c) => c.coverage.map((v) => v.kind)))).toEqual(
      new Set(["insurer", "employer", "refund"]),
    );
  });

  it("storage fees: each payment keeps the amount of its day (800 USD, then 850 from 2018; 550 AUD)", () => {
    const paid = (fee: string) =>
      s.storageFees.get(fee)!.payments.map((p) => [p.dueOn, p.amount.value, p.amount.currency]);
    expect(paid(maya.fees.hudson)).toEqual([
      ["2016-01-15", 800, "USD"],
      ["2017-01-15", 800, "USD"],
      ["2018-01-15", 850, "USD"],
      ["2019-01-15", 850, "USD"],
      ["2020-01-15", 850, "USD"],
    ]);
    expect(paid(maya.fees.harbor)).toEqual([
      ["2023-01-15", 550, "AUD"],
      ["2024-01-15", 550, "AUD"],
    ]);
  });
});
