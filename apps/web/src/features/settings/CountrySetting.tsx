import { countryCodes, countryOfZone, emergencyNumberFor, personCountry } from "@trellis/domain";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

/** The choice "follow my home time zone" in the list. */
const FROM_ZONE = "";

/**
 * The person's country, for the emergency number and crisis lines a
 * symptom check shows. By default it follows the home time zone; choosing a
 * country keeps it whatever the zone. Country names come from the browser
 * (Intl.DisplayNames) in the person's language.
 */
export function CountrySetting() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  const chosen = state.journey?.country ?? null;
  const [draft, setDraft] = useState<string>(chosen ?? FROM_ZONE);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      setError(null);
      toast.show(t("wellbeing.country.unchanged"));
      return;
    }
    setBusy(true);
    const r = await client.record("JourneyUpdated", { country: next });
    setBusy(false);
    if (r.ok) {
      setError(null);
      toast.show(t("wellbeing.country.saved"));
    } else {
      setError(notSaved(i18n, r.error));
    }
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
          <div className="field">
            <label htmlFor={`${id}-country`}>{t("wellbeing.country.label")}</label>
            <select
              id={`${id}-country`}
              aria-describedby={`${id}-hint ${id}-number`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            >
              <option value={FROM_ZONE}>{fromZone}</option>
              {names.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <p className="small" id={`${id}-number`}>
            {numberLine}
          </p>
          <FormError>{error}</FormError>
          <div>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t("form.saving") : t("wellbeing.country.save")}
            </button>
          </div>
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
