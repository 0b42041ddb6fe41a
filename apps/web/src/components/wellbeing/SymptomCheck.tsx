import { type SymptomAnswers, triageFor } from "@trellis/domain";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { nowZoned } from "../../app/time.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { FormError } from "../Field.tsx";
import { PillCheck, PillGroup, type PillOption } from "./PillGroup.tsx";
import { TriageResult } from "./TriageResult.tsx";

type Severity = NonNullable<SymptomAnswers["bloating"]>;
type Draft = { -readonly [K in keyof SymptomAnswers]: SymptomAnswers[K] };
type YesNoSign =
  | "diarrhoea"
  | "tightAbdomen"
  | "shortnessOfBreath"
  | "chestPain"
  | "calfPainOrSwelling"
  | "fainting"
  | "fever";

/** The yes-or-no signs, most common first; any of the last five means emergency care. */
const yesNoSigns: readonly YesNoSign[] = [
  "diarrhoea",
  "tightAbdomen",
  "shortnessOfBreath",
  "chestPain",
  "calfPainOrSwelling",
  "fainting",
  "fever",
];

const atLeastMild = (s: Severity | undefined) => s !== undefined && s !== "none";

/**
 * "How do you feel?": one short form, every answer optional, big pills for a
 * thumb. Saving records the check, then shows what it means (nothing to call
 * about, call the clinic today, or emergency care now) with the reasons.
 */
