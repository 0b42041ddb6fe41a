import { useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  countryOfZone,
  type SupportCountry,
  supportCountries,
  supportLines,
} from "./support-lines.ts";

/**
 * A short list of people to talk to, for the person's country (from their
 * home zone, or as they choose): emergency services first, their own clinic,
 * then the lines Trellis knows, each with how sure we are of the number.
 */
export function SupportLines({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const id = useId();
  const [country, setCountry] = useState<SupportCountry | "other">(
    countryOfZone(state.journey?.homeZone) ?? "other",
  );
  const lines = supportLines.filter((l) => l.country === country);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="support-lines stack-tight" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("support.title")}</Heading>
      <p className="support-emergency">{t("support.emergency")}</p>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t("support.country")}</label>
        <select
          id={`${id}-country`}
          value={country}
          onChange={(e) => setCountry(e.target.value as SupportCountry | "other")}
        >
          {supportCountries.map((c) => (
            <option key={c} value={c}>
              {t(`support.country.${c}`)}
            </option>
          ))}
          <option value="other">{t("support.country.other")}</option>
        </select>
      </div>
      <ul className="plain-list support-list">
        <li>
          <p className="support-org">{t("support.clinic")}</p>
          <p className="small">{t("support.clinic.what")}</p>
        </li>
        {lines.map((l) => (
          <li key={l.id}>
            <p className="support-org">{l.organisation}</p>
            <p className="small">{t(l.what)}</p>
            <p>
              <a
                className="support-call"
                href={`tel:${l.tel}`}
                aria-label={`${t("support.call", { contact: l.contact })}, ${l.organisation}`}
              >
                {l.contact}
              </a>{" "}
              <span className="muted small">({t(`support.tag.${l.tag}`)})</span>
            </p>
          </li>
        ))}
      </ul>
      {lines.length === 0 && <p className="muted small">{t("support.noLines")}</p>}
      <p className="muted small">{t("support.changes")}</p>
    </section>
  );
}
