import { type Cycle, clinicForCycle, currentClinic } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { FormButtons, QuietButton, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { ClinicDetails } from "../clinics/index.ts";
import { ClinicPicker } from "./ClinicPicker.tsx";

/**
 * The clinic a cycle is at, with its numbers to call; the clinic can be
 * changed (or a new one added) here. A cycle recorded before clinic cards
 * keeps the name it was given, in words.
 */
export function CycleClinic({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"clinicId">();
  const clinic = clinicForCycle(state, cycle.id);
  const [changing, setChanging] = useState(false);
  const [choice, setChoice] = useState("");

  function startChanging() {
    setChoice(clinic && !clinic.removed ? clinic.id : (currentClinic(state)?.id ?? ""));
    form.clear();
    setChanging(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (choice === (cycle.clinicId ?? "")) return setChanging(false);
    const r = await form.record("CycleUpdated", { cycleId: cycle.id, clinicId: choice || null });
    if (!r.ok) return;
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
            <ClinicPicker {...form.field("clinicId")} value={choice} onChange={setChoice} />
            <FormButtons
              form={form}
              label={t("clinics.cycle.save")}
              onCancel={() => setChanging(false)}
            />
          </form>
        ) : (
          <div className="record-actions">
            <QuietButton label={t("clinics.cycle.change")} onClick={startChanging} />
          </div>
        )}
      </WhenCanRecord>
    </section>
  );
}
