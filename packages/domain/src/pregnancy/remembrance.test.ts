import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { parseEvent } from "../events/envelope.ts";
import { withDeviceSettings } from "../preferences/device.ts";
import { fold } from "../state/fold.ts";
import { alexAfterALoss } from "../testing/loss.ts";
import { anniversaries, remembranceForTransfer, remembranceFromRecord } from "./remembrance.ts";
import { remembranceList } from "./selectors.ts";

/**
 * Remembrance pages (issue 16): filled in from a recorded loss, every field
 * the person's own; a yearly reminder only when they choose it, gone with
 * the page, and hidden in quiet mode.
 */

const TOR = "America/Toronto";
const ms = (date: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: "18:00" })
    .epochMilliseconds;
const KEY = "q".repeat(43);

describe("a remembrance page filled in from the record", () => {
  it("offers the day of the loss, the transfer day, the weeks counted from the transfer and the due date", () => {
    const { r, transferId } = alexAfterALoss();
    // Day 5 on transfer day is 2w5d; 37 days later is 8w0d; due 261 days after the transfer.
    expect(remembranceFromRecord(r.state, transferId)).toMatchObject({
      transferId,
      date: "2026-02-20",
      transferDate: "2026-01-14",
      weeks: { weeks: 8, days: 0 },
      dueDate: "2026-10-02",
    });
  });

  it("offers nothing for a transfer without a loss", () => {
    const { r } = alexAfterALoss();
    expect(remembranceFromRecord(r.state, r.newId(ms("2026-03-01")))).toBeNull();
  });

  it("keeps every field as the person left it, and finds the page kept for the transfer", () => {
    const { r, transferId } = alexAfterALoss();
    const id = r.newId(ms("2026-03-01"));
    const photo = { attachmentId: r.newId(ms("2026-03-01")), key: KEY, width: 1200, height: 900 };
    r.record(
      "RemembranceAdded",
      {
        remembranceId: id,
        transferId,
        name: "Little bean",
        date: "2026-02-20",
        transferDate: "2026-01-14",
        weeks: { weeks: 8, days: 0 },
        place: "The cherry tree by the river",
        note: "We think of you in spring.",
        photos: [{ ...photo, alt: "Blossom on the tree" }],
        private: true,
      },
      ms("2026-03-01"),
    );
    expect(remembranceForTransfer(r.state, transferId)).toBe(id);
    expect(remembranceList(r.state)[0]).toMatchObject({
      place: "The cherry tree by the river",
      weeks: { weeks: 8, days: 0 },
      photos: [{ attachmentId: photo.attachmentId, alt: "Blossom on the tree" }],
      anniversary: null,
      dueDate: null,
    });
    r.record(
      "RemembranceChanged",
      { remembranceId: id, place: null, weeks: { weeks: 7, days: 6 }, photos: [] },
      ms("2026-03-02"),
    );
    expect(remembranceList(r.state)[0]).toMatchObject({
      place: null,
      weeks: { weeks: 7, days: 6 },
      photos: [],
      name: "Little bean",
    });
  });

  it("a page of only a place, or only a photo, is kept; a page of nothing is refused", () => {
    const { r } = alexAfterALoss();
    const place = r.tryRecord(
      "RemembranceAdded",
      { remembranceId: r.newId(ms("2026-03-01")), place: "Our garden" },
      ms("2026-03-01"),
    );
    expect(place.ok).toBe(true);
    const nothing = r.tryRecord(
      "RemembranceAdded",
      { remembranceId: r.newId(ms("2026-03-01")), weeks: { weeks: 8, days: 0 } },
      ms("2026-03-01"),
    );
    expect(!nothing.ok && nothing.error.reason).toBe("empty-remembrance");
  });

  it("refuses a photo listed twice or a key that is not one, naming the field", () => {
    const { r } = alexAfterALoss();
    const photo = { attachmentId: r.newId(ms("2026-03-01")), key: KEY, width: 10, height: 10 };
    const twice = r.tryRecord(
      "RemembranceAdded",
      { remembranceId: r.newId(ms("2026-03-01")), name: "B", photos: [photo, photo] },
      ms("2026-03-01"),
    );
    expect(!twice.ok && twice.error).toMatchObject({
      reason: "listed-twice",
      field: "payload.photos",
    });
    const badKey = r.tryRecord(
      "RemembranceAdded",
      { remembranceId: r.newId(ms("2026-03-01")), name: "B", photos: [{ ...photo, key: "short" }] },
      ms("2026-03-01"),
    );
    expect(!badKey.ok && badKey.error.field).toBe("payload.photos.0.key");
    expect(r.state.remembrances.size).toBe(0);
  });

  it("a version 1 page, written before these fields, still folds", () => {
    const { r } = alexAfterALoss();
    const last = r.events.at(-1)!;
    const raw = {
      ...last,
      id: r.newId(ms("2026-03-01")),
      type: "RemembranceAdded",
      schemaVersion: 1,
      payload: { remembranceId: r.newId(ms("2026-03-01")), name: "Pip", date: "2026-02-20" },
    };
    const parsed = parseEvent(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const state = fold([...r.events, parsed.value]);
    expect(remembranceList(state)).toMatchObject([
      { name: "Pip", date: "2026-02-20", place: null, photos: [], anniversary: null },
    ]);
  });
});

describe("the yearly reminder", () => {
  function page(extra: Record<string, unknown> = {}) {
    const { r, transferId } = alexAfterALoss();
    const id = r.newId(ms("2026-03-01"));
    r.record(
      "RemembranceAdded",
      { remembranceId: id, transferId, name: "Little bean", date: "2026-02-20", ...extra },
      ms("2026-03-01"),
    );
    return { r, id };
  }
  const years = { from: "2026-01-01", to: "2028-12-31" };

  it("is off until the person chooses it", () => {
    const { r } = page({ dueDate: "2026-10-02" });
    expect(r.state.remembrances.values().next().value?.anniversary).toBeNull();
    expect(anniversaries(r.state, years)).toEqual([]);
  });

  it("once chosen, falls on the day each year in the person's words", () => {
    const { r, id } = page();
    r.record(
      "RemembranceChanged",
      { remembranceId: id, anniversary: { on: "date", words: "Thinking of Little bean" } },
      ms("2026-03-02"),
    );
    expect(anniversaries(r.state, years)).toEqual([
      {
        remembranceId: id,
        on: "2026-02-20",
        of: "date",
        words: "Thinking of Little bean",
        years: 0,
      },
      {
        remembranceId: id,
        on: "2027-02-20",
        of: "date",
        words: "Thinking of Little bean",
        years: 1,
      },
      {
        remembranceId: id,
        on: "2028-02-20",
        of: "date",
        words: "Thinking of Little bean",
        years: 2,
      },
    ]);
    expect(anniversaries(r.state, { from: "2026-03-02", to: "2027-03-01" })).toHaveLength(1);
  });

  it("can remember the due date instead, and needs the page to hold it", () => {
    const { r, id } = page();
    const without = r.tryRecord(
      "RemembranceChanged",
      { remembranceId: id, anniversary: { on: "due-date", words: "Our October" } },
      ms("2026-03-02"),
    );
    expect(!without.ok && without.error).toMatchObject({
      reason: "anniversary-without-date",
      field: "payload.anniversary.on",
    });
    r.record(
      "RemembranceChanged",
      {
        remembranceId: id,
        dueDate: "2026-10-02",
        anniversary: { on: "due-date", words: "Our October" },
      },
      ms("2026-03-02"),
    );
    expect(anniversaries(r.state, { from: "2026-03-02", to: "2026-12-31" })).toMatchObject([
      { on: "2026-10-02", of: "due-date", years: 0 },
    ]);
    const clearing = r.tryRecord(
      "RemembranceChanged",
      { remembranceId: id, dueDate: null },
      ms("2026-03-03"),
    );
    expect(!clearing.ok && clearing.error.field).toBe("payload.dueDate");
  });

  it("keeps 29 February on 28 February in other years", () => {
    const { r, id } = page({ date: "2028-02-29" });
    r.record(
      "RemembranceChanged",
      { remembranceId: id, anniversary: { on: "date", words: "Leap" } },
      ms("2026-03-02"),
    );
    expect(
      anniversaries(r.state, { from: "2028-01-01", to: "2029-12-31" }).map((a) => a.on),
    ).toEqual(["2028-02-29", "2029-02-28"]);
  });

  it("is turned off again with null, and goes with the page", () => {
    const { r, id } = page({ anniversary: { on: "date", words: "Bean" } });
    expect(anniversaries(r.state, years)).toHaveLength(3);
    r.record("RemembranceChanged", { remembranceId: id, anniversary: null }, ms("2026-03-02"));
    expect(anniversaries(r.state, years)).toEqual([]);
    r.record(
      "RemembranceChanged",
      { remembranceId: id, anniversary: { on: "date", words: "Bean" } },
      ms("2026-03-03"),
    );
    r.record("RemembranceRemoved", { remembranceId: id }, ms("2026-03-04"));
    expect(anniversaries(r.state, years)).toEqual([]);
  });

  it("is hidden in quiet mode, and back when quiet mode is off", () => {
    const { r } = page({ anniversary: { on: "date", words: "Bean" } });
    expect(anniversaries(withDeviceSettings(r.state, { quietMode: true }), years)).toEqual([]);
    expect(anniversaries(withDeviceSettings(r.state, { quietMode: false }), years)).toHaveLength(3);
  });

  it("property: pages and changes that never choose a reminder never remind", () => {
    const text = fc.constantFrom("Bean", "Our garden", "Words for you", "Pip");
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => Temporal.PlainDate.from("2020-01-01").add({ days: n }).toString());
    const change = fc.record(
      {
        name: fc.option(text),
        date: fc.option(day),
        note: fc.option(text),
        place: fc.option(text),
        dueDate: fc.option(day),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
        const { r, id } = page();
        const t = ms("2026-03-02");
        for (const [i, c] of changes.entries()) {
          r.tryRecord("RemembranceChanged", { remembranceId: id, ...c }, t + i * 60_000);
        }
        expect(anniversaries(r.state, { from: "2020-01-01", to: "2040-12-31" })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
