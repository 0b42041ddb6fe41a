import {
  CHECK_DAYS_SINCE_TRANSFER_MAX,
  type CheckQuestion,
  careStage,
  GESTATION_MAX_WEEKS,
  type SymptomAnswers,
  stageQuestions,
  triageFor,
} from "@trellis/domain";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { nowZoned } from "../../app/time.ts";
import { useNow } from "../../app/use-now.ts";
import {
  FormButtons,
  MeasureField,
  PillCheck,
  PillChecks,
  PillGroup,
  type PillOption,
  useForm,
} from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { TriageResult } from "./TriageResult.tsx";
import { useTriageClinic } from "./use-triage-clinic.ts";

type Draft = { -readonly [K in keyof SymptomAnswers]: SymptomAnswers[K] };
type Severity = NonNullable<SymptomAnswers["bloating"]>;
type YesNo = {
  [K in keyof Draft]-?: NonNullable<Draft[K]> extends boolean ? K : never;
}[keyof Draft];

/** Yes-or-no signs to watch or call about, as they are grouped on the form. */
const bodySigns: readonly YesNo[] = [
  "waistGrowing",
  "tightAbdomen",
  "diarrhoea",
  "oneSidedPain",
  "shoulderTipPain",
  "fever",
  "foulDischarge",
  "dizziness",
  "severeHeadache",
  "visionChanges",
  "suddenSwelling",
  "reducedMovements",
  "fluidLeak",
  "woundProblem",
];
/** Yes-or-no signs that need help straight away, at any stage. */
const urgentSigns: readonly YesNo[] = [
  "shortnessOfBreath",
  "chestPain",
  "racingHeartOrFastBreathing",
  "calfPainOrSwelling",
  "fainting",
  "seizure",
  "confusion",
  "coughingBlood",
];
const thoughts: readonly YesNo[] = ["thoughtsOfSelfHarm", "thoughtsOfHarmingOthers"];

const atLeastMild = (s: Severity | undefined) => s !== undefined && s !== "none";

/**
 * "How do you feel?": the questions for where the person is (`careStage`,
 * `stageQuestions`) and only those, in plain words, every answer optional,
 * big pills for a thumb. After a loss it never asks about a pregnancy.
 * Saving records the check with its stage, then shows what it means and
 * whom to call, with the reasons.
 */
