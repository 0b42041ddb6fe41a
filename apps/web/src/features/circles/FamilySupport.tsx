import { countryOfZone } from "@trellis/domain";
import { useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { CountryLines, isSupportCountry, linesFor, type SupportCountry } from "../clinics/index.ts";

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
      <CountryLines
        id={`${id}-country`}
        label={t("family.country")}
        none={t("family.none")}
        country={country}
        onCountry={setCountry}
        lines={lines}
      />
      {lines.length > 0 && <p className="small muted">{t("support.changes")}</p>}
    </section>
  );
}
