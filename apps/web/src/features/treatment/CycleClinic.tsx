import { type Cycle, clinicForCycle, currentClinic } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";
import { ClinicDetails } from "../clinics/index.ts";
import { ClinicPicker } from "./ClinicPicker.tsx";

/**
 * The clinic a cycle is at, with its numbers to call; the clinic can be
 * changed (or a new one added) here. A cycle recorded before clinic cards
 * keeps the name it was given, in words.
 */
export function CycleClinic({ cycle }: { cycle: Cycle }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const clinic = clinicForCycle(state, cycle.id);
  const [changing, setChanging] = useState(false);
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);

  function startChanging() {
    setChoice(clinic && !clinic.removed ? clinic.id : (currentClinic(state)?.id ?? ""));
    setError(null);
    setChanging(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (choice === (cycle.clinicId ?? "")) return setChanging(false);
    const r = await client.record("CycleUpdated", {
      cycleId: cycle.id,
      clinicId: choice || null,
    });
    if (!r.ok) return setError(refusalText(i18n, r.error));
    toast.show(t("clinics.cycle.saved"));
    setChanging(false);
  }

  return (
    <section className="card stack-tight cycle-clinic" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("clinics.cycle.title")}</h2>
      {clinic && !clinic.removed ? (
        <ClinicDetails clinic={clinic} notes={clinic.notes} />
      ) : clinic ? (
        <p>{t("clinics.removedSince", { name: clinic.name })}</p>
      ) : cycle.clinic ? (
        <p>{t("clinics.cycle.recordedAs", { name: cycle.clinic })}</p>
      ) : (
        <p className="muted">{t("clinics.cycle.noClinic")}</p>
      )}
      <WhenCanRecord>
        {changing ? (
          <form className="stack-tight" onSubmit={save} noValidate>
            <ClinicPicker id={`${id}-choice`} value={choice} onChange={setChoice} />
            <FormError>{error}</FormError>
            <div className="row">
              <button type="submit" className="button button-primary">
                {t("clinics.cycle.save")}
              </button>
              <button type="button" className="button" onClick={() => setChanging(false)}>
                {t("form.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <div className="record-actions">
            <button type="button" className="button button-quiet" onClick={startChanging}>
              {t("clinics.cycle.change")}
            </button>
          </div>
        )}
      </WhenCanRecord>
    </section>
  );
}
