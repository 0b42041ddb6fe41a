import {
  BETA_SOURCE,
  type BetaInterval,
  betaSeries,
  betaTrendOf,
  type Transfer,
} from "@trellis/domain";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { chartSpace } from "../../components/ChartSpace.tsx";
import {
  AddDisclosure,
  DateField,
  FormButtons,
  PillGroup,
  parseDecimal,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";
import { RemoveEntry } from "./shared.tsx";

const BetaChart = lazy(() => import("./BetaChart.tsx").then((m) => ({ default: m.BetaChart })));

function intervalText(i18n: I18n, interval: BetaInterval, start: number): string[] {
  const { t, number } = i18n;
  // Across a new year (old records can hold such gaps), say the years.
  const years = interval.from.slice(0, 4) !== interval.to.slice(0, 4);
  const from = i18n.day(interval.from, years);
  const to = i18n.day(interval.to, years);
  const days = Math.round(interval.hours / 24);
  const pct = (n: number) => number(Math.round(n));
  // Under a day or over a week apart: the change, but no 48-h rise, doubling time or verdict.
  if (interval.judgement === "interval-too-short") {
    return [t("beta.interval.tooShort", { from, to, hours: Math.round(interval.hours) })];
  }
  if (interval.judgement === "interval-too-long") {
    const change =
      interval.trend === "rising"
        ? t("beta.interval.risingPlain", { from, to, rise: pct(interval.risePercent), days })
        : interval.trend === "falling"
          ? t("beta.interval.falling", { from, to, fall: pct(-interval.risePercent), days })
          : t("beta.interval.flat", { from, to });
    return [change, t("beta.interval.tooLong")];
  }
  if (interval.trend === "flat") return [t("beta.interval.flat", { from, to })];
  if (interval.trend === "falling") {
    return [t("beta.interval.falling", { from, to, fall: pct(-interval.risePercent), days })];
  }
  return [
    t("beta.interval.rising", {
      from,
      to,
      rise: pct(interval.risePercent),
      days,
      doubling: pct(interval.doublingTimeHours ?? 0),
    }),
    t(interval.meetsMinimalRise ? "beta.interval.met" : "beta.interval.notMet", {
      rise48: pct(interval.rise48hPercent ?? 0),
      start: number(start),
      min: interval.minimalRise48hPercent,
    }),
  ];
}

/**
 * The betas of a transfer: a chart, each rise between two results against
 * the slowest rise usually seen (Barnhart 2016) with the doubling time, and
 * always the note that only an ultrasound can tell where a pregnancy is.
 */
export function BetaSection({ transfer }: { transfer: Transfer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const betas = betaSeries(state, transfer.id);
  const trend = betaTrendOf(state, transfer.id);

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("beta.title")}</h2>
      <p className="hint">{t("beta.intro")}</p>
      {betas.length === 0 || !trend ? (
        <p className="muted">{t("beta.empty")}</p>
      ) : (
        <>
          <Suspense fallback={chartSpace}>
            <BetaChart transferDate={transfer.date} betas={betas} trend={trend} />
          </Suspense>
          <ul className="records">
            {betas.map((b) => (
              <li key={b.id} className="record beta-record">
                <p className="record-value">
                  {t("beta.listDay", {
                    date: i18n.day(b.drawnOn, true),
                    value: i18n.number(b.value),
                  })}
                </p>
                {b.clinicReading && (
                  <p className="muted small">{t(`beta.form.reading.${b.clinicReading}`)}</p>
                )}
                <RemoveEntry
                  label={t("beta.remove")}
                  spoken={t("beta.removeLabel", { date: i18n.day(b.drawnOn, true) })}
                  removed={t("beta.removed")}
                  remove={(action) => action.record("BetaRetracted", { betaId: b.id })}
                />
              </li>
            ))}
          </ul>
          {trend.intervals.length > 0 && (
            <ul className="beta-intervals stack-tight">
              {trend.intervals.map((interval, i) => (
                <li
                  key={interval.from}
                  className={interval.meetsMinimalRise === false ? "interval-slow" : ""}
                >
                  {intervalText(i18n, interval, betas[i]!.value).map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <p className="notice ultrasound-note">{t(trend.noteKey)}</p>
          <details className="source">
            <summary>{t("beta.source")}</summary>
            <p className="small">{BETA_SOURCE}</p>
          </details>
        </>
      )}
      <AddDisclosure label={t("beta.add")}>
        {(close) => <BetaForm transfer={transfer} onDone={close} />}
      </AddDisclosure>
    </section>
  );
}

function BetaForm({ transfer, onDone }: { transfer: Transfer; onDone: () => void }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"drawnOn" | "value">();
  const [date, setDate] = useState(todayIso(state.journey!.homeZone));
  const [value, setValue] = useState("");
  const [reading, setReading] = useState<"positive" | "negative" | "unclear" | "">("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const n = parseDecimal(value);
    const found = {
      // A day still to come in the person's own zone; the domain allows a day's slack for zones.
      drawnOn: date > todayIso(state.journey!.homeZone) ? t("refusal.beta-in-future") : undefined,
      value:
        n === null ? t("form.required") : Number.isNaN(n) ? t("beta.form.notANumber") : undefined,
    };
    if (form.fail(found) || n === null) return;
    const r = await form.record("BetaRecorded", {
      betaId: form.newId(),
      transferId: transfer.id,
      drawnOn: date,
      value: n,
      ...(reading && { clinicReading: reading }),
    });
    if (!r.ok) return;
    toast.show(t("beta.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("beta.form.title")}</h3>
      <DateField {...form.bind("drawnOn", date, setDate)} label={t("beta.form.date")} />
      <TextField
        {...form.bind("value", value, setValue)}
        label={t("beta.form.value")}
        hint={t("beta.form.value.hint")}
        inputMode="decimal"
      />
      <PillGroup
        legend={t("beta.form.reading")}
        name={`${id}-reading`}
        options={[
          { value: "positive" as const, label: t("beta.form.reading.positive") },
          { value: "negative" as const, label: t("beta.form.reading.negative") },
          { value: "unclear" as const, label: t("beta.form.reading.unclear") },
          { value: "" as const, label: t("beta.form.reading.unsaid") },
        ]}
        value={reading}
        onChange={setReading}
      />
      <FormButtons form={form} label={t("beta.form.save")} />
    </form>
  );
}
