import { countryCodes, countryOfZone, emergencyNumberFor, personCountry } from "@trellis/domain";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { FormButtons, SelectField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/** The choice "follow my home time zone" in the list. */
const FROM_ZONE = "";

/**
 * The person's country, for the emergency number and crisis lines a
 * symptom check shows. By default it follows the home time zone; choosing a
 * country keeps it whatever the zone. Country names come from the browser
 * (Intl.DisplayNames) in the person's language.
 */
export function CountrySetting() {
  const { t, locale } = useI18n();
  const form = useForm();
  const state = useJourneyState();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  const chosen = state.journey?.country ?? null;
  const [draft, setDraft] = useState<string>(chosen ?? FROM_ZONE);

  const names = useMemo(() => {
    const display = new Intl.DisplayNames([locale], { type: "region" });
    const collator = new Intl.Collator(locale);
    return countryCodes
      .map((code) => ({ code, name: display.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [locale]);
  const nameOf = (code: string | null) =>
    code ? (names.find((n) => n.code === code)?.name ?? code) : null;

  const zoneCountry = nameOf(countryOfZone(state.journey?.homeZone));
  const current = emergencyNumberFor(personCountry(state));

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = draft === FROM_ZONE ? null : draft;
    if (next === chosen) {
      form.clear();
      toast.show(t("wellbeing.country.unchanged"));
      return;
    }
    const r = await form.record("JourneyUpdated", { country: next });
    if (r.ok) toast.show(t("wellbeing.country.saved"));
  }

  const fromZone = zoneCountry
    ? t("wellbeing.country.fromZone", { country: zoneCountry })
    : t("wellbeing.country.fromZoneUnknown");
  const numberLine = current.fallback
    ? t("wellbeing.country.currentFallback", { number: current.number })
    : current.alsoWorks.length > 0
      ? t("wellbeing.country.currentAlso", {
          number: current.number,
          also: current.alsoWorks.join(", "),
        })
      : t("wellbeing.country.current", { number: current.number });

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("wellbeing.country.title")}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t("wellbeing.country.hint")}
      </p>
      {canRecord ? (
        <form className="stack" onSubmit={save} noValidate>
          <SelectField
            id={`${id}-country`}
            label={t("wellbeing.country.label")}
            also={[`${id}-hint`, `${id}-number`]}
            options={[
              { value: FROM_ZONE, label: fromZone },
              ...names.map((n) => ({ value: n.code, label: n.name })),
            ]}
            value={draft}
            onChange={setDraft}
          />
          <p className="small" id={`${id}-number`}>
            {numberLine}
          </p>
          <FormButtons form={form} label={t("wellbeing.country.save")} />
        </form>
      ) : (
        <>
          <p>{nameOf(chosen) ?? fromZone}</p>
          <p className="small">{numberLine}</p>
        </>
      )}
    </section>
  );
}
