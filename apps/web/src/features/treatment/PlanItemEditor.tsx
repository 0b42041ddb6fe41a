import { catalogueMedicine, type DoseUnit, doseUnits, type PlanDraftItem } from "@trellis/domain";
import { useId } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

export type EditableItem = PlanDraftItem & { readonly key: string };

type UntilKind = "cycle-day" | "until-trigger" | "open";

/**
 * One medicine of a plan being drawn up: dose, unit, times, first and last
 * day. Every control is labelled; errors arrive from the domain by field.
 */
export function PlanItemEditor({
  item,
  dayWord,
  error,
  onChange,
  onRemove,
}: {
  item: EditableItem;
  /** "Stim day" or "Cycle day", for the day fields. */
  dayWord: string;
  error?: string | undefined;
  onChange: (next: EditableItem) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const known = item.medication.catalogueId
    ? catalogueMedicine(item.medication.catalogueId)
    : undefined;
  const units: readonly DoseUnit[] = known ? known.units : doseUnits;
  const startDay = "cycleDay" in item.start ? item.start.cycleDay : 1;
  const until: UntilKind = item.end.kind === "date" ? "cycle-day" : item.end.kind;
  const lastDay = item.end.kind === "cycle-day" ? item.end.day : startDay;

  const set = (patch: Partial<PlanDraftItem>) => onChange({ ...item, ...patch });

  return (
    <fieldset
      className={`card plan-item${error ? " field-invalid" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="plan-item-name">{item.medication.name}</legend>
      {known && <p className="hint">{known.about}</p>}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-dose`}>{t("plan.dose")}</label>
          <input
            id={`${id}-dose`}
            type="number"
            inputMode="decimal"
            min="0"
            step="any"
            value={Number.isNaN(item.dose.value) ? "" : item.dose.value}
            onChange={(e) => set({ dose: { ...item.dose, value: e.target.valueAsNumber } })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t("plan.unit")}</label>
          <select
            id={`${id}-unit`}
            value={item.dose.unit}
            onChange={(e) => set({ dose: { ...item.dose, unit: e.target.value as DoseUnit } })}
          >
            {units.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
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
        <div className="field">
          <label htmlFor={`${id}-from`}>{`${t("plan.fromDay")} (${dayWord})`}</label>
          <input
            id={`${id}-from`}
            type="number"
            inputMode="numeric"
            step="1"
            value={startDay}
            onChange={(e) => set({ start: { cycleDay: Math.trunc(e.target.valueAsNumber) } })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-every`}>{t("plan.everyDays")}</label>
          <select
            id={`${id}-every`}
            value={item.everyDays}
            onChange={(e) => set({ everyDays: Number(e.target.value) })}
          >
            {[1, 2, 3, 7].map((n) => (
              <option key={n} value={n}>
                {t("plan.everyDays.value", { n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-until`}>{t("plan.until")}</label>
          <select
            id={`${id}-until`}
            value={until}
            onChange={(e) => {
              const kind = e.target.value as UntilKind;
              set({
                end: kind === "cycle-day" ? { kind, day: Math.max(lastDay, startDay) } : { kind },
              });
            }}
          >
            <option value="until-trigger">{t("plan.until.trigger")}</option>
            <option value="cycle-day">{t("plan.until.day")}</option>
            <option value="open">{t("plan.until.open")}</option>
          </select>
        </div>
        {until === "cycle-day" && (
          <div className="field">
            <label htmlFor={`${id}-last`}>{`${t("plan.untilDay")} (${dayWord})`}</label>
            <input
              id={`${id}-last`}
              type="number"
              inputMode="numeric"
              step="1"
              value={lastDay}
              onChange={(e) =>
                set({ end: { kind: "cycle-day", day: Math.trunc(e.target.valueAsNumber) } })
              }
            />
          </div>
        )}
      </div>
      {item.note && <p className="hint">{item.note}</p>}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div>
        <button type="button" className="button button-quiet" onClick={onRemove}>
          {t("plan.remove", { name: item.medication.name })}
        </button>
      </div>
    </fieldset>
  );
}