export function SymptomCheck({ cycleId }: { cycleId?: string }) {
  const { t } = useI18n();
  const form = useForm<"weight">({ from: { "answers.weight": "weight" } });
  const state = useJourneyState();
  const clinic = useTriageClinic(cycleId);
  const now = useNow();
  const zone = state.journey!.homeZone;
  const weightUnit = state.preferences.weightUnit;
  const id = useId();
  const [draft, setDraft] = useState<Draft>({});
  const [weightText, setWeightText] = useState("");
  const [note, setNote] = useState("");
  const [savedId, setSavedId] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (savedId) resultHeading.current?.focus();
  }, [savedId]);

  const where = careStage(state, { nowMs: now });
  const stage = where?.stage ?? null;
  const asked = new Set<CheckQuestion>(
    stageQuestions({
      stage,
      pregnancyWeeks: where?.pregnancyWeeks ?? null,
      daysSinceTransfer: where?.daysSinceTransfer ?? null,
    }),
  );
  const ask = (q: CheckQuestion) => asked.has(q);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const severities: PillOption<Severity>[] = (["none", "mild", "moderate", "severe"] as const).map(
    (v) => ({ value: v, label: t(`wellbeing.severity.${v}`) }),
  );

  function reset() {
    setDraft({});
    setWeightText("");
    setNote("");
    form.clear();
    setSavedId(null);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    // Only what this stage asks, answered: a question that went away with the stage is not sent.
    const answers = Object.fromEntries(
      Object.entries(draft).filter(([k, v]) => v !== undefined && asked.has(k as CheckQuestion)),
    ) as Draft;
    // A trend only means something beside the symptom it belongs to.
    if (!atLeastMild(answers.bloating)) delete answers.bloatingTrend;
    if (!atLeastMild(answers.abdominalPain)) delete answers.painTrend;
    const typed = weightText.trim().replace(",", ".");
    if (typed !== "" && ask("weight")) {
      const value = /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
      if (!Number.isFinite(value) || value <= 0 || value > 700) {
        form.fail({ weight: t("wellbeing.weight.invalid", { unit: weightUnit }) });
        return;
      }
      answers.weight = { value, unit: weightUnit };
    }
    if (note.trim()) answers.note = note.trim();
    const empty = Object.keys(answers).length === 0;
    if (form.fail({ form: empty ? t("wellbeing.check.empty") : undefined })) return;
    const checkId = form.newId();
    const weeks = where?.pregnancyWeeks;
    const days = where?.daysSinceTransfer;
    const r = await form.record("SymptomsChecked", {
      checkId,
      ...(cycleId && { cycleId }),
      at: nowZoned(zone),
      stage,
      ...(weeks !== null &&
        weeks !== undefined &&
        weeks >= 0 &&
        weeks <= GESTATION_MAX_WEEKS && {
          pregnancyWeeks: weeks,
        }),
      ...(days !== null &&
        days !== undefined &&
        days >= 0 &&
        days <= CHECK_DAYS_SINCE_TRANSFER_MAX && {
          daysSinceTransfer: days,
        }),
      answers,
    });
    if (r.ok) setSavedId(checkId);
  }

  const result = savedId ? triageFor(state, savedId) : null;
  if (result) {
    return (
      <section className="card symptom-check" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("wellbeing.check.title")}</h2>
        <p className="muted small">{t("wellbeing.check.saved")}</p>
        <TriageResult
          triage={result.triage}
          clinic={clinic}
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

  const trend = (key: "bloatingTrend" | "painTrend") => (
    <div className="pill-row pill-follow">
      <PillCheck
        label={t("wellbeing.gettingWorse")}
        checked={draft[key] === "worse"}
        onChange={(on) => set(key, on ? "worse" : undefined)}
      />
    </div>
  );
  const checks = (keys: readonly YesNo[]) =>
    keys
      .filter(ask)
      .map((k) => (
        <PillCheck
          key={k}
          label={t(`wellbeing.yesNo.${k}`)}
          checked={draft[k] === true}
          onChange={(on) => set(k, on ? true : undefined)}
        />
      ));
  const severity = (key: "abdominalPain" | "bloating" | "nausea", legend: string) =>
    ask(key) && (
      <PillGroup
        legend={legend}
        name={key}
        options={severities}
        value={draft[key]}
        onChange={(v) => set(key, v)}
      >
        {key === "abdominalPain" && atLeastMild(draft.abdominalPain) && trend("painTrend")}
        {key === "bloating" && atLeastMild(draft.bloating) && trend("bloatingTrend")}
      </PillGroup>
    );
  const afterwards = stage === "after-loss" || stage === "after-birth";
  const bleedingFirst = stage !== "stimulation" && stage !== "after-retrieval";
  const bleeding = ask("bleeding") && (
    <PillGroup
      legend={t("wellbeing.bleeding")}
      hint={t("wellbeing.bleeding.hint")}
      name="bleeding"
      options={(["none", "spotting", "light", "heavy", "soaking-pad-an-hour"] as const).map(
        (v) => ({ value: v, label: t(`wellbeing.bleeding.${v}`) }),
      )}
      value={draft.bleeding}
      onChange={(v) => set("bleeding", v)}
    >
      {ask("clotsLargerThanPlum") && (
        <div className="pill-row pill-follow">{checks(["clotsLargerThanPlum"])}</div>
      )}
    </PillGroup>
  );

  return (
    <section className="card symptom-check" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("wellbeing.check.title")}</h2>
      <p className="hint">{t(`wellbeing.check.for.${stage ?? "general"}`)}</p>
      <p className="hint">{t("wellbeing.check.intro")}</p>
      <form className="stack" onSubmit={save} noValidate>
        {bleedingFirst && bleeding}
        {severity("abdominalPain", t(afterwards ? "wellbeing.pain.after" : "wellbeing.pain"))}
        {severity("bloating", t("wellbeing.bloating"))}
        {severity("nausea", t("wellbeing.nausea"))}
        {ask("vomiting") && (
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
        )}
        {ask("urine") && (
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
        )}
        {!bleedingFirst && bleeding}
        <PillChecks legend={t("wellbeing.signs")} hint={t("wellbeing.signs.hint")}>
          {checks(bodySigns)}
        </PillChecks>
        <PillChecks legend={t("wellbeing.urgentSigns")} hint={t("wellbeing.urgentSigns.hint")}>
          {checks(urgentSigns)}
        </PillChecks>
        {ask("weight") && (
          <MeasureField
            {...form.field("weight")}
            label={t("wellbeing.weight", { unit: weightUnit })}
            hint={t("wellbeing.weight.hint")}
            unit={weightUnit}
            value={weightText}
            onChange={setWeightText}
          />
        )}
        {ask("mood") && (
          <PillGroup
            legend={t("wellbeing.mood")}
            hint={t("wellbeing.mood.hint")}
            name="mood"
            options={(["ok", "low", "very-low"] as const).map((v) => ({
              value: v,
              label: t(`wellbeing.mood.${v}`),
            }))}
            value={draft.mood as "ok" | "low" | "very-low" | undefined}
            onChange={(v) => set("mood", v)}
          />
        )}
        <PillChecks legend={t("wellbeing.thoughts")} hint={t("wellbeing.thoughts.hint")}>
          {checks(thoughts)}
        </PillChecks>
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
        <FormButtons form={form} label={t("wellbeing.check.save")} />
      </form>
    </section>
  );
}
