import type { Preferences } from "@trellis/domain";
import { type FormEvent, useId } from "react";
import { useCanRecord } from "../../app/sync-context.tsx";
import { FormButtons, PillGroup, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { usePreferencesDraft } from "./preferences-draft.ts";

type UnitKey = "weightUnit" | "e2Unit" | "p4Unit" | "amhUnit";
type Units = Pick<Preferences, UnitKey>;

const choices: { readonly [K in UnitKey]: readonly Units[K][] } = {
  weightUnit: ["kg", "lb"],
  e2Unit: ["pg/mL", "pmol/L"],
  p4Unit: ["ng/mL", "nmol/L"],
  amhUnit: ["ng/mL", "pmol/L"],
};
const keys = Object.keys(choices) as UnitKey[];

/**
 * The units Trellis shows weights and blood results in. Results keep the unit
 * they were entered in; charts and conversions use these. Saves only what
 * changed. They are kept in the record, so a viewer sees them as a list.
 */
export function UnitPreferences() {
  const { t } = useI18n();
  const form = useForm();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  const { saved, draft, set, changes, changed } = usePreferencesDraft(keys);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!changed) {
      form.clear();
      toast.show(t("monitoring.units.unchanged"));
      return;
    }
    const r = await form.record("PreferencesUpdated", changes);
    if (r.ok) toast.show(t("monitoring.units.saved"));
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("monitoring.units")}</h2>
      <p className="hint">{t("monitoring.units.hint")}</p>
      {canRecord ? (
        <form className="stack" onSubmit={save} noValidate>
          {keys.map((k) => (
            <PillGroup
              key={k}
              legend={t(`monitoring.units.${k}`)}
              name={k}
              options={choices[k].map((u) => ({ value: u, label: u }))}
              value={draft[k]}
              onChange={(v) => set(k, v)}
            />
          ))}
          <FormButtons form={form} label={t("monitoring.units.save")} />
        </form>
      ) : (
        <dl className="record-facts">
          {keys.map((k) => (
            <div key={k}>
              <dt>{t(`monitoring.units.${k}`)}</dt>
              <dd>{saved[k]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
