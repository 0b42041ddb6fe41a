import { oocyteBatchList } from "@trellis/domain";
import { type FormEvent, useRef, useState } from "react";
import { useLocation } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  CountField,
  DateField,
  type Found,
  rowOf,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { RecordingScreen } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n, useT } from "../../i18n/i18n.tsx";
import { pastDateError, readCount, readCounts, storageOf } from "./form-values.ts";
import { PageForm } from "./PageForm.tsx";
import { StorageFields } from "./StorageFields.tsx";

/** Eggs frozen before Trellis (or at a clinic without a retrieval recorded): the date they were frozen counts for age. */
export function AddFrozenEggs() {
  const t = useT();
  return (
    <RecordingScreen title={t("embryos.eggs.new.title")}>
      <AddFrozenEggsForm />
    </RecordingScreen>
  );
}

function AddFrozenEggsForm() {
  const t = useT();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  const form = useForm<"frozenOn" | "count" | "clinic" | "location">({
    from: { "storage.clinic": "clinic", "storage.location": "location" },
  });
  const zone = state.journey!.homeZone;
  const [date, setDate] = useState("");
  const [count, setCount] = useState("");
  const [clinic, setClinic] = useState("");
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = readCounts(t, { count: { text: count, required: true } });
    const frozenOn = pastDateError(t, date, todayIso(zone));
    if (form.fail({ ...found, frozenOn }) || values.count === undefined) return;
    const storage = storageOf(clinic, location);
    const r = await form.record("OocytesVitrified", {
      batchId: form.newId(),
      frozenOn: date,
      count: values.count,
      ...(storage && { storage }),
    });
    if (!r.ok) return;
    toast.show(t("embryos.eggs.new.saved"));
    navigate(routes.embryos.bank);
  }

  return (
    <PageForm
      title={t("embryos.eggs.new.title")}
      intro={t("embryos.eggs.new.intro")}
      form={form}
      onSubmit={save}
      saveLabel={t("embryos.eggs.new.save")}
    >
      <DateField
        {...form.field("frozenOn")}
        label={t("embryos.eggs.new.date")}
        hint={t("embryos.eggs.new.hint")}
        value={date}
        onChange={setDate}
      />
      <CountField
        {...form.field("count")}
        label={t("embryos.eggs.new.count")}
        value={count}
        onChange={setCount}
      />
      <StorageFields
        field={form.field}
        clinic={{ value: clinic, onChange: setClinic }}
        location={{ value: location, onChange: setLocation }}
      />
    </PageForm>
  );
}

/** Thawing frozen eggs, from one batch or several: the thaw then goes through the lab like a retrieval. */
export function ThawEggs() {
  const t = useT();
  return (
    <RecordingScreen title={t("embryos.thaw.title")}>
      <ThawEggsForm />
    </RecordingScreen>
  );
}

function ThawEggsForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  // The batches of the last save, in the order sent: a refusal names one by its place.
  const sent = useRef<string[]>([]);
  const form = useForm<"thawedOn" | "survived" | "clinic" | `batch-${string}`>({
    place: (p) => {
      const n = rowOf(p, "batches");
      const batchId = n === null ? undefined : sent.current[n];
      return batchId === undefined ? undefined : `batch-${batchId}`;
    },
  });
  const zone = state.journey!.homeZone;
  const batches = oocyteBatchList(state).filter((b) => b.remaining > 0);
  const [date, setDate] = useState(todayIso(zone));
  const [counts, setCounts] = useState<Record<string, string>>(
    Object.fromEntries(batches.map((b) => [b.batch.id, String(b.remaining)])),
  );
  const [survived, setSurvived] = useState("");
  const [clinic, setClinic] = useState(batches[0]?.batch.storage?.clinic ?? "");

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Found<"survived" | `batch-${string}`> = {};
    const chosen: { batchId: string; count: number }[] = [];
    for (const b of batches) {
      const { value, error } = readCount(t, { text: counts[b.batch.id] ?? "", required: false });
      if (error) found[`batch-${b.batch.id}`] = error;
      else if (value) chosen.push({ batchId: b.batch.id, count: value });
    }
    const s = readCount(t, { text: survived, required: true });
    found.survived = s.error;
    const none = chosen.length === 0 && !Object.values(found).some(Boolean);
    if (form.fail({ ...found, form: none ? t("embryos.thaw.none") : undefined })) return;
    const thawId = form.newId();
    sent.current = chosen.map((c) => c.batchId);
    const r = await form.record("OocytesThawed", {
      thawId,
      batches: chosen,
      thawedOn: date,
      survived: s.value!,
      ...(clinic.trim() && { clinic: clinic.trim() }),
    });
    if (!r.ok) return;
    toast.show(t("embryos.thaw.saved"));
    navigate(routes.embryos.cohort(thawId));
  }

  return (
    <PageForm
      title={t("embryos.thaw.title")}
      intro={t("embryos.thaw.intro")}
      form={form}
      onSubmit={save}
      saveLabel={t("embryos.thaw.save")}
    >
      <DateField
        {...form.field("thawedOn")}
        label={t("embryos.thaw.date")}
        value={date}
        onChange={setDate}
      />
      {batches.map((b) => (
        <CountField
          key={b.batch.id}
          {...form.field(`batch-${b.batch.id}`)}
          label={t("embryos.thaw.from", {
            date: i18n.day(b.batch.frozenOn, true),
            remaining: b.remaining,
          })}
          value={counts[b.batch.id] ?? ""}
          onChange={(v) => setCounts((c) => ({ ...c, [b.batch.id]: v }))}
        />
      ))}
      <CountField
        {...form.field("survived")}
        label={t("embryos.thaw.survived")}
        value={survived}
        onChange={setSurvived}
      />
      <TextField
        {...form.field("clinic")}
        label={t("embryos.new.clinic")}
        value={clinic}
        onChange={setClinic}
      />
    </PageForm>
  );
}
