import { oocyteBatchList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useLocation } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { CountField, DateField, TextField } from "../../components/forms/inputs.tsx";
import { parseCount } from "../../components/forms/parse.ts";
import { Page } from "../../components/Page.tsx";
import { RecordingScreen } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";

type Errors = Record<string, string>;

/** Eggs frozen before Trellis (or at a clinic without a retrieval recorded): the date they were frozen counts for age. */
export function AddFrozenEggs() {
  const { t } = useI18n();
  return (
    <RecordingScreen title={t("embryos.eggs.new.title")}>
      <AddFrozenEggsForm />
    </RecordingScreen>
  );
}

function AddFrozenEggsForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  const id = useId();
  const zone = state.journey!.homeZone;
  const [date, setDate] = useState("");
  const [count, setCount] = useState("");
  const [clinic, setClinic] = useState("");
  const [location, setLocation] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const n = parseCount(count);
    if (n === null) found.count = t("form.required");
    else if (Number.isNaN(n)) found.count = t("embryos.form.notACount");
    if (!date) found.frozenOn = t("form.required");
    else if (date > todayIso(zone)) found.frozenOn = t("form.dateInFuture");
    if (Object.keys(found).length > 0) return setErrors(found);
    const r = await client.record("OocytesVitrified", {
      batchId: client.newId(),
      frozenOn: date,
      count: n!,
      ...((clinic.trim() || location.trim()) && {
        storage: {
          ...(clinic.trim() && { clinic: clinic.trim() }),
          ...(location.trim() && { location: location.trim() }),
        },
      }),
    });
    if (!r.ok) {
      const f = fieldOf(r.error);
      return setErrors(
        f === "count" || f === "frozenOn"
          ? { [f]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.eggs.new.saved"));
    navigate(routes.embryos.bank);
  }

  return (
    <Page title={t("embryos.eggs.new.title")} intro={t("embryos.eggs.new.intro")}>
      <form className="card stack" onSubmit={save} noValidate>
        <DateField
          id={`${id}-date`}
          label={t("embryos.eggs.new.date")}
          hint={t("embryos.eggs.new.hint")}
          value={date}
          onChange={setDate}
          error={errors.frozenOn}
        />
        <CountField
          id={`${id}-count`}
          label={t("embryos.eggs.new.count")}
          value={count}
          onChange={setCount}
          error={errors.count}
        />
        <TextField
          id={`${id}-clinic`}
          label={t("embryos.new.clinic")}
          value={clinic}
          onChange={setClinic}
        />
        <TextField
          id={`${id}-location`}
          label={t("embryos.new.location")}
          value={location}
          onChange={setLocation}
        />
        <FormError>{errors.form}</FormError>
        <div>
          <button type="submit" className="button button-primary">
            {t("embryos.eggs.new.save")}
          </button>
        </div>
      </form>
    </Page>
  );
}

/** Thawing frozen eggs, from one batch or several: the thaw then goes through the lab like a retrieval. */
export function ThawEggs() {
  const { t } = useI18n();
  return (
    <RecordingScreen title={t("embryos.thaw.title")}>
      <ThawEggsForm />
    </RecordingScreen>
  );
}

function ThawEggsForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  const id = useId();
  const zone = state.journey!.homeZone;
  const batches = oocyteBatchList(state).filter((b) => b.remaining > 0);
  const [date, setDate] = useState(todayIso(zone));
  const [counts, setCounts] = useState<Record<string, string>>(
    Object.fromEntries(batches.map((b) => [b.batch.id, String(b.remaining)])),
  );
  const [survived, setSurvived] = useState("");
  const [clinic, setClinic] = useState(batches[0]?.batch.storage?.clinic ?? "");
  const [errors, setErrors] = useState<Errors>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const chosen: { batchId: string; count: number }[] = [];
    for (const b of batches) {
      const n = parseCount(counts[b.batch.id] ?? "");
      if (n === null || n === 0) continue;
      if (Number.isNaN(n)) found[b.batch.id] = t("embryos.form.notACount");
      else chosen.push({ batchId: b.batch.id, count: n });
    }
    const s = parseCount(survived);
    if (s === null) found.survived = t("form.required");
    else if (Number.isNaN(s)) found.survived = t("embryos.form.notACount");
    if (chosen.length === 0 && Object.keys(found).length === 0) found.form = t("embryos.thaw.none");
    if (Object.keys(found).length > 0) return setErrors(found);
    const thawId = client.newId();
    const r = await client.record("OocytesThawed", {
      thawId,
      batches: chosen,
      thawedOn: date,
      survived: s!,
      ...(clinic.trim() && { clinic: clinic.trim() }),
    });
    if (!r.ok) {
      const f = fieldOf(r.error);
      const m = /^payload\.batches\.(\d+)\.count/.exec(r.error.field);
      if (m) return setErrors({ [chosen[Number(m[1])]!.batchId]: refusalText(i18n, r.error) });
      return setErrors(
        f === "survived"
          ? { survived: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.thaw.saved"));
    navigate(routes.embryos.cohort(thawId));
  }

  return (
    <Page title={t("embryos.thaw.title")} intro={t("embryos.thaw.intro")}>
      <form className="card stack" onSubmit={save} noValidate>
        <DateField
          id={`${id}-date`}
          label={t("embryos.thaw.date")}
          value={date}
          onChange={setDate}
        />
        {batches.map((b) => (
          <CountField
            key={b.batch.id}
            id={`${id}-${b.batch.id}`}
            label={t("embryos.thaw.from", {
              date: i18n.day(b.batch.frozenOn, true),
              remaining: b.remaining,
            })}
            value={counts[b.batch.id] ?? ""}
            onChange={(v) => setCounts((c) => ({ ...c, [b.batch.id]: v }))}
            error={errors[b.batch.id]}
          />
        ))}
        <CountField
          id={`${id}-survived`}
          label={t("embryos.thaw.survived")}
          value={survived}
          onChange={setSurvived}
          error={errors.survived}
        />
        <TextField
          id={`${id}-clinic`}
          label={t("embryos.new.clinic")}
          value={clinic}
          onChange={setClinic}
        />
        <FormError>{errors.form}</FormError>
        <div>
          <button type="submit" className="button button-primary">
            {t("embryos.thaw.save")}
          </button>
        </div>
      </form>
    </Page>
  );
}
