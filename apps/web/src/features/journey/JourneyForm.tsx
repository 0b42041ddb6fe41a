import type { ClientProblem } from "@trellis/client";
import { isSetupAge, type Journey, SETUP_AGE_RANGE } from "@trellis/domain";
import { type FormEvent, useMemo, useState } from "react";
import { deviceZone, knownZones, todayIso } from "../../app/time.ts";
import { Field, FormError } from "../../components/forms/Field.tsx";
import { useI18n, useT } from "../../i18n/i18n.tsx";
import { fieldOf, notSaved } from "../../i18n/refusals.ts";

export interface JourneyFields {
  displayName: string;
  dateOfBirth: string;
  homeZone: string;
  partnerName: string;
}

/**
 * The person's details, used at set-up and in Settings. Checks what it can
 * before saving; whatever the domain still refuses comes back as `problem`
 * and is shown next to the field it names.
 */
export function JourneyForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Journey | null | undefined;
  submitLabel: string;
  onSubmit: (fields: JourneyFields) => Promise<ClientProblem | null>;
}) {
  const t = useT();
  const i18n = useI18n();
  const zones = useMemo(knownZones, []);
  const [fields, setFields] = useState<JourneyFields>({
    displayName: initial?.displayName ?? "",
    dateOfBirth: initial?.dateOfBirth ?? "",
    homeZone: initial?.homeZone ?? deviceZone(),
    partnerName: initial?.partnerName ?? "",
  });
  const [errors, setErrors] = useState<Partial<Record<keyof JourneyFields | "form", string>>>({});
  const [busy, setBusy] = useState(false);

  const set = (k: keyof JourneyFields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));
  const outsideAges = t("setup.dateOfBirth.outsideAges", SETUP_AGE_RANGE);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    const today = todayIso(fields.homeZone || deviceZone());
    if (!fields.dateOfBirth) found.dateOfBirth = t("form.required");
    else if (fields.dateOfBirth > today) {
      found.dateOfBirth = t("form.dateInFuture");
    } else if (!initial && !isSetupAge(fields.dateOfBirth, today)) {
      // At set-up only: the domain holds a later change to the age on the set-up day.
      found.dateOfBirth = outsideAges;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`journey-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const refused = await onSubmit(fields);
    setBusy(false);
    if (refused?.reason === "age-outside-setup-range") {
      setErrors({ dateOfBirth: outsideAges });
      document.getElementById("journey-dateOfBirth")?.focus();
    } else if (refused) {
      const key = fieldOf(refused) as keyof JourneyFields;
      const known = ["displayName", "dateOfBirth", "homeZone", "partnerName"].includes(key);
      setErrors({ [known ? key : "form"]: notSaved(i18n, refused) });
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field
        id="journey-displayName"
        label={t("setup.displayName")}
        hint={t("setup.displayName.hint")}
        error={errors.displayName}
      >
        {(d, invalid) => (
          <input
            id="journey-displayName"
            autoComplete="nickname"
            maxLength={80}
            value={fields.displayName}
            onChange={(e) => set("displayName")(e.target.value)}
            aria-describedby={d}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field
        id="journey-dateOfBirth"
        label={t("setup.dateOfBirth")}
        hint={t("setup.dateOfBirth.hint")}
        error={errors.dateOfBirth}
      >
        {(d, invalid) => (
          <input
            id="journey-dateOfBirth"
            type="date"
            required
            autoComplete="bday"
            min="1920-01-01"
            value={fields.dateOfBirth}
            onChange={(e) => set("dateOfBirth")(e.target.value)}
            aria-describedby={d}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <Field
        id="journey-homeZone"
        label={t("setup.homeZone")}
        hint={t("setup.homeZone.hint")}
        error={errors.homeZone}
      >
        {(d, invalid) => (
          <select
            id="journey-homeZone"
            value={fields.homeZone}
            onChange={(e) => set("homeZone")(e.target.value)}
            aria-describedby={d}
            aria-invalid={invalid || undefined}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="journey-partnerName"
        label={t("setup.partnerName")}
        hint={t("setup.partnerName.hint")}
        error={errors.partnerName}
      >
        {(d, invalid) => (
          <input
            id="journey-partnerName"
            maxLength={80}
            value={fields.partnerName}
            onChange={(e) => set("partnerName")(e.target.value)}
            aria-describedby={d}
            aria-invalid={invalid || undefined}
          />
        )}
      </Field>
      <FormError>{errors.form}</FormError>
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
