import { activeCycles, clinicContact, clinicList, personCountry } from "@trellis/domain";
import { useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { AddDisclosure, SelectField } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { ClinicDetails } from "./ClinicDetails.tsx";
import { ClinicForm } from "./ClinicForm.tsx";
import { CallLink, WebsiteLink } from "./links.tsx";
import { OwnSupportLines } from "./OwnSupportLines.tsx";
import {
  isSupportCountry,
  linesFor,
  type SupportCountry,
  type SupportLine,
  siteName,
  supportCountries,
} from "./support-lines.ts";

/**
 * People to talk to: emergency services first, then the person's own clinic
 * (its 24-hour and nurse lines as links to call, its portal), then the lines
 * Trellis knows for their country (from their home zone, or as they choose),
 * each with how sure we are of the number and its own website, then the
 * lines the person added. With no clinic saved, a calm line offers to add one.
 */
export function SupportLines({
  headingLevel = 2,
  cycleId,
  crisisFirst = false,
}: {
  headingLevel?: 2 | 3;
  /** Whose clinic to show: this cycle's; by default the newest active cycle's, else the current clinic. */
  cycleId?: string | undefined;
  /** Crisis lines before the others (thoughts of self-harm). */
  crisisFirst?: boolean;
}) {
  const { t } = useI18n();
  const state = useJourneyState();
  const id = useId();
  const [country, setCountry] = useState<SupportCountry | "other">(() => {
    const own = personCountry(state);
    return isSupportCountry(own) ? own : "other";
  });
  const lines = linesFor(country, crisisFirst);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const contact = clinicContact(state, { cycleId: cycleId ?? activeCycles(state)[0]?.id });
  // Two or more clinics and none marked current: show them all rather than none.
  const clinics = contact ? [contact] : clinicList(state).map((c) => ({ ...c, clinicId: c.id }));

  return (
    <section className="support-lines stack-tight" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("support.title")}</Heading>
      <p className="support-emergency">{t("support.emergency")}</p>

      <section className="support-group stack-tight" aria-labelledby={`${id}-clinic`}>
        <Sub id={`${id}-clinic`}>{t("support.clinic")}</Sub>
        {clinics.length > 0 ? (
          <>
            <p className="small muted">{t("support.clinic.what")}</p>
            <ul className="plain-list support-list">
              {clinics.map((c) => (
                <li key={c.clinicId}>
                  <ClinicDetails clinic={c} />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <NoClinic formHeading={Sub === "h3" ? "h4" : "h5"} />
        )}
      </section>

      <section className="support-group stack-tight" aria-labelledby={`${id}-known`}>
        <Sub id={`${id}-known`}>{t("support.known")}</Sub>
        <CountryLines
          id={`${id}-country`}
          label={t("support.country")}
          none={t("support.noLines")}
          country={country}
          onCountry={setCountry}
          lines={lines}
          tags
        />
        <p className="muted small">{t("support.changes")}</p>
      </section>

      <OwnSupportLines headingId={`${id}-own`} Heading={Sub} />
    </section>
  );
}

/**
 * The lines Trellis knows for a country, with the country to choose: each
 * organisation, what it is for, its number to call and its website; with
 * `tags`, how sure we are of the number. With none, the `none` words.
 */
export function CountryLines({
  id,
  label,
  none,
  country,
  onCountry,
  lines,
  tags = false,
}: {
  id: string;
  label: string;
  none: string;
  country: SupportCountry | "other";
  onCountry: (country: SupportCountry | "other") => void;
  lines: readonly SupportLine[];
  tags?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        id={id}
        label={label}
        options={[
          ...supportCountries.map((c) => ({ value: c, label: t(`support.country.${c}`) })),
          { value: "other" as const, label: t("support.country.other") },
        ]}
        value={country}
        onChange={onCountry}
      />
      {lines.length === 0 ? (
        <p className="muted small">{none}</p>
      ) : (
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
                {tags && (
                  <>
                    {" "}
                    <span className="muted small">({t(`support.tag.${l.tag}`)})</span>
                  </>
                )}
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
      )}
    </>
  );
}

/** No clinic saved: one calm line, and for those who may record, the form to add it right here. */
function NoClinic({ formHeading }: { formHeading: "h4" | "h5" }) {
  const { t } = useI18n();
  const toast = useToast();
  if (!useCanRecord()) return <p className="small muted">{t("support.clinic.noneViewer")}</p>;
  return (
    <>
      <p className="small">{t("support.clinic.none")}</p>
      <AddDisclosure label={t("support.clinic.add")}>
        {(close) => (
          <ClinicForm
            offerCurrent={false}
            currentByDefault={false}
            Heading={formHeading}
            onSaved={() => {
              toast.show(t("clinics.saved"));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddDisclosure>
    </>
  );
}
