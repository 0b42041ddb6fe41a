/**
 * A refused beta or outcome in words, next to the field it is about. The
 * domain says why with a reason (`beta-before-transfer`, ...); the words, with
 * the dates that make them plain, live in the catalogue. A reason without
 * words of its own falls back to the domain's message.
 */
import {
  BETA_MAX_DAYS_AFTER_TRANSFER,
  betaSeries,
  GESTATION_MAX_WEEKS,
  type JourneyState,
  outcomeEndingBetas,
  type Problem,
  type Transfer,
} from "@trellis/domain";
import { problemField, problemText } from "../../components/forms/problems.ts";
import type { I18n } from "../../i18n/i18n.tsx";

export interface Refusal<F extends string> {
  readonly field: F | "form";
  readonly text: string;
}

/** Words for a refused `BetaRecorded`, beside the date, the value or the form. */
export function betaRefusal(
  i18n: I18n,
  state: JourneyState,
  transfer: Transfer,
  p: Problem,
): Refusal<"drawnOn" | "value"> {
  const { t } = i18n;
  const transferDay = i18n.day(transfer.date, true);
  switch (p.reason) {
    case "beta-before-transfer":
      return {
        field: "drawnOn",
        text: t("beta.refused.beta-before-transfer", { date: transferDay }),
      };
    case "beta-in-future":
      return { field: "drawnOn", text: t("beta.refused.beta-in-future") };
    case "beta-after-outcome": {
      const ended = outcomeEndingBetas(state, transfer.id);
      if (!ended) break;
      return {
        field: "drawnOn",
        text: t("beta.refused.beta-after-outcome", {
          date: i18n.day(ended.on, true),
          outcome: t(`transfers.outcome.${ended.outcome}`).toLowerCase(),
        }),
      };
    }
    case "beta-long-after-transfer":
      return {
        field: "drawnOn",
        text: t("beta.refused.beta-long-after-transfer", {
          weeks: BETA_MAX_DAYS_AFTER_TRANSFER / 7,
          date: transferDay,
        }),
      };
  }
  const f = problemField(p);
  return { field: f === "value" || f === "drawnOn" ? f : "form", text: problemText(p) };
}

/** Words for a refused `OutcomeRecorded`, beside the date, the weeks, the days or the form. */
export function outcomeRefusal(
  i18n: I18n,
  state: JourneyState,
  transfer: Transfer,
  p: Problem,
): Refusal<"on" | "weeks" | "days" | "babies"> {
  const { t } = i18n;
  switch (p.reason) {
    case "outcome-before-transfer":
      return {
        field: "on",
        text: t("outcome.refused.outcome-before-transfer", {
          date: i18n.day(transfer.date, true),
        }),
      };
    case "outcome-in-future":
      return { field: "on", text: t("outcome.refused.outcome-in-future") };
    case "outcome-before-beta": {
      const last = betaSeries(state, transfer.id).at(-1);
      if (!last) break;
      return {
        field: "on",
        text: t("outcome.refused.outcome-before-beta", { date: i18n.day(last.drawnOn, true) }),
      };
    }
    case "weeks-out-of-range":
      return { field: "weeks", text: t("outcome.form.weeksRange", { max: GESTATION_MAX_WEEKS }) };
  }
  const f = problemField(p);
  const field = f.startsWith("gestationalAge.days")
    ? "days"
    : f.startsWith("gestationalAge")
      ? "weeks"
      : f === "on" || f === "babies"
        ? f
        : "form";
  return { field, text: problemText(p) };
}
