import { catalogueMedicine, type PlanDraftItem } from "@trellis/domain";
import { FieldError, NumberField, SelectField } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { DoseInputs, unitsFor } from "./inputs.tsx";
import type { EditableItem } from "./plan-batch.ts";

type UntilKind = "cycle-day" | "until-trigger" | "open";

/**
 * One medicine of a plan being drawn up: dose, unit, times, first and last
 * day. Every control is labelled. `id` and `error` come from the plan's form
 * (`form.field(item.key)`): a refusal of this medicine shows at its foot,
 * and focus moves to its first input.
 */
export function PlanItemEditor({
  id,
  item,
  dayWord,
  error,
  onChange,
  onRemove,
}: {
  id: string;
  item: EditableItem;
  /** "Stim day" or "Cycle day", for the day fields. */
  dayWord: string;
  error?: string | undefined;
  onChange: (next: EditableItem) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const known = item.medication.catalogueId
    ? catalogueMedicine(item.medication.catalogueId)
    : undefined;
  const startDay = "cycleDay" in item.start ? item.start.cycleDay : 1;
  const until: UntilKind = item.end.kind === "date" ? "cycle-day" : item.end.kind;
  const lastDay = item.end.kind === "cycle-day" ? item.end.day : startDay;

  const set = (patch: Partial<PlanDraftItem>) => onChange({ ...item, ...patch });

  return (
    <fieldset
      id={id}
      className={`card plan-item${error ? " field-invalid" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="plan-item-name">{item.medication.name}</legend>
      {known && <p className="hint">{known.about}</p>}
      <DoseInputs
        id={`${id}-dose`}
        label={t("plan.dose")}
        dose={item.dose}
        units={unitsFor(item.medication.catalogueId)}
        onChange={(dose) => set({ dose })}
      />
      <fieldset className="times">
        <legend>{t("plan.times")}</legend>
        <div className="row">
          {item.times.map((time, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: each input is "the i-th time"; its value changes while typing.
            <span className="time-chip" key={i}>
              <input
                type="time"
                aria-label={`${t("plan.times")} ${i + 1}`}
                value={time}
                onChange={(e) => {
                  const times = [...item.times];
                  times[i] = e.target.value;
                  set({ times });
                }}
              />
              {item.times.length > 1 && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t("plan.removeTime", { time })}
                  onClick={() => set({ times: item.times.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              )}
            </span>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set({ times: [...item.times, "12:00"] })}
          >
            {t("plan.addTime")}
          </button>
        </div>
      </fieldset>
      <div className="grid-2">
        <NumberField
          id={`${id}-from`}
          label={`${t("plan.fromDay")} (${dayWord})`}
          step="1"
          value={startDay}
          onChange={(n) => set({ start: { cycleDay: Math.trunc(n) } })}
        />
        <SelectField
          id={`${id}-every`}
          label={t("plan.everyDays")}
          options={[1, 2, 3, 7].map((n) => ({ value: n, label: t("plan.everyDays.value", { n }) }))}
          value={item.everyDays}
          onChange={(everyDays) => set({ everyDays })}
        />
      </div>
      <div className="grid-2">
        <SelectField
          id={`${id}-until`}
          label={t("plan.until")}
          options={[
            { value: "until-trigger" as const, label: t("plan.until.trigger") },
            { value: "cycle-day" as const, label: t("plan.until.day") },
            { value: "open" as const, label: t("plan.until.open") },
          ]}
          value={until}
          onChange={(kind) =>
            set({
              end: kind === "cycle-day" ? { kind, day: Math.max(lastDay, startDay) } : { kind },
            })
          }
        />
        {until === "cycle-day" && (
          <NumberField
            id={`${id}-last`}
            label={`${t("plan.untilDay")} (${dayWord})`}
            step="1"
            value={lastDay}
            onChange={(n) => set({ end: { kind: "cycle-day", day: Math.trunc(n) } })}
          />
        )}
      </div>
      {item.note && <p className="hint">{item.note}</p>}
      <FieldError id={id} error={error} />
      <div>
        <button type="button" className="button button-quiet" onClick={onRemove}>
          {t("plan.remove", { name: item.medication.name })}
        </button>
      </div>
    </fieldset>
  );
}