export function SymptomCheck({ cycleId }: { cycleId?: string }) {
  const { t } = useI18n();
  const client = useClient();
  const state = useJourneyState();
  const zone = state.journey!.homeZone;
  const weightUnit = state.preferences.weightUnit;
  const id = useId();
  const [draft, setDraft] = useState<Draft>({});
  const [weightText, setWeightText] = useState("");
  const [note, setNote] = useState("");
  const [weightError, setWeightError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const weightInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (savedId) resultHeading.current?.focus();
  }, [savedId]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const severities: PillOption<Severity>[] = (["none", "mild", "moderate", "severe"] as const).map(
    (v) => ({ value: v, label: t(`wellbeing.severity.${v}`) }),
  );

  function reset() {
    setDraft({});
    setWeightText("");
    setNote("");
    setWeightError(null);
    setFormError(null);
    setSavedId(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const answers = Object.fromEntries(
      Object.entries(draft).filter(([, v]) => v !== undefined),
    ) as Draft;
    // A trend only means something beside the symptom it belongs to.
    if (!atLeastMild(answers.bloating)) delete answers.bloatingTrend;
    if (!atLeastMild(answers.abdominalPain)) delete answers.painTrend;
    const typed = weightText.trim().replace(",", ".");
    if (typed !== "") {
      const value = /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
      if (!Number.isFinite(value) || value <= 0 || value > 700) {
        setWeightError(t("wellbeing.weight.invalid", { unit: weightUnit }));
        weightInput.current?.focus();
        return;
      }
      answers.weight = { value, unit: weightUnit };
    }
    if (note.trim()) answers.note = note.trim();
    if (Object.keys(answers).length === 0) {
      setFormError(t("wellbeing.check.empty"));
      return;
    }
    setWeightError(null);
    setFormError(null);
    setBusy(true);
    const checkId = client.newId();
    const r = await client.record("SymptomsChecked", {
      checkId,
      ...(cycleId && { cycleId }),
      at: nowZoned(zone),
      answers,
    });
    setBusy(false);
    if (r.ok) {
      setSavedId(checkId);
      return;
    }
    if (r.error.field.startsWith("payload.answers.weight")) {
      setWeightError(t("wellbeing.weight.invalid", { unit: weightUnit }));
      weightInput.current?.focus();
    } else {
      setFormError(t("form.problem", { message: r.error.message }));
    }
  }

  const result = savedId ? triageFor(state, savedId) : null;
  if (result) {
    return (
      <section className="card symptom-check" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("wellbeing.check.title")}</h2>
        <p className="muted small">{t("wellbeing.check.saved")}</p>
        <TriageResult
          triage={result.triage}
          headingId={`${id}-result`}
          headingRef={resultHeading}
          showWatch
        />
        <button type="button" className="button" onClick={reset}>
          {t("wellbeing.check.again")}
        </button>
      </section>
    );
  }

  const trend = (key: "bloatingTrend" | "painTrend", label: string) => (
    <div className="pill-row pill-follow">
      <PillCheck
        label={label}
        checked={draft[key] === "worse"}
        onChange={(on) => set(key, on ? "worse" : undefined)}
      />
    </div>
  );

  return (
    <section className="card symptom-check" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("wellbeing.check.title")}</h2>
      <p className="hint">{t("wellbeing.check.intro")}</p>
      <form className="stack" onSubmit={save} noValidate>
        <PillGroup
          legend={t("wellbeing.bloating")}
          name="bloating"
          options={severities}
          value={draft.bloating}
          onChange={(v) => set("bloating", v)}
        >
          {atLeastMild(draft.bloating) && trend("bloatingTrend", t("wellbeing.gettingWorse"))}
        </PillGroup>
        <PillGroup
          legend={t("wellbeing.pain")}
          name="pain"
          options={severities}
          value={draft.abdominalPain}
          onChange={(v) => set("abdominalPain", v)}
        >
          {atLeastMild(draft.abdominalPain) && trend("painTrend", t("wellbeing.gettingWorse"))}
        </PillGroup>
        <PillGroup
          legend={t("wellbeing.nausea")}
          name="nausea"
          options={severities}
          value={draft.nausea}
          onChange={(v) => set("nausea", v)}
        />
        <PillGroup
          legend={t("wellbeing.vomiting")}
          name="vomiting"
          options={(["none", "some", "cannot-keep-down"] as const).map((v) => ({
            value: v,
            label: t(`wellbeing.vomiting.${v}`),
          }))}
          value={draft.vomiting}
          onChange={(v) => set("vomiting", v)}
        />
        <PillGroup
          legend={t("wellbeing.urine")}
          name="urine"
          options={(["normal", "less", "much-less", "almost-none-12h"] as const).map((v) => ({
            value: v,
            label: t(`wellbeing.urine.${v}`),
          }))}
          value={draft.urine}
          onChange={(v) => set("urine", v)}
        />
        <fieldset className="pill-group">
          <legend>{t("wellbeing.signs")}</legend>
          <p className="hint">{t("wellbeing.signs.hint")}</p>
          <div className="pill-row">
            {yesNoSigns.map((k) => (
              <PillCheck
                key={k}
                label={t(`wellbeing.yesNo.${k}`)}
                checked={draft[k] === true}
                onChange={(on) => set(k, on ? true : undefined)}
              />
            ))}
          </div>
        </fieldset>
        <div className={`field${weightError ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-weight`}>{t("wellbeing.weight", { unit: weightUnit })}</label>
          <p className="hint" id={`${id}-weight-hint`}>
            {t("wellbeing.weight.hint")}
          </p>
          <div className="input-unit">
            <input
              id={`${id}-weight`}
              ref={weightInput}
              inputMode="decimal"
              autoComplete="off"
              value={weightText}
              onChange={(e) => setWeightText(e.target.value)}
              aria-invalid={weightError ? true : undefined}
              aria-describedby={
                weightError ? `${id}-weight-hint ${id}-weight-error` : `${id}-weight-hint`
              }
            />
            <span aria-hidden="true">{weightUnit}</span>
          </div>
          {weightError && (
            <p className="error" id={`${id}-weight-error`}>
              {weightError}
            </p>
          )}
        </div>
        <PillGroup
          legend={t("wellbeing.bleeding")}
          name="bleeding"
          options={(["none", "spotting", "light", "heavy"] as const).map((v) => ({
            value: v,
            label: t(`wellbeing.bleeding.${v}`),
          }))}
          value={draft.bleeding}
          onChange={(v) => set("bleeding", v)}
        />
        <PillGroup
          legend={t("wellbeing.mood")}
          hint={t("wellbeing.mood.hint")}
          name="mood"
          options={([1, 2, 3, 4, 5] as const).map((v) => ({
            value: v,
            label: t(`wellbeing.mood.${v}`),
          }))}
          value={draft.mood as 1 | 2 | 3 | 4 | 5 | undefined}
          onChange={(v) => set("mood", v)}
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("wellbeing.note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <FormError>{formError}</FormError>
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("form.saving") : t("wellbeing.check.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
