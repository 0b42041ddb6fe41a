import { describe, expect, it } from "vitest";
import type { PushPayload, ReminderPayload } from "./payload.ts";
import { groupReminders, planQueue, type QueueWords, type ReminderSource } from "./queue.ts";
import { encryptQueue, opaqueIds } from "./relay.ts";

const now = Date.parse("2026-03-10T12:00:00Z");
const at = (iso: string) => Date.parse(iso);
const dose = (key: string, iso: string, named: string): ReminderSource => ({
  kind: "dose",
  key,
  atMs: at(iso),
  named,
});

/** An evening of two injections at 21:00 (one minute), a morning pill, a scan, a fee. */
const journey: ReminderSource[] = [
  dose("m-1f3a/2026-03-10/21:00", "2026-03-10T21:00:00Z", "Gonal-f 150 IU"),
  dose("m-7c21/2026-03-10/21:00", "2026-03-10T21:00:30Z", "Menopur 75 IU"),
  dose("m-9e04/2026-03-11/08:00", "2026-03-11T08:00:00Z", "Estradiol 2 mg"),
  {
    kind: "appointment",
    key: "a-5b77",
    atMs: at("2026-03-12T06:00:00Z"),
    named: "Clinic appointment",
  },
  {
    kind: "fee",
    key: "f-4d2e-2026-03-20",
    atMs: at("2026-03-13T09:00:00Z"),
    named: "Storage fee due",
  },
  dose("m-1f3a/2026-03-24/11:59", "2026-03-24T11:59:00Z", "Gonal-f 150 IU"),
  dose("m-1f3a/2026-03-24/12:00", "2026-03-24T12:00:00Z", "Gonal-f 150 IU"),
  dose("m-1f3a/2026-03-09/21:00", "2026-03-09T21:00:00Z", "Gonal-f 150 IU"),
];

const neutral: QueueWords = {
  text: () => ({ title: "Trellis: a reminder", body: "Open Trellis to see it." }),
  taken: "Taken",
  snooze: "In 10 minutes",
};
const named: QueueWords = {
  ...neutral,
  text: (group) =>
    group.length > 1
      ? { title: `${group.length} medicines now`, body: group.map((r) => r.named).join(", ") }
      : { title: group[0]!.named, body: "Open Trellis to log it." },
};
const idFor = async (seed: string) => `id(${seed})`;
const reminders = (items: { payload: PushPayload }[]) =>
  items.map((i) => i.payload).filter((p): p is ReminderPayload => p.kind === "reminder");

