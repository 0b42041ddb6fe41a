import {
  currentClinic,
  draftPlanFromTemplate,
  medicationCatalogue,
  type PlanDraftItem,
  type ProtocolTemplate,
  protocolTemplates,
} from "@trellis/domain";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { DateField, FormButtons, PillGroup, useForm } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { recordingScreen } from "../../components/ReadOnly.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ClinicPicker } from "./ClinicPicker.tsx";
import { PlanItemEditor } from "./PlanItemEditor.tsx";
import { addedMedicine, type EditableItem, planItemOf, startCycleBatch } from "./plan-batch.ts";

let keys = 0;
const withKey = (d: PlanDraftItem): EditableItem => ({ ...d, key: `item-${++keys}` });

export const StartCycle = recordingScreen("cycle.new.title", StartCycleForm);

function StartCycleForm() {
  const { t } = useI18n();
  const state = useJourneyState();
  const saved = useSaved();
  const zone = state.journey!.homeZone;
  const id = useId();

  const [template, setTemplate] = useState<ProtocolTemplate>(protocolTemplates[0]!);
  const [startDate, setStartDate] = useState(todayIso(zone));
  // The current clinic is carried into each new cycle.
  const [clinicId, setClinicId] = useState(() => currentClinic(state)?.id ?? "");
  const [transferPlan, setTransferPlan] = useState<"freeze-all" | "fresh">("freeze-all");
  const [items, setItems] = useState<EditableItem[]>(() =>
    draftPlanFromTemplate(protocolTemplates[0]!).map(withKey),
  );
  const [adding, setAdding] = useState("");
  const [otherName, setOtherName] = useState("");
  // Fields: the start date, the clinic, and each medicine by its key.
  const form = useForm<string>({ place: (p) => planItemOf(p, items) });

  const dayWord =
    template.dayOne === "stim-day"
      ? t("cycle.dayLabel.stim-day", { day: "" }).trim()
      : t("cycle.dayLabel.cycle-day", { day: "" }).trim();

  function choose(next: ProtocolTemplate) {
    setTemplate(next);
    setItems(draftPlanFromTemplate(next).map(withKey));
    form.clear();
  }

  const addable = useMemo(() => medicationCatalogue.filter((m) => m.purpose !== "trigger"), []);

  function addMedicine() {
    const added = addedMedicine(adding, otherName, template);
    if (!added) return;
    setItems((xs) => [...xs, withKey(added)]);
    if (adding === "other") setOtherName("");
    setAdding("");
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ startDate: startDate ? undefined : t("form.required") })) return;
    const { cycleId, drafts } = startCycleBatch(
      { template, startDate, zone, clinicId, transferPlan },
      items,
      form.newId,
    );
    const r = await form.recordBatch(drafts);
    if (r.ok) saved(t("cycle.new.saved"), routes.cycle.detail(cycleId));
  }

  return (
    <Page title={t("cycle.new.title")}>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="card stack-tight">
          <legend>{t("cycle.new.protocol")}</legend>
          <p className="hint">{t("cycle.new.protocol.hint")}</p>
          <div className="choices">
            {protocolTemplates.map((p) => (
              <label key={p.id} className={`choice${p.id === template.id ? " choice-on" : ""}`}>
                <input
                  type="radio"
                  name={`${id}-protocol`}
                  value={p.id}
                  checked={p.id === template.id}
                  onChange={() => choose(p)}
                />
                <span>
                  <span className="choice-title">{p.name}</span>
                  <span className="choice-body">{p.summary}</span>
                </span>
              </label>
            ))}
          </div>
          <details className="source">
            <summary>{t("cycle.new.source")}</summary>
            <p className="small">{template.source}</p>
          </details>
        </fieldset>

        <div className="card stack">
          <DateField
            {...form.bind("startDate", startDate, setStartDate)}
            label={t(`cycle.new.startDate.${template.dayOne}`)}
          />
          <ClinicPicker
            {...form.field("clinicId")}
            value={clinicId}
            onChange={setClinicId}
            hint={t("clinics.cycle.hint")}
          />
          {template.cycleType === "stimulation" && (
            <PillGroup
              legend={t("cycle.new.transferPlan")}
              name="transfer-plan"
              options={(["freeze-all", "fresh"] as const).map((v) => ({
                value: v,
                label: t(`cycle.new.transferPlan.${v}`),
              }))}
              value={transferPlan}
              onChange={setTransferPlan}
            />
          )}
        </div>

        <section className="stack" aria-labelledby={`${id}-meds`}>
          <h2 id={`${id}-meds`}>{t("cycle.new.medicines")}</h2>
          <p className="hint">{t("cycle.new.medicines.hint")}</p>
          {items.length === 0 && <p className="card empty">{t("cycle.new.noMedicines")}</p>}
          {items.map((item) => (
            <PlanItemEditor
              key={item.key}
              {...form.field(item.key)}
              item={item}
              dayWord={dayWord}
              onChange={(next) => setItems((xs) => xs.map((x) => (x.key === item.key ? next : x)))}
              onRemove={() => setItems((xs) => xs.filter((x) => x.key !== item.key))}
            />
          ))}
          <div className="card stack-tight">
            <label htmlFor={`${id}-add`}>{t("plan.add.choose")}</label>
            <div className="row">
              <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="">—</option>
                {addable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {`${m.generic} (${m.brands.join(", ")})`}
                  </option>
                ))}
                <option value="other">{t("plan.add.other")}</option>
              </select>
              {adding === "other" && (
                <input
                  aria-label={t("plan.add.name")}
                  value={otherName}
                  maxLength={120}
                  onChange={(e) => setOtherName(e.target.value)}
                />
              )}
              <button type="button" className="button" onClick={addMedicine} disabled={!adding}>
                {t("plan.add")}
              </button>
            </div>
          </div>
        </section>

        <FormButtons form={form} label={t("cycle.new.submit")} sticky />
      </form>
    </Page>
  );
}
