/** How the transfer screens say things: an outcome in one line, where a transfer stands, its embryos. */
import {
  isLoss,
  type JourneyState,
  latestOutcome,
  type Outcome,
  type Transfer,
  transferEmbryos,
  transferStanding,
} from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";
import { embryoShort } from "../embryology/index.ts";

/**
 * "Miscarriage, Mon 16 Feb 2026"; "Born on Mon 20 Nov 2023", plainly. The
 * weeks of a loss show only when the person wrote them down themselves.
 */
export function outcomeLine(i18n: I18n, o: Outcome): string {
  const date = i18n.day(o.on, true);
  if (o.outcome === "live-birth") return i18n.t("transfers.born", { date, babies: o.babies ?? 1 });
  const outcome = i18n.t(`transfers.outcome.${o.outcome}`);
  if (o.gestationalAge && isLoss(o.outcome)) {
    return i18n.t("transfers.outcomeLine.age", {
      outcome,
      weeks: o.gestationalAge.weeks,
      days: o.gestationalAge.days,
      date,
    });
  }
  return i18n.t("transfers.outcomeLine", { outcome, date });
}

/** Where a transfer stands, in a few words. */
export function standingLine(i18n: I18n, state: JourneyState, t: Transfer): string {
  if (t.status === "planned") return i18n.t("transfers.standing.planned");
  const o = latestOutcome(state, t.id);
  if (o) return outcomeLine(i18n, o);
  const standing = transferStanding(state, t.id);
  return i18n.t(
    `transfers.standing.${standing === "negative" ? "negative" : standing === "pregnant" ? "pregnant" : "waiting"}`,
  );
}

export function embryosLine(i18n: I18n, state: JourneyState, t: Transfer): string {
  const embryos = transferEmbryos(state, t);
  return i18n.t("transfers.card.embryos", {
    count: embryos.length,
    list: embryos.map((e) => embryoShort(i18n, e)).join("; "),
  });
}

export function transferTitle(i18n: I18n, t: Transfer): string {
  return i18n.t(t.status === "planned" ? "transfers.card.planned" : "transfers.card.done", {
    date: i18n.day(t.date, true),
  });
}