describe("the push queue", () => {
  it("groups doses due at the same minute into one reminder, and keeps the next 14 days only", () => {
    const groups = groupReminders(journey, now);
    expect(groups.map((g) => g.map((r) => r.key))).toEqual([
      ["m-1f3a/2026-03-10/21:00", "m-7c21/2026-03-10/21:00"],
      ["m-9e04/2026-03-11/08:00"],
      ["a-5b77"],
      ["f-4d2e-2026-03-20"],
      ["m-1f3a/2026-03-24/11:59"],
    ]);
  });

  it("with names off, every notification says the neutral words and no name is anywhere in a payload", async () => {
    const idFor = await opaqueIds("device-secret");
    const items = await planQueue({
      nowMs: now,
      reminders: journey,
      words: neutral,
      todayPath: "/",
      idFor,
    });
    const json = JSON.stringify(items);
    for (const name of ["Gonal", "Menopur", "Estradiol", "medicines", "fee"])
      expect(json).not.toContain(name);
    expect(new Set(reminders(items).map((p) => p.title))).toEqual(new Set(["Trellis: a reminder"]));
  });

  it("with names on, two doses at one minute say 2 medicines now and name both", async () => {
    const items = await planQueue({
      nowMs: now,
      reminders: journey,
      words: named,
      todayPath: "/",
      idFor,
    });
    const first = items[0]!.payload as ReminderPayload;
    expect(first).toMatchObject({
      title: "2 medicines now",
      body: "Gonal-f 150 IU, Menopur 75 IU",
      url: "/?dose=m-1f3a%2F2026-03-10%2F21%3A00%2Cm-7c21%2F2026-03-10%2F21%3A00",
      actions: { taken: "Taken", snooze: "In 10 minutes" },
    });
    expect(first.actions?.takenUrl).toBe(`${first.url}&taken=1`);
  });

  it("each dose reminder has a snooze copy 10 minutes later; appointments and fees have no buttons", async () => {
    const items = await planQueue({
      nowMs: now,
      reminders: journey,
      words: neutral,
      todayPath: "/",
      idFor,
    });
    const first = items[0]!;
    const copy = items.find((i) => i.id === (first.payload as ReminderPayload).snoozeId)!;
    expect(copy.atMs - first.atMs).toBe(10 * 60_000);
    expect((copy.payload as ReminderPayload).snoozeOf).toBe(copy.id);
    expect((copy.payload as ReminderPayload).snoozeId).toBeUndefined();
    const appointment = items.find((i) => i.id.includes("a-5b77"))!.payload as ReminderPayload;
    expect(appointment.actions).toBeUndefined();
    expect(items).toHaveLength(5 * 2 - 2);
    expect(items.every((i) => i.atMs >= now)).toBe(true);
  });

  it("a reminder just past keeps only its snooze copy, still to come", async () => {
    const items = await planQueue({
      nowMs: at("2026-03-10T21:05:00Z"),
      reminders: journey,
      words: neutral,
      todayPath: "/",
      idFor,
    });
    expect(items[0]!.atMs).toBe(at("2026-03-10T21:10:00Z"));
    expect((items[0]!.payload as ReminderPayload).snoozeOf).toBeDefined();
  });

  it("decoys are off by default; on, they are marked decoy inside the payload, at random instants in the window", async () => {
    const off = await planQueue({
      nowMs: now,
      reminders: journey,
      words: neutral,
      todayPath: "/",
      idFor,
    });
    expect(off.some((i) => i.payload.kind === "decoy")).toBe(false);
    let n = 0;
    const on = await planQueue({
      nowMs: now,
      reminders: journey,
      words: neutral,
      todayPath: "/",
      idFor,
      decoys: true,
      random: () => (n++ % 10) / 10,
      randomId: () => `decoy-${n}`,
    });
    const decoys = on.filter((i) => i.payload.kind === "decoy");
    expect(decoys).toHaveLength(8);
    expect(decoys.every((d) => d.atMs > now && d.atMs < now + 14 * 86_400_000)).toBe(true);
    expect(decoys[0]!.payload).toEqual({ v: 1, kind: "decoy" });
    expect(on.map((i) => i.atMs)).toEqual([...on.map((i) => i.atMs)].sort((a, b) => a - b));
  });

  it("ids are opaque and the same on each upload; the encrypted items are all one size", async () => {
    const ids = await opaqueIds("device-secret");
    const a = await planQueue({
      nowMs: now,
      reminders: journey,
      words: named,
      todayPath: "/",
      idFor: ids,
    });
    const b = await planQueue({
      nowMs: now + 60_000,
      reminders: journey,
      words: named,
      todayPath: "/",
      idFor: ids,
    });
    // A minute later the dose at 12:00 in 14 days enters the window (and its copy); the rest keep their ids.
    expect(b.length).toBe(a.length + 2);
    expect(b.slice(0, a.length).map((i) => i.id)).toEqual(a.map((i) => i.id));
    expect(a[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const keys = {
      p256dh:
        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
      auth: "BTBZMqHH6r4Tts7J_aSIgg",
    };
    const sealed = await encryptQueue(a, keys);
    expect(new Set(sealed.map((s) => s.payload.length)).size).toBe(1);
    expect(sealed[0]!.payload.length).toBeLessThan(4096);
    expect(sealed[0]!.at).toBe("2026-03-10T21:00:00.000Z");
  });
});
