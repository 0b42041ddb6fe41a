import type { BatchDraft } from "@trellis/client";
import { isSetupAge, type Journey, SETUP_AGE_RANGE } from "@trellis/domain";
import { type FormEvent, useMemo, useState } from "react";
import { deviceZone, knownZones, todayIso } from "../../app/time.ts";
import {
  DateField,
  FormButtons,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

export interface JourneyFields {
  displayName: string;
  dateOfBirth: string;
  homeZone: string;
  partnerName: string;
}

/**
 * The person's details, used at set-up and in Settings. Checks what it can
 * before saving, then records the event `event` makes of them (none when
 * nothing changed); whatever the domain still refuses is shown next to the
 * field it names.
 */
export function JourneyForm({
  initial,
  submitLabel,
  event,
  onSaved,
}: {
  initial?: Journey | null | undefined;
  submitLabel: string;
  event: (fields: JourneyFields) => BatchDraft | null;
  onSaved?: () => void;
}) {
  const t = useT();
  const zones = useMemo(knownZones, []);
  const form = useForm<keyof JourneyFields>();
  const [fields, setFields] = useState<JourneyFields>({
    displayName: initial?.displayName ?? "",
    dateOfBirth: initial?.dateOfBirth ?? "",
    homeZone: initial?.homeZone ?? deviceZone(),
    partnerName: initial?.partnerName ?? "",
  });

  const set = (k: keyof JourneyFields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));
  /** One field of the form: its words are the catalogue's `setup.<name>` and `.hint`. */
  const field = (k: keyof JourneyFields) => ({
    ...form.field(k),
    label: t(`setup.${k}`),
    hint: t(`setup.${k}.hint`),
    value: fields[k],
    onChange: set(k),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const today = todayIso(fields.homeZone || deviceZone());
    const born = fields.dateOfBirth;
    const dateOfBirth = !born
      ? t("form.required")
      : born > today
        ? t("form.dateInFuture")
        : // At set-up only: the domain holds a later change to the age on the set-up day.
          !initial && !isSetupAge(born, today)
          ? t("setup.dateOfBirth.outsideAges", SETUP_AGE_RANGE)
          : undefined;
    if (form.fail({ dateOfBirth })) return;
    const draft = event(fields);
    if (draft && !(await form.recordBatch([draft])).ok) return;
    onSaved?.();
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField {...field("displayName")} autoComplete="nickname" maxLength={80} />
      <DateField {...field("dateOfBirth")} required autoComplete="bday" min="1920-01-01" />
      <SelectField
        {...field("homeZone")}
        options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
      />
      <TextField {...field("partnerName")} autoComplete="on" maxLength={80} />
      <FormButtons form={form} label={submitLabel} />
    </form>
  );
}
