import { type Problem, problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";
import type { Remembrance } from "./state.ts";

/**
 * The handlers of remembrance pages. A page is never empty (a name, a date,
 * words, a place or a photo), and a yearly reminder always names a day the
 * page holds. Taking a page away takes its reminder with it (`anniversaries`
 * lists only pages still there).
 */

export type RemembranceEvents = "RemembranceAdded" | "RemembranceChanged" | "RemembranceRemoved";

const CHANGEABLE = [
  "name",
  "date",
  "note",
  "place",
  "transferDate",
  "weeks",
  "dueDate",
  "photos",
  "anniversary",
] as const;

type PageFields = Pick<Remembrance, "name" | "date" | "note" | "place" | "photos" | "anniversary"> &
  Pick<Remembrance, "dueDate">;

/** Why a page as it would stand cannot be kept, or null. `field` is where to point. */
function pageProblem(page: PageFields, fields: { empty: string; date: string }): Problem | null {
  const empty =
    !page.name && !page.date && !page.note && !page.place && (page.photos?.length ?? 0) === 0;
  if (empty) return problem("empty-remembrance", fields.empty);
  const a = page.anniversary;
  if (a && !(a.on === "date" ? page.date : page.dueDate)) {
    return problem("anniversary-without-date", fields.date, { on: a.on });
  }
  return null;
}

export const remembranceHandlers: Handlers<RemembranceEvents> = {
  RemembranceAdded: {
    check: (s, { payload: p }) => {
      if (s.remembrances.has(p.remembranceId)) {
        return problem("duplicate-remembrance", "payload.remembranceId");
      }
      if (p.transferId !== undefined && !s.transfers.has(p.transferId)) {
        return problem("unknown-transfer", "payload.transferId");
      }
      return pageProblem(
        {
          name: p.name ?? null,
          date: p.date ?? null,
          note: p.note ?? null,
          place: p.place ?? null,
          photos: p.photos ?? [],
          anniversary: p.anniversary ?? null,
          dueDate: p.dueDate ?? null,
        },
        { empty: "payload", date: "payload.anniversary.on" },
      );
    },
    apply: (d, { payload: p }) => {
      d.remembrances.set(p.remembranceId, {
        id: p.remembranceId,
        name: p.name?.length ? p.name : null,
        date: p.date ?? null,
        note: p.note ?? null,
        transferId: p.transferId ?? null,
        removed: false,
        private: p.private === true,
        place: p.place ?? null,
        transferDate: p.transferDate ?? null,
        weeks: p.weeks ?? null,
        dueDate: p.dueDate ?? null,
        photos: p.photos ?? [],
        anniversary: p.anniversary ?? null,
      });
    },
  },
  RemembranceChanged: {
    check: (s, { payload: p }) => {
      const found = liveRecord(
        s.remembrances,
        p.remembranceId,
        "unknown-remembrance",
        "payload.remembranceId",
        "removed",
      );
      if (found.problem) return found.problem;
      const after = { ...withDefaults(found.record), ...givenFields(p, CHANGEABLE) };
      const dateField = p.anniversary ? "payload.anniversary.on" : `payload.${dayOf(after)}`;
      return pageProblem(after, { empty: "payload", date: dateField });
    },
    apply: (d, { payload: p }) => {
      const r = withDefaults(d.remembrances.get(p.remembranceId)!);
      d.remembrances.set(p.remembranceId, {
        ...r,
        ...givenFields(
          p,
          CHANGEABLE.filter((k) => k !== "name"),
        ),
        ...(p.name !== undefined && { name: p.name?.length ? p.name : null }),
      });
    },
  },
  RemembranceRemoved: markGone({
    collection: "remembrances",
    idField: "remembranceId",
    reason: "unknown-remembrance",
    flag: "removed",
  }),
};

/** The day field a reminder stands on, for pointing at the one a change would empty. */
function dayOf(page: PageFields): "date" | "dueDate" {
  return page.anniversary?.on === "due-date" ? "dueDate" : "date";
}

/** A page folded before these fields existed (an old snapshot) reads as having none of them. */
function withDefaults(r: Remembrance): Remembrance {
  return {
    ...r,
    place: r.place ?? null,
    transferDate: r.transferDate ?? null,
    weeks: r.weeks ?? null,
    dueDate: r.dueDate ?? null,
    photos: r.photos ?? [],
    anniversary: r.anniversary ?? null,
  };
}
