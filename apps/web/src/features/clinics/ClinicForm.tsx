import type { Clinic, PayloadInput } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import {
  CheckField,
  FormButtons,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { linkError, phoneError, wholeLink } from "./contact-words.ts";

type FieldName = "name" | "phone24h" | "nurseLine" | "address" | "portalUrl" | "notes";
type Values = Record<FieldName, string>;

const valuesOf = (c: Clinic | undefined): Values => ({
  name: c?.name ?? "",
  phone24h: c?.phone24h ?? "",
  nurseLine: c?.nurseLine ?? "",
  address: c?.address ?? "",
  portalUrl: c?.portalUrl ?? "",
  notes: c?.notes ?? "",
});

/**
 * A clinic's name and numbers, new or changed: used in Settings, the support
 * lines and (in a dialog) the new-cycle form. Checks each number and the
 * portal link as it is submitted, in words that say what is wrong, and
 * records one `ClinicSaved` with only what changed.
 */
export function ClinicForm({
  clinic,
  offerCurrent,
  currentByDefault,
  Heading = "h3",
  onSaved,
  onCancel,
}: {
  /** The clinic to change; a new one when absent. */
  clinic?: Clinic;
  /** Ask whether this is the current clinic (not when it is the only one, or already current). */
  offerCurrent: boolean;
  currentByDefault: boolean;
  Heading?: "h2" | "h3" | "h4" | "h5";
  onSaved: (clinic: { id: string; name: string }) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const form = useForm<FieldName>();
  const [values, setValues] = useState<Values>(() => valuesOf(clinic));
  const [current, setCurrent] = useState(currentByDefault);

  const set = (field: FieldName) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    // In a dialog opened from the cycle form, React passes a submit up through
    // the portal to that form: saving the clinic must not start the cycle.
    e.stopPropagation();
    const found = {
      name: values.name.trim() ? undefined : t("refusal.clinic-needs-name"),
      phone24h: phoneError(t, values.phone24h),
      nurseLine: phoneError(t, values.nurseLine),
      portalUrl: linkError(t, values.portalUrl),
    };
    if (form.fail(found)) return;
    const next: Values = {
      name: values.name.trim(),
      phone24h: values.phone24h.trim(),
      nurseLine: values.nurseLine.trim(),
      address: values.address.trim(),
      portalUrl: wholeLink(values.portalUrl),
      notes: values.notes.trim(),
    };
    const before = valuesOf(clinic);
    // Only what changed, so an edit on another device to another field is kept.
    const changed = (Object.keys(next) as FieldName[]).filter(
      (f) => !clinic || next[f] !== before[f],
    );
    const payload: Record<string, unknown> = { clinicId: clinic?.id ?? form.newId() };
    for (const f of changed) {
      if (next[f]) payload[f] = next[f];
      else if (clinic) payload[f] = null;
    }
    if (offerCurrent && current) payload.current = true;
    if (Object.keys(payload).length === 1) {
      onSaved({ id: clinic!.id, name: next.name });
      return;
    }
    const r = await form.record("ClinicSaved", payload as PayloadInput<"ClinicSaved">);
    if (r.ok) onSaved({ id: r.value.payload.clinicId, name: next.name });
  }

  const input = (field: FieldName, type: "text" | "tel" | "url", autoComplete = "off") => (
    <TextField
      {...form.field(field)}
      label={t(`clinics.form.${field}`)}
      hint={
        field === "phone24h" || field === "nurseLine" || field === "portalUrl"
          ? t(`clinics.form.${field}.hint`)
          : undefined
      }
      type={type}
      autoComplete={autoComplete}
      value={values[field]}
      onChange={set(field)}
    />
  );

  return (
    <form
      className="stack add-form clinic-form"
      onSubmit={save}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <Heading id={`${id}-title`}>
        {clinic ? t("clinics.form.titleEdit", { name: clinic.name }) : t("clinics.form.titleNew")}
      </Heading>
      {input("name", "text", "organization")}
      {input("phone24h", "tel")}
      {input("nurseLine", "tel")}
      {input("address", "text", "street-address")}
      {input("portalUrl", "url")}
      <TextAreaField
        {...form.field("notes")}
        label={t("clinics.form.notes")}
        hint={t("clinics.form.notes.hint")}
        value={values.notes}
        onChange={set("notes")}
      />
      {offerCurrent && (
        <div className="stack-tight">
          <CheckField
            id={`${id}-current`}
            label={t("clinics.form.current")}
            hint={t("clinics.form.current.hint")}
            checked={current}
            onChange={setCurrent}
          />
        </div>
      )}
      <FormButtons form={form} label={t("clinics.form.save")} onCancel={onCancel} />
    </form>
  );
}
