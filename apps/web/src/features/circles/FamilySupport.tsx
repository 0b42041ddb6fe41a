import { countryOfZone } from "@trellis/domain";
import { useId, useState } from "react";
import { SelectField } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  CallLink,
  isSupportCountry,
  linesFor,
  type SupportCountry,
  siteName,
  supportCountries,
  WebsiteLink,
} from "../clinics/index.ts";

/**
 * For the people in a circle: organisations that take calls from family
 * and friends too (the support-line data of docs/clinical-reference.md §12
 * and §9), for the country this device's time zone is in, or as chosen.
 */
export function FamilySupport() {
  const { t } = useI18n();
  const id = useId();
  const [country, setCountry] = useState<SupportCountry | "other">(() => {
    const here = countryOfZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    return isSupportCountry(here) ? here : "other";
  });
  const lines = linesFor(country);
  return (
    <section className="card stack-tight support-lines" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("family.title")}</h2>
      <p>{t("family.intro")}</p>
      <p className="support-emergency">{t("family.emergency")}</p>
      <SelectField
        id={`${id}-country`}
        label={t("family.country")}
        options={[
          ...supportCountries.map((c) => ({ value: c, label: t(`support.country.${c}`) })),
          { value: "other" as const, label: t("support.country.other") },
        ]}
        value={country}
        onChange={setCountry}
      />
      {lines.length === 0 ? (
        <p className="muted small">{t("family.none")}</p>
      ) : (
        <>
          <ul className="plain-list support-list">
            {lines.map((l) => (
              <li key={l.id}>
                <p className="support-org">{l.organisation}</p>
                <p className="small">{t(l.what)}</p>
                <p>
                  <CallLink
                    href={`tel:${l.tel}`}
                    label={`${t("support.call", { contact: l.contact })}, ${l.organisation}`}
                  >
                    {l.contact}
                  </CallLink>
                </p>
                {l.website && (
                  <p>
                    <WebsiteLink
                      href={l.website}
                      label={t("support.websiteLabel", {
                        organisation: l.organisation,
                        site: siteName(l.website),
                      })}
                    >
                      {siteName(l.website)}
                    </WebsiteLink>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p className="small muted">{t("support.changes")}</p>
        </>
      )}
    </section>
  );
}
