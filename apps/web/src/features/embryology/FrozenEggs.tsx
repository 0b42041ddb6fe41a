import { oocyteBatchList } from "@trellis/domain";
import { type FormEvent, useRef, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { CountField, DateField, rowOf, TextField, useForm } from "../../components/forms/index.ts";
import { recordingScreen } from "../../components/ReadOnly.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useI18n, useT } from "../../i18n/i18n.tsx";
import { pastDateError, storageOf } from "./form-values.ts";
import { PageForm } from "./PageForm.tsx";
import { StorageFields } from "./StorageFields.tsx";
import { useCounts } from "./use-counts.ts";

/** Eggs frozen before Trellis (or at a clinic without a retrieval recorded): the date they were frozen counts for age. */
export const AddFrozenEggs = recordingScreen("embryos.eggs.new.title", AddFrozenEggsForm);

function AddFrozenEggsForm() {
  const t = useT();
  const state = useJourneyState();
  const saved = useSaved();
  const form = useForm<"frozenOn" | "count" | "clinic" | "location">({
    from: { "storage.clinic": "clinic", "storage.location": "location" },
  });
  const counts = useCounts(form, { count: "" });
  const zone = state.journey!.homeZone;
  const [date, setDate] = useState("");
  const [clinic, setClinic] = useState("");
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(t, { count: "required" });
    const frozenOn = pastDateError(t, date, todayIso(zone));
    if (form.fail({ ...found, frozenOn }) || values.count === undefined) return;
    const storage = storageOf(clinic, location);
    const r = await form.record("OocytesVitrified", {
      batchId: form.newId(),
      frozenOn: date,
      count: values.count,
      ...(storage && { storage }),
    });
    if (r.ok) saved(t("embryos.eggs.new.saved"), routes.embryos.bank);
  }

  return (
    <PageForm words="embryos.eggs.new" form={form} onSubmit={save}>
      <DateField
        {...form.bind("frozenOn", date, setDate)}
        label={t("embryos.eggs.new.date")}
        hint={t("embryos.eggs.new.hint")}
      />
      <CountField {...counts.field("count")} label={t("embryos.eggs.new.count")} />
      <StorageFields
        clinic={{ ...form.field("clinic"), value: clinic, onChange: setClinic }}
        location={{ ...form.field("location"), value: location, onChange: setLocation }}
      />
    </PageForm>
  );
}

/** Thawing frozen eggs, from one batch or several: the thaw then goes through the lab like a retrieval. */
export const ThawEggs = recordingScreen("embryos.thaw.title", ThawEggsForm);

function ThawEggsForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const saved = useSaved();
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
  const counts = useCounts<"survived" | `batch-${string}`>(form, {
    survived: "",
    ...Object.fromEntries(batches.map((b) => [`batch-${b.batch.id}`, String(b.remaining)])),
  });
  const [clinic, setClinic] = useState(batches[0]?.batch.storage?.clinic ?? "");

  async function save(e: FormEvent) {
    e.preventDefault();
    // A batch left empty or at 0 is not part of this thaw.
    const { values, found } = counts.read(t, {
      survived: "required",
      ...Object.fromEntries(batches.map((b) => [`batch-${b.batch.id}`, "optional" as const])),
    });
    const chosen = batches
      .map((b) => ({ batchId: b.batch.id, count: values[`batch-${b.batch.id}`] ?? 0 }))
      .filter((b) => b.count > 0);
    const none = chosen.length === 0 && !Object.values(found).some(Boolean);
    if (form.fail({ ...found, form: none ? t("embryos.thaw.none") : undefined })) return;
    const thawId = form.newId();
    sent.current = chosen.map((c) => c.batchId);
    const r = await form.record("OocytesThawed", {
      thawId,
      batches: chosen,
      thawedOn: date,
      survived: values.survived!,
      ...(clinic.trim() && { clinic: clinic.trim() }),
    });
    if (r.ok) saved(t("embryos.thaw.saved"), routes.embryos.cohort(thawId));
  }

  return (
    <PageForm words="embryos.thaw" form={form} onSubmit={save}>
      <DateField {...form.bind("thawedOn", date, setDate)} label={t("embryos.thaw.date")} />
      {batches.map((b) => (
        <CountField
          key={b.batch.id}
          {...counts.field(`batch-${b.batch.id}`)}
          label={t("embryos.thaw.from", {
            date: i18n.day(b.batch.frozenOn, true),
            remaining: b.remaining,
          })}
        />
      ))}
      <CountField {...counts.field("survived")} label={t("embryos.thaw.survived")} />
      <TextField {...form.bind("clinic", clinic, setClinic)} label={t("embryos.new.clinic")} />
    </PageForm>
  );
}
