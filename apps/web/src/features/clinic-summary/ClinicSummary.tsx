import { currentClinic, lossList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useSearch } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import {
  CheckField,
  ChoiceChecks,
  FormButtons,
  SelectField,
  useForm,
} from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  downloadClinicSummary,
  type Paper,
  SECTIONS,
  type Section,
  usualPaper,
} from "./make-pdf.ts";

/** The sections a link from a screen may preselect (`?section=monitoring`). */
function preselected(search: string): Section[] {
  const asked = new URLSearchParams(search).get("section");
  return asked && (SECTIONS as readonly string[]).includes(asked)
    ? [asked as Section]
    : [...SECTIONS];
}

/**
 * "Share with my clinic": the person chooses the parts of the summary,
 * which details about them go in, whether losses are left out and the
 * paper, then the PDF is made on this device and downloaded. Opened from a
 * section, that section alone is chosen to start with.
 */
export function ClinicSummary() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const search = useSearch();
  const id = useId();
  const form = useForm<"sections">();
  const [sections, setSections] = useState<Section[]>(() => preselected(search));
  const [details, setDetails] = useState({
    name: false,
    dateOfBirth: false,
    clinic: false,
    partner: false,
  });
  const [leaveOutLosses, setLeaveOutLosses] = useState(false);
  const [paper, setPaper] = useState<Paper>(() => usualPaper(i18n.locale));
  const [said, setSaid] = useState<string | null>(null);
  const journey = state.journey;
  const clinic = currentClinic(state);
  const hasLoss = lossList(state).length > 0;

  async function make(e: FormEvent) {
    e.preventDefault();
    setSaid(null);
    if (form.fail({ sections: sections.length === 0 ? t("clinicSummary.noSection") : undefined }))
      return;
    const ordered = SECTIONS.filter((s) => sections.includes(s));
    const made = await form.run(() =>
      downloadClinicSummary(i18n, state, { sections: ordered, details, leaveOutLosses, paper }),
    );
    setSaid(t(made ? "clinicSummary.done" : "clinicSummary.failed"));
  }

  const detailBoxes = [
    journey?.displayName && { key: "name" as const, label: t("clinicSummary.details.name") },
    journey && { key: "dateOfBirth" as const, label: t("clinicSummary.details.dateOfBirth") },
    clinic && {
      key: "clinic" as const,
      label: t("clinicSummary.details.clinic", { name: clinic.name }),
    },
    journey?.partnerName && {
      key: "partner" as const,
      label: t("clinicSummary.details.partner"),
    },
  ].filter((b) => !!b);

  return (
    <Page title={t("clinicSummary.title")} intro={t("clinicSummary.intro")}>
      <form className="card stack" onSubmit={make} noValidate aria-label={t("clinicSummary.title")}>
        <ChoiceChecks
          {...form.field("sections")}
          className="stack-tight"
          legend={t("clinicSummary.sections")}
          hint={t("clinicSummary.sections.hint")}
          options={SECTIONS.map((s) => ({
            value: s,
            title: t(`clinicSummary.section.${s}`),
            body: t(`clinicSummary.section.${s}.body`),
          }))}
          values={sections}
          onChange={(next) => {
            setSections(next);
            form.clear("sections");
          }}
        />
        {sections.includes("details") && (
          <fieldset className="stack-tight" aria-describedby={`${id}-details-hint`}>
            <legend>{t("clinicSummary.details")}</legend>
            <p className="hint" id={`${id}-details-hint`}>
              {t("clinicSummary.details.hint")}
            </p>
            {detailBoxes.length === 0 && <p className="muted">{t("clinicSummary.details.none")}</p>}
            {detailBoxes.map((b) => (
              <CheckField
                key={b.key}
                label={b.label}
                checked={details[b.key]}
                onChange={(on) => setDetails((d) => ({ ...d, [b.key]: on }))}
              />
            ))}
          </fieldset>
        )}
        {hasLoss && sections.includes("transfers") && (
          <div>
            <CheckField
              label={t("clinicSummary.losses")}
              hint={t("clinicSummary.losses.hint")}
              checked={leaveOutLosses}
              onChange={setLeaveOutLosses}
            />
          </div>
        )}
        <SelectField
          id={`${id}-paper`}
          label={t("clinicSummary.paper")}
          options={[
            { value: "a4", label: t("clinicSummary.paper.a4") },
            { value: "letter", label: t("clinicSummary.paper.letter") },
          ]}
          value={paper}
          onChange={setPaper}
        />
        <FormButtons
          form={form}
          label={t("clinicSummary.make")}
          busyLabel={t("clinicSummary.making")}
        />
        {said && <p role="status">{said}</p>}
      </form>
    </Page>
  );
}
