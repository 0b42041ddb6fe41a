import type { JourneyState } from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";
import type { SharedRemembrance } from "./circles-api.ts";

/**
 * A remembrance as the person wrote it (name, date, place, words), for a
 * post they begin from the remembrance page. Null when there is no such
 * remembrance, or it was removed. Only what the person wrote there: nothing
 * else of the record.
 */
export function remembranceFor(state: JourneyState, id: string): SharedRemembrance | null {
  const r = state.remembrances.get(id);
  if (!r || r.removed) return null;
  return {
    ...(r.name && { name: r.name }),
    ...(r.date && { date: r.date }),
    ...(r.place && { place: r.place }),
    ...(r.note && { words: r.note }),
  };
}

/** The words a post begins with, the person's own to change: one line each. */
export function remembranceText(i18n: Pick<I18n, "t" | "day">, r: SharedRemembrance): string {
  return [
    r.name && i18n.t("compose.remembrance.in", { name: r.name }),
    r.date && i18n.t("compose.remembrance.on", { date: i18n.day(r.date, true) }),
    r.place && i18n.t("compose.remembrance.place", { place: r.place }),
    r.words,
  ]
    .filter(Boolean)
    .join("\n");
}
