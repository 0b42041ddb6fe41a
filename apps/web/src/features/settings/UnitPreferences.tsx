import type { Preferences } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { useClientValue } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { CheckField, FormButtons, PillGroup, useForm } from "../../components/forms/index.ts";
import { TitledCard } from "../../components/TitledCard.tsx";
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
 * changed. They are kept in the record (a partner sees the same), unless the
 * person keeps them for this device only; a viewer, who cannot change the
 * record, can still choose units for her own phone.
 */
export function UnitPreferences() {
  const { t } = useI18n();
  const form = useForm();
  const toast = useToast();
  const canRecord = useCanRecord();
  const { draft, set, changes, changed } = usePreferencesDraft(keys);
  const ownUnits = useClientValue((client) => keys.some((k) => client.deviceSettings[k]));
  const [here, setHere] = useState(ownUnits || !canRecord);
  const all = (value: (k: UnitKey) => string | null) =>
    Object.fromEntries(keys.map((k) => [k, value(k)]));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!changed && here === ownUnits) {
      form.clear();
      toast.show(t("monitoring.units.unchanged"));
      return;
    }
    if (here) {
      const r = await form.changeDeviceSettings(all((k) => draft[k]));
      if (r.ok) toast.show(t("monitoring.units.savedHere"));
      return;
    }
    // Back to the record's units: this device's own go, and the record takes
    // what is on screen (all of them when leaving this device's own, since
    // the record's may differ from what was shown).
    if (ownUnits) {
      const r = await form.changeDeviceSettings(all(() => null));
      if (!r.ok) return;
    }
    const r = await form.record("PreferencesUpdated", ownUnits ? all((k) => draft[k]) : changes);
    if (r.ok) toast.show(t("monitoring.units.saved"));
  }

  return (
    <TitledCard title={t("monitoring.units")}>
      <p className="hint">{t("monitoring.units.hint")}</p>
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
        {canRecord ? (
          <CheckField words="monitoring.units.here" checked={here} onChange={setHere} />
        ) : (
          <p className="hint">{t("monitoring.units.viewerHere")}</p>
        )}
        <FormButtons form={form} label={t("monitoring.units.save")} />
      </form>
    </TitledCard>
  );
}
