import { type ClinicContact, telHref } from "@trellis/domain";
import { useI18n } from "../../i18n/i18n.tsx";
import { CallLink, WebsiteLink } from "./links.tsx";

/**
 * A clinic's numbers as links a thumb can reach: the 24-hour line first, then
 * the nurse line, the address and the portal. Read-only, so a viewer sees the
 * same; the controls around it are the caller's.
 */
export function ClinicDetails({
  clinic,
  notes,
  name = true,
}: {
  clinic: Pick<ClinicContact, "name" | "phone24h" | "nurseLine" | "address" | "portalUrl">;
  notes?: string | null;
  /** Show the clinic's name above its lines (the caller may have it in a heading). */
  name?: boolean;
}) {
  const { t } = useI18n();
  const lines = (["phone24h", "nurseLine"] as const).flatMap((line) => {
    const phone = clinic[line];
    const href = phone ? telHref(phone) : null;
    return phone && href ? [{ line, phone, href }] : [];
  });
  return (
    <div className="clinic-details stack-tight">
      {name && <p className="clinic-row support-org">{clinic.name}</p>}
      {lines.map(({ line, phone, href }) => (
        <p key={line} className="clinic-row clinic-line">
          <span className="muted small">{t(`clinics.${line}`)}</span>{" "}
          <CallLink
            href={href}
            label={t("clinics.call", { line: t(`clinics.line.${line}`), name: clinic.name, phone })}
          >
            {phone}
          </CallLink>
        </p>
      ))}
      {clinic.address && (
        <p className="clinic-row clinic-address">
          <span className="muted small">{t("clinics.address")}</span> {clinic.address}
        </p>
      )}
      {clinic.portalUrl && (
        <p className="clinic-row">
          <WebsiteLink
            href={clinic.portalUrl}
            label={t("clinics.portalLabel", { name: clinic.name })}
          >
            {t("clinics.portal")}
          </WebsiteLink>
        </p>
      )}
      {notes && <p className="clinic-row small note-text">{notes}</p>}
    </div>
  );
}
