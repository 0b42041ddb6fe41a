import type { ClientProblem } from "@trellis/client";
import {
  addDays,
  type EggCohort,
  type Embryo,
  type FertilizationMethod,
  type PgtAResult,
  type PgtMResult,
  type PgtTest,
  parseGardner,
  pgtAResults,
  pgtMResults,
  pgtTests,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { CountField, DateField, TextField } from "../../components/forms/inputs.tsx";
import { PillCheck, PillGroup } from "../../components/forms/PillGroup.tsx";
import { parseCount } from "../../components/forms/parse.ts";
import { useToast } from "../../components/Toast.tsx";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";
import { embryoShort } from "./words.ts";

type Errors = Record<string, string>;

/** Reads the count fields of a form: numbers, or the errors to show beside them. */
function readCounts(
  t: ReturnType<typeof useI18n>["t"],
  fields: Record<string, { text: string; required: boolean }>,
): { values: Record<string, number | undefined>; errors: Errors } {
  const values: Record<string, number | undefined> = {};
  const errors: Errors = {};
  for (const [name, { text, required }] of Object.entries(fields)) {
    const n = parseCount(text);
    if (n === null) {
      if (required) errors[name] = t("form.required");
    } else if (Number.isNaN(n)) {
      errors[name] = t("embryos.form.notACount");
    } else {
      values[name] = n;
    }
  }
  return { values, errors };
}

/** Where a refusal goes: beside its input when the form has one, otherwise at the bottom. */
function placed(i18n: I18n, p: ClientProblem, fields: readonly string[]): Errors {
  const field = fieldOf(p).split(".")[0]!;
  const text = refusalText(i18n, p);
  return fields.includes(field) ? { [field]: text } : { form: text };
}

function Submit({ label, busy }: { label: string; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("form.saving") : label}
      </button>
    </div>
  );
}

/** The day-1 call: ICSI or conventional, mature eggs if known, normally fertilized (2PN). */
export function Day1Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [date, setDate] = useState(addDays(cohort.date, 1));
  const [method, setMethod] = useState<FertilizationMethod>("icsi");
  const [mature, setMature] = useState(cohort.mature === null ? "" : String(cohort.mature));
  const [fertilized, setFertilized] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const thaw = cohort.kind === "thaw";

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, errors: found } = readCounts(t, {
      mature: { text: mature, required: false },
      fertilized: { text: fertilized, required: true },
    });
    if (Object.keys(found).length > 0) return setErrors(found);
    setBusy(true);
    const r = await client.record("FertilizationReported", {
      cohortId: cohort.id,
      reportedOn: date,
      method,
      fertilized: values.fertilized!,
      ...(!thaw &&
        values.mature !== undefined &&
        values.mature !== cohort.mature && { mature: values.mature }),
    });
    setBusy(false);
    if (!r.ok) return setErrors(placed(i18n, r.error, ["mature", "fertilized", "reportedOn"]));
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.day1.title")}</h3>
      <DateField
        id={`${id}-date`}
        label={t("embryos.form.date")}
        value={date}
        onChange={setDate}
        error={errors.reportedOn}
      />
      <PillGroup
        legend={t("embryos.day1.method")}
        name={`${id}-method`}
        options={[
          { value: "icsi" as const, label: t("embryos.day1.method.icsi") },
          { value: "conventional" as const, label: t("embryos.day1.method.conventional") },
        ]}
        value={method}
        onChange={setMethod}
      />
      {!thaw && (
        <CountField
          id={`${id}-mature`}
          label={t("embryos.day1.mature")}
          hint={t("embryos.day1.mature.hint")}
          value={mature}
          onChange={setMature}
          error={errors.mature}
        />
      )}
      <CountField
        id={`${id}-fertilized`}
        label={t("embryos.day1.fertilized")}
        value={fertilized}
        onChange={setFertilized}
        error={errors.fertilized}
      />
      <FormError>{errors.form}</FormError>
      <Submit label={t("form.save")} busy={busy} />
    </form>
  );
}

