import {
  GESTATION_MAX_DAYS,
  GESTATION_MAX_WEEKS,
  REMEMBRANCE_MAX_PHOTOS,
  type RemembrancePhoto,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import {
  CheckField,
  CountField,
  DateField,
  FormButtons,
  parseCount,
  QuietButton,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PhotoList } from "./RemembrancePhotoList.tsx";
import { forgetPhotos } from "./remembrance-photos.tsx";

/** What the form starts from: empty, a page being changed, or what the record knows of a loss. */
export interface PageDraft {
  readonly name: string;
  readonly date: string;
  readonly transferDate: string;
  readonly weeks: string;
  readonly days: string;
  readonly dueDate: string;
  readonly place: string;
  readonly note: string;
  readonly photos: readonly RemembrancePhoto[];
}

export const emptyDraft: PageDraft = {
  name: "",
  date: "",
  transferDate: "",
  weeks: "",
  days: "",
  dueDate: "",
  place: "",
  note: "",
  photos: [],
};

type Fields = "name" | "date" | "transferDate" | "weeks" | "days" | "dueDate" | "place" | "note";

/**
 * A remembrance page's form: every field optional and the person's own.
 * The due date is not filled in for them after a loss (Trellis asks before
 * showing pregnancy details again); a button offers it from the record.
 */
export function RemembranceForm({
  initial,
  editing,
  transferId,
  recordDueDate,
  title,
  hint,
  onDone,
  onCancel,
  headingLevel = 2,
}: {
  initial: PageDraft;
  editing?: string;
  transferId?: string | undefined;
  recordDueDate?: string | null;
  title?: string;
  hint?: string;
  onDone: () => void;
  onCancel?: () => void;
  /** 2 on the page itself, 3 inside a page's card. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const form = useForm<Fields>({
    from: { "weeks.weeks": "weeks", "weeks.days": "days" },
  });
  const [v, setV] = useState(initial);
  const [share, setShare] = useState(false);
  const set =
    <K extends keyof PageDraft>(key: K) =>
    (value: PageDraft[K]) =>
      setV((d) => ({ ...d, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const w = parseCount(v.weeks);
    const d = parseCount(v.days);
    const notACount = t("embryos.form.notACount");
    const empty =
      !v.name.trim() && !v.date && !v.note.trim() && !v.place.trim() && !v.photos.length;
    const found = {
      form: empty ? t("remembrance.form.empty") : undefined,
      weeks:
        w !== null && (Number.isNaN(w) || w > GESTATION_MAX_WEEKS)
          ? Number.isNaN(w)
            ? notACount
            : t("refusal.weeks-out-of-range", { maxWeeks: GESTATION_MAX_WEEKS })
          : undefined,
      days:
        d !== null && (Number.isNaN(d) || d > GESTATION_MAX_DAYS)
          ? t("remembrance.form.daysRange", { max: GESTATION_MAX_DAYS })
          : undefined,
    };
    if (form.fail(found)) return;
    const weeks = w !== null ? { weeks: w, days: d ?? 0 } : null;
    const text = (s: string) => s.trim() || null;
    const page = {
      name: text(v.name),
      date: v.date || null,
      note: text(v.note),
      place: text(v.place),
      transferDate: v.transferDate || null,
      weeks,
      dueDate: v.dueDate || null,
    };
    const r = editing
      ? await form.record("RemembranceChanged", {
          remembranceId: editing,
          ...page,
          photos: [...v.photos],
        })
      : await form.record("RemembranceAdded", {
          remembranceId: form.newId(),
          ...Object.fromEntries(Object.entries(page).filter(([, value]) => value !== null)),
          ...(v.photos.length > 0 && { photos: [...v.photos] }),
          ...(transferId && { transferId }),
          private: !share,
        });
    if (!r.ok) return;
    const kept = new Set(v.photos.map((p) => p.attachmentId));
    void forgetPhotos(initial.photos.filter((p) => !kept.has(p.attachmentId)));
    toast.show(t("remembrance.saved"));
    onDone();
  }

  /** Photos added and not saved leave this device's store too. */
  function cancel() {
    const before = new Set(initial.photos.map((p) => p.attachmentId));
    void forgetPhotos(v.photos.filter((p) => !before.has(p.attachmentId)));
    onCancel?.();
  }

  return (
    <form
      className={`stack add-form${title ? " remembrance-offer" : ""}`}
      onSubmit={save}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <Heading id={`${id}-title`}>{title ?? t("remembrance.form.title")}</Heading>
      {hint && <p className="hint">{hint}</p>}
      <TextField {...form.bind("name", v.name, set("name"))} label={t("remembrance.form.name")} />
      <DateField
        {...form.bind("date", v.date, set("date"))}
        label={t("remembrance.form.date")}
        hint={t("remembrance.form.date.hint")}
      />
      <DateField
        {...form.bind("transferDate", v.transferDate, set("transferDate"))}
        label={t("remembrance.form.transferDate")}
      />
      <fieldset className="stack-tight">
        <legend>{t("remembrance.form.weeks")}</legend>
        <p className="hint">{t("remembrance.form.weeks.hint")}</p>
        <div className="form-pair">
          <CountField
            {...form.bind("weeks", v.weeks, set("weeks"))}
            label={t("remembrance.form.weeksOnly")}
          />
          <CountField
            {...form.bind("days", v.days, set("days"))}
            label={t("remembrance.form.daysOnly")}
          />
        </div>
      </fieldset>
      <DateField
        {...form.bind("dueDate", v.dueDate, set("dueDate"))}
        label={t("remembrance.form.dueDate")}
      />
      {recordDueDate && !v.dueDate && (
        <div>
          <QuietButton
            label={t("remembrance.form.dueDate.fill")}
            onClick={() => set("dueDate")(recordDueDate)}
          />
        </div>
      )}
      <TextField
        {...form.bind("place", v.place, set("place"))}
        label={t("remembrance.form.place")}
        hint={t("remembrance.form.place.hint")}
      />
      <TextAreaField
        {...form.bind("note", v.note, set("note"))}
        label={t("remembrance.form.note")}
        rows={4}
      />
      <PhotoList
        photos={v.photos}
        max={REMEMBRANCE_MAX_PHOTOS}
        newId={() => form.newId()}
        onChange={set("photos")}
      />
      {!editing && (
        <CheckField words="remembrance.form.share" checked={share} onChange={setShare} />
      )}
      <FormButtons form={form} label={t("remembrance.form.save")} onCancel={onCancel && cancel} />
    </form>
  );
}
