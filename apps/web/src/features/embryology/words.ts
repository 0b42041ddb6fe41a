/**
 * How the embryo screens say things: an embryo's name, test result and where
 * it is now; a cohort's title and its funnel in one line. Pure functions of
 * the state and the message catalogue.
 */
import {
  cohortAge,
  type EggCohort,
  type Embryo,
  type FunnelCounts,
  type JourneyState,
} from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";

/** What a card calls an embryo: the lab's name and its grade ("E1 · 4AA"), or what there is of them. */
export function embryoTitle(i18n: I18n, e: Embryo): string {
  const grade = e.day === 3 ? null : e.grade;
  const parts = [e.label, grade].filter(Boolean);
  if (parts.length > 0) return parts.join(" · ");
  return e.grade ?? i18n.t("embryos.card.unnamed");
}

/** "4AA · day 5" style short description, for lists and checkboxes. */
export function embryoShort(i18n: I18n, e: Embryo): string {
  return [e.label, e.grade, i18n.t("embryos.card.day", { day: e.day }), testLine(i18n, e)]
    .filter(Boolean)
    .join(" · ");
}

export function testLine(i18n: I18n, e: Embryo): string | null {
  const parts: string[] = [];
  if (e.pgtA) {
    parts.push(
      e.pgtA.result === "mosaic" && e.pgtA.mosaicLevel
        ? i18n.t("embryos.card.pgtA.mosaicLevel", { level: e.pgtA.mosaicLevel })
        : i18n.t(`embryos.card.pgtA.${e.pgtA.result}`),
    );
  }
  if (e.pgtM) parts.push(i18n.t(`embryos.card.pgtM.${e.pgtM.result}`));
  if (parts.length > 0) return parts.join(" · ");
  if (e.day === 3) return null;
  return e.biopsied ? i18n.t("embryos.card.biopsiedWaiting") : i18n.t("embryos.card.notTested");
}

function place(storage: Embryo["storage"]): string | null {
  if (!storage) return null;
  return [storage.clinic, storage.location].filter(Boolean).join(", ") || null;
}

/** Where the embryo is now, in one line: "Frozen at Hudson Fertility, Tank 3", "Transferred on Mon 20 Apr 2015". */
export function statusLine(i18n: I18n, state: JourneyState, e: Embryo): string {
  const last = e.history.at(-1)!;
  const date = i18n.day(last.on, true);
  switch (e.status) {
    case "frozen": {
      const where = place(e.storage);
      return where
        ? i18n.t("embryos.statusLine.frozenAt", { place: where })
        : i18n.t("embryos.statusLine.frozen");
    }
    case "in-culture":
      return e.everFrozen
        ? i18n.t("embryos.statusLine.thawed")
        : i18n.t("embryos.statusLine.in-culture");
    case "transferred":
      return i18n.t("embryos.statusLine.transferred", { date });
    case "carrier": {
      const transfer = e.transferId ? state.transfers.get(e.transferId) : undefined;
      const name = transfer?.recipient.kind === "carrier" ? transfer.recipient.name : "";
      return i18n.t("embryos.statusLine.carrier", { name, date });
    }
    case "discarded":
      if (e.discardReason === "did-not-survive-thaw")
        return i18n.t("embryos.statusLine.notSurvived", { date });
      return e.discardReason
        ? `${i18n.t("embryos.statusLine.discarded", { date })} (${i18n.t(`embryos.reason.${e.discardReason}`)})`
        : i18n.t("embryos.statusLine.discarded", { date });
    case "donated":
      return e.to
        ? i18n.t("embryos.statusLine.donatedTo", { to: e.to, date })
        : i18n.t("embryos.statusLine.donated", { date });
    case "shipped":
      return e.to
        ? i18n.t("embryos.statusLine.shippedTo", { to: e.to, date })
        : i18n.t("embryos.statusLine.shipped", { date });
  }
}

/** One line per step of an embryo's history, oldest first. */
export function historyLines(i18n: I18n, e: Embryo): { key: string; date: string; text: string }[] {
  return e.history.map((h, i) => {
    const status = i18n.t(`embryos.status.${h.status}`);
    let text: string;
    switch (h.cause) {
      case "BlastocystsReported":
        text = i18n.t("embryos.history.BlastocystsReported", { status, day: e.day });
        break;
      case "Day3Reported":
        text = i18n.t("embryos.history.Day3Reported", { status });
        break;
      case "EmbryoThawed":
        text = i18n.t(
          h.status === "discarded"
            ? "embryos.history.EmbryoThawed.lost"
            : "embryos.history.EmbryoThawed",
        );
        break;
      case "EmbryosMoved":
        text = i18n.t("embryos.history.EmbryosMoved", { place: place(h.storage ?? null) ?? "" });
        break;
      case "EmbryosFrozen":
      case "PgtResultRecorded":
      case "EmbryoCorrected":
      case "EmbryoRetracted":
        text = i18n.t(`embryos.history.${h.cause}`);
        break;
      case "TransferRetracted":
        text = i18n.t("embryos.history.TransferRetracted", { status: status.toLowerCase() });
        break;
      default:
        text = [status, h.reason ? i18n.t(`embryos.reason.${h.reason}`) : null, h.to]
          .filter(Boolean)
          .join(", ");
    }
    return { key: `${h.eventId}-${i}`, date: i18n.day(h.on, true), text };
  });
}

export function cohortTitle(i18n: I18n, c: EggCohort): string {
  return i18n.t(c.kind === "thaw" ? "embryos.cohort.thaw" : "embryos.cohort.retrieval", {
    date: i18n.day(c.date, true),
  });
}

/** Under a cohort's title: its clinic and the age that counts for its eggs ("Hudson Fertility · age 40 at retrieval"). */
export function cohortSubtitle(i18n: I18n, state: JourneyState, c: EggCohort): string {
  const age = cohortAge(state, c);
  return [
    c.clinic,
    age !== null
      ? i18n.t(c.kind === "thaw" ? "embryos.cohort.thawAge" : "embryos.cohort.age", { age })
      : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** "14 eggs · 11 mature · 8 fertilized · 7 on day 3 · 4 blastocysts · 2 euploid of 3 tested". */
export function funnelLine(i18n: I18n, f: FunnelCounts): string {
  const parts = [
    f.kind === "thaw"
      ? i18n.t("embryos.funnel.thawed", { count: f.eggs })
      : i18n.t("embryos.funnel.eggs", { count: f.eggs }),
    f.survived !== null ? i18n.t("embryos.funnel.survived", { count: f.survived }) : null,
    f.mature !== null ? i18n.t("embryos.funnel.mature", { count: f.mature }) : null,
    f.eggsFrozen > 0 ? i18n.t("embryos.funnel.frozenEggs", { count: f.eggsFrozen }) : null,
    f.fertilized !== null ? i18n.t("embryos.funnel.fertilized", { count: f.fertilized }) : null,
    f.day3 !== null ? i18n.t("embryos.funnel.day3", { count: f.day3 }) : null,
    f.blastocysts !== null ? i18n.t("embryos.funnel.blastocysts", { count: f.blastocysts }) : null,
    f.tested !== null
      ? i18n.t("embryos.funnel.euploid", { count: f.euploid ?? 0, tested: f.tested })
      : null,
  ];
  return parts.filter(Boolean).join(" · ");
}