/** The day-3 call: how many still developing, and any frozen or kept for a transfer today. */
export function Day3Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [date, setDate] = useState(addDays(cohort.date, 3));
  const [developing, setDeveloping] = useState("");
  const [frozen, setFrozen] = useState("0");
  const [kept, setKept] = useState("0");
  const [location, setLocation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, errors: found } = readCounts(t, {
      developing: { text: developing, required: true },
      frozen: { text: frozen, required: false },
      kept: { text: kept, required: false },
    });
    if (Object.keys(found).length > 0) return setErrors(found);
    const embryos = [
      ...Array.from({ length: values.frozen ?? 0 }, () => ({
        embryoId: client.newId(),
        fate: "frozen" as const,
      })),
      ...Array.from({ length: values.kept ?? 0 }, () => ({
        embryoId: client.newId(),
        fate: "in-culture" as const,
      })),
    ];
    setBusy(true);
    const r = await client.record("Day3Reported", {
      cohortId: cohort.id,
      reportedOn: date,
      developing: values.developing!,
      ...(embryos.length > 0 && { embryos }),
      ...(location.trim() && { storage: { location: location.trim() } }),
    });
    setBusy(false);
    if (!r.ok) {
      const field = fieldOf(r.error);
      return setErrors(
        field === "developing" || field === "embryos"
          ? { [field === "embryos" ? "frozen" : "developing"]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.day3.title")}</h3>
      <DateField id={`${id}-date`} label={t("embryos.form.date")} value={date} onChange={setDate} />
      <CountField
        id={`${id}-developing`}
        label={t("embryos.day3.developing")}
        value={developing}
        onChange={setDeveloping}
        error={errors.developing}
      />
      <p className="hint">{t("embryos.day3.leaving.hint")}</p>
      <div className="form-pair">
        <CountField
          id={`${id}-frozen`}
          label={t("embryos.day3.frozen")}
          value={frozen}
          onChange={setFrozen}
          error={errors.frozen}
        />
        <CountField
          id={`${id}-kept`}
          label={t("embryos.day3.kept")}
          value={kept}
          onChange={setKept}
          error={errors.kept}
        />
      </div>
      {parseCount(frozen) ? (
        <TextField
          id={`${id}-location`}
          label={t("embryos.new.location")}
          value={location}
          onChange={setLocation}
        />
      ) : null}
      <FormError>{errors.form}</FormError>
      <Submit label={t("form.save")} busy={busy} />
    </form>
  );
}

interface BlastRow {
  readonly key: number;
  label: string;
  grade: string;
  biopsied: boolean;
  fate: "frozen" | "in-culture" | "discarded";
}

/** The day-5, 6 or 7 call: each blastocyst with its grade (read back as understood), biopsy, and what the lab did. */
export function BlastocystForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const nextDay = ([5, 6, 7] as const).find((d) => !cohort.blastocystDays.includes(d)) ?? 5;
  const [day, setDay] = useState<5 | 6 | 7>(nextDay);
  const [date, setDate] = useState(addDays(cohort.date, nextDay));
  const [rows, setRows] = useState<BlastRow[]>([
    { key: 1, label: "", grade: "", biopsied: false, fate: "frozen" },
  ]);
  const [clinic, setClinic] = useState(cohort.clinic ?? "");
  const [location, setLocation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const change = (key: number, patch: Partial<BlastRow>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    // A corrected grade should not keep the old message beside it.
    if (patch.grade !== undefined) {
      const i = rows.findIndex((r) => r.key === key);
      setErrors(({ [`grade-${i}`]: _gone, ...rest }) => rest);
    }
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    rows.forEach((r, i) => {
      if (!r.grade.trim()) found[`grade-${i}`] = t("form.required");
      else {
        const g = parseGardner(r.grade);
        if (!g.ok) found[`grade-${i}`] = refusalText(i18n, g.error);
      }
    });
    if (Object.keys(found).length > 0) return setErrors(found);
    setBusy(true);
    const r = await client.record("BlastocystsReported", {
      cohortId: cohort.id,
      day,
      reportedOn: date,
      blastocysts: rows.map((row) => ({
        embryoId: client.newId(),
        ...(row.label.trim() && { label: row.label.trim() }),
        grade: row.grade,
        biopsied: row.biopsied,
        fate: row.fate,
      })),
      ...((clinic.trim() || location.trim()) && {
        storage: {
          ...(clinic.trim() && { clinic: clinic.trim() }),
          ...(location.trim() && { location: location.trim() }),
        },
      }),
    });
    setBusy(false);
    if (!r.ok) {
      const m = /^payload\.blastocysts\.(\d+)\.grade/.exec(r.error.field);
      return setErrors(
        m
          ? { [`grade-${m[1]}`]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.blasts.title")}</h3>
      <PillGroup
        legend={t("embryos.blasts.day")}
        name={`${id}-day`}
        options={([5, 6, 7] as const).map((d) => ({
          value: d,
          label: t("embryos.blasts.day.option", { day: d }),
        }))}
        value={day}
        onChange={(d) => {
          setDay(d);
          setDate(addDays(cohort.date, d));
        }}
      />
      <DateField id={`${id}-date`} label={t("embryos.form.date")} value={date} onChange={setDate} />
      {rows.map((row, i) => {
        const parsed = row.grade.trim() ? parseGardner(row.grade) : null;
        return (
          <fieldset key={row.key} className="blast-row">
            <legend>{t("embryos.blasts.row", { n: i + 1 })}</legend>
            <div className="form-pair">
              <div className={`field${errors[`grade-${i}`] ? " field-invalid" : ""}`}>
                <label htmlFor={`${id}-grade-${row.key}`}>{t("embryos.blasts.grade")}</label>
                <input
                  id={`${id}-grade-${row.key}`}
                  autoComplete="off"
                  autoCapitalize="characters"
                  value={row.grade}
                  onChange={(e) => change(row.key, { grade: e.target.value })}
                  aria-invalid={errors[`grade-${i}`] ? true : undefined}
                  aria-describedby={`${id}-grade-${row.key}-hint${errors[`grade-${i}`] ? ` ${id}-grade-${row.key}-error` : ""}`}
                />
              </div>
              <TextField
                id={`${id}-label-${row.key}`}
                label={t("embryos.blasts.label")}
                value={row.label}
                onChange={(v) => change(row.key, { label: v })}
              />
            </div>
            <p className="hint" id={`${id}-grade-${row.key}-hint`}>
              {parsed?.ok
                ? t("embryos.blasts.grade.understood", { grade: parsed.value.text })
                : t("embryos.blasts.grade.hint")}
            </p>
            {errors[`grade-${i}`] && (
              <p className="error" id={`${id}-grade-${row.key}-error`}>
                {errors[`grade-${i}`]}
              </p>
            )}
            <PillCheck
              label={t("embryos.blasts.biopsied")}
              checked={row.biopsied}
              onChange={(v) => change(row.key, { biopsied: v })}
            />
            <PillGroup
              legend={t("embryos.blasts.fate")}
              name={`${id}-fate-${row.key}`}
              options={(["frozen", "in-culture", "discarded"] as const).map((f) => ({
                value: f,
                label: t(`embryos.blasts.fate.${f}`),
              }))}
              value={row.fate}
              onChange={(f) => change(row.key, { fate: f })}
            />
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
            >
              {t("embryos.blasts.removeRow", { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="button"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                key: (rs.at(-1)?.key ?? 0) + 1,
                label: "",
                grade: "",
                biopsied: rs.at(-1)?.biopsied ?? false,
                fate: "frozen",
              },
            ])
          }
        >
          {t("embryos.blasts.add")}
        </button>
      </div>
      {rows.some((r) => r.fate === "frozen") && (
        <fieldset className="stack-tight">
          <legend>{t("embryos.blasts.storage")}</legend>
          <div className="form-pair">
            <TextField
              id={`${id}-clinic`}
              label={t("embryos.actions.clinic")}
              value={clinic}
              onChange={setClinic}
            />
            <TextField
              id={`${id}-location`}
              label={t("embryos.actions.location")}
              value={location}
              onChange={setLocation}
            />
          </div>
        </fieldset>
      )}
      <FormError>{errors.form}</FormError>
      <Submit
        label={rows.length === 0 ? t("embryos.blasts.saveNone", { day }) : t("embryos.blasts.save")}
        busy={busy}
      />
    </form>
  );
}

/** Test results, weeks later: one result per biopsied embryo (those not in this report left out). */
export function PgtForm({
  cohort,
  embryos,
  onDone,
}: {
  cohort: EggCohort;
  embryos: Embryo[];
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const [test, setTest] = useState<PgtTest>("PGT-A");
  const now = todayIso(state.journey!.homeZone);
  const [date, setDate] = useState([addDays(cohort.date, 21), now].sort()[0]!);
  const [results, setResults] = useState<Record<string, string>>({});
  const [levels, setLevels] = useState<Record<string, "low" | "high">>({});
  const [recordSex, setRecordSex] = useState(false);
  const [sexes, setSexes] = useState<Record<string, "" | "female" | "male">>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const biopsied = embryos.filter((e) => e.biopsied && (test === "PGT-A" ? !e.pgtA : !e.pgtM));
  const options = test === "PGT-A" ? pgtAResults : pgtMResults;

  async function save(e: FormEvent) {
    e.preventDefault();
    const chosen = biopsied.filter((b) => results[b.id]);
    if (chosen.length === 0) return setError(t("embryos.pgt.nothingChosen"));
    setBusy(true);
    const r = await client.record("PgtResultRecorded", {
      reportedOn: date,
      test,
      results: chosen.map((b) => ({
        embryoId: b.id,
        result: results[b.id] as PgtAResult | PgtMResult,
        ...(results[b.id] === "mosaic" && { mosaicLevel: levels[b.id] ?? "low" }),
        ...(recordSex && sexes[b.id] && { sex: sexes[b.id] as "female" | "male" }),
      })),
    });
    setBusy(false);
    if (!r.ok) return setError(refusalText(i18n, r.error));
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.pgt.title")}</h3>
      <PillGroup
        legend={t("embryos.pgt.test")}
        name={`${id}-test`}
        options={pgtTests.map((x) => ({ value: x, label: x }))}
        value={test}
        onChange={setTest}
      />
      <DateField id={`${id}-date`} label={t("embryos.form.date")} value={date} onChange={setDate} />
      {biopsied.length === 0 ? (
        <p className="muted">{t("embryos.pgt.noneBiopsied")}</p>
      ) : (
        <>
          {biopsied.map((b) => {
            const name = embryoShort(i18n, b);
            return (
              <div key={b.id} className="stack-tight pgt-row">
                <div className="field">
                  <label htmlFor={`${id}-r-${b.id}`}>{t("embryos.pgt.result", { name })}</label>
                  <select
                    id={`${id}-r-${b.id}`}
                    value={results[b.id] ?? ""}
                    onChange={(e) => setResults((r) => ({ ...r, [b.id]: e.target.value }))}
                  >
                    <option value="">{t("embryos.pgt.notInReport")}</option>
                    {options.map((o) => (
                      <option key={o} value={o}>
                        {t(`embryos.pgt.result.${o}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {results[b.id] === "mosaic" && (
                  <div className="field">
                    <label htmlFor={`${id}-l-${b.id}`}>{t("embryos.pgt.level")}</label>
                    <select
                      id={`${id}-l-${b.id}`}
                      value={levels[b.id] ?? "low"}
                      onChange={(e) =>
                        setLevels((l) => ({ ...l, [b.id]: e.target.value as "low" | "high" }))
                      }
                    >
                      <option value="low">{t("embryos.pgt.level.low")}</option>
                      <option value="high">{t("embryos.pgt.level.high")}</option>
                    </select>
                  </div>
                )}
                {recordSex && results[b.id] && (
                  <div className="field">
                    <label htmlFor={`${id}-s-${b.id}`}>{t("embryos.pgt.sex", { name })}</label>
                    <select
                      id={`${id}-s-${b.id}`}
                      value={sexes[b.id] ?? ""}
                      onChange={(e) =>
                        setSexes((s) => ({
                          ...s,
                          [b.id]: e.target.value as "" | "female" | "male",
                        }))
                      }
                    >
                      <option value="">{t("embryos.pgt.sex.none")}</option>
                      <option value="female">{t("embryos.pgt.sex.female")}</option>
                      <option value="male">{t("embryos.pgt.sex.male")}</option>
                    </select>
                  </div>
                )}
              </div>
            );
          })}
          <div className="stack-tight">
            <PillCheck
              label={t("embryos.pgt.recordSex")}
              checked={recordSex}
              onChange={setRecordSex}
            />
            <p className="hint">{t("embryos.pgt.recordSex.hint")}</p>
          </div>
          <FormError>{error}</FormError>
          <Submit label={t("form.save")} busy={busy} />
        </>
      )}
    </form>
  );
}

/** Mature eggs frozen from this retrieval (egg freezing, or a split with some fertilized). */
export function FreezeEggsForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [date, setDate] = useState(cohort.date);
  const [count, setCount] = useState("");
  const [location, setLocation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, errors: found } = readCounts(t, { count: { text: count, required: true } });
    if (Object.keys(found).length > 0) return setErrors(found);
    setBusy(true);
    const r = await client.record("OocytesVitrified", {
      batchId: client.newId(),
      retrievalId: cohort.id,
      frozenOn: date,
      count: values.count!,
      ...(location.trim() && { storage: { location: location.trim() } }),
    });
    setBusy(false);
    if (!r.ok) return setErrors(placed(i18n, r.error, ["count"]));
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.freezeEggs.title")}</h3>
      <DateField id={`${id}-date`} label={t("embryos.form.date")} value={date} onChange={setDate} />
      <CountField
        id={`${id}-count`}
        label={t("embryos.freezeEggs.count")}
        value={count}
        onChange={setCount}
        error={errors.count}
      />
      <TextField
        id={`${id}-location`}
        label={t("embryos.new.location")}
        value={location}
        onChange={setLocation}
      />
      <FormError>{errors.form}</FormError>
      <Submit label={t("form.save")} busy={busy} />
    </form>
  );
}

/** A count the lab corrected (or that was typed wrong): only what changes is saved, checked against every report. */
export function CorrectForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const fields = (
    cohort.kind === "thaw"
      ? (["survived", "fertilized", "day3"] as const)
      : (["eggs", "mature", "fertilized", "day3"] as const)
  ) as readonly ("eggs" | "survived" | "mature" | "fertilized" | "day3")[];
  const labels = {
    eggs: t("embryos.new.eggs"),
    survived: t("embryos.thaw.survived"),
    mature: t("embryos.day1.mature"),
    fertilized: t("embryos.day1.fertilized"),
    day3: t("embryos.day3.developing"),
  };
  const initial = Object.fromEntries(
    fields.map((f) => [f, cohort[f] === null ? "" : String(cohort[f])]),
  ) as Record<(typeof fields)[number], string>;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values: read, errors: found } = readCounts(
      t,
      Object.fromEntries(fields.map((f) => [f, { text: values[f], required: f === "eggs" }])),
    );
    if (Object.keys(found).length > 0) return setErrors(found);
    const changes = Object.fromEntries(
      fields.filter((f) => (read[f] ?? null) !== cohort[f]).map((f) => [f, read[f] ?? null]),
    );
    if (Object.keys(changes).length === 0) {
      toast.show(t("embryos.correct.nothing"));
      return onDone();
    }
    const r = await client.record("LabCountsCorrected", {
      cohortId: cohort.id,
      ...changes,
    } as never);
    if (!r.ok) return setErrors(placed(i18n, r.error, [...fields]));
    toast.show(t("embryos.form.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("embryos.correct.title")}</h3>
      <p className="hint">{t("embryos.correct.hint")}</p>
      {fields.map((f) => (
        <CountField
          key={f}
          id={`${id}-${f}`}
          label={labels[f]}
          value={values[f]}
          onChange={(v) => setValues((x) => ({ ...x, [f]: v }))}
          error={errors[f]}
        />
      ))}
      <FormError>{errors.form}</FormError>
      <Submit label={t("form.save")} busy={false} />
    </form>
  );
}
