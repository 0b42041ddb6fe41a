import {
  type Cycle,
  convertLab,
  cycleDay,
  type LabResult,
  type Preferences,
} from "@trellis/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { epochMsOf } from "../../app/time.ts";
import {
  ConfirmDialog,
  Field,
  FormButtons,
  QuietButton,
  useForm,
} from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { dayKind } from "./days.ts";
import { labDigits, preferredUnit, unitsDiffer } from "./units.ts";

/**
 * The cycle's blood results, newest first: the value as entered and, when it
 * differs, in the person's unit. A result known to be wrong can be marked so
 * (it stays, but leaves the chart) and included again; removing one asks first.
 */
export function LabList({
  cycle,
  results,
  prefs,
  zone,
}: {
  cycle: Cycle;
  results: readonly LabResult[];
  prefs: Preferences;
  zone: string;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const [removing, setRemoving] = useState<LabResult | null>(null);
  const label = useLabel(cycle, zone);
  const inline = useLabel(cycle, zone, "inline");

  async function remove(r: LabResult) {
    const done = await action.record("LabResultRetracted", { resultId: r.id });
    if (done.ok) toast.show(t("monitoring.lab.removed", { analyte: r.analyte }));
  }

  return (
    <>
      <ul className="records">
        {results.map((r) => (
          <LabItem
            key={r.id}
            result={r}
            prefs={prefs}
            when={label(r)}
            inlineWhen={inline(r)}
            onRemove={() => setRemoving(r)}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={t("monitoring.lab.removeTitle")}
        body={
          removing
            ? t("monitoring.lab.removeBody", { analyte: removing.analyte, when: inline(removing) })
            : ""
        }
        confirmLabel={t("monitoring.remove")}
        cancelLabel={t("monitoring.keep")}
        onConfirm={() => removing && void remove(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}

/** When a result was drawn, as a list line ("Stim day 9 · ...") or inside a sentence ("stim day 9 (...)"). */
function useLabel(
  cycle: Cycle,
  zone: string,
  form: "list" | "inline" = "list",
): (r: LabResult) => string {
  const { t, dateTime } = useI18n();
  const kind = dayKind(cycle);
  const key = form === "list" ? "monitoring.listDay" : "monitoring.inlineDay";
  return (r) => {
    const when = dateTime(epochMsOf(r.drawnAt), zone);
    // The day where the blood was drawn, as the selectors count it.
    const day = r.cycleId === cycle.id ? cycleDay(cycle, r.drawnAt.slice(0, 10)) : null;
    return day === null ? when : t(key, { kind, day, when });
  };
}

function LabItem({
  result: r,
  prefs,
  when,
  inlineWhen,
  onRemove,
}: {
  result: LabResult;
  prefs: Preferences;
  when: string;
  inlineWhen: string;
  onRemove: () => void;
}) {
  const { t, number } = useI18n();
  const toast = useToast();
  const form = useForm<"reason">();
  const action = useForm({ formLine: "toast" });
  const [marking, setMarking] = useState(false);
  const [reason, setReason] = useState("");
  // After marking or including, focus the button that undoes it, so keyboard users keep their place.
  const firstAction = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current && !marking) {
      moved.current = false;
      firstAction.current?.focus();
    }
  });
  const shown = (n: number) => number(n, labDigits(n));
  const mine = preferredUnit(r.analyte, prefs);
  const converted = unitsDiffer(r.analyte, r.unit, mine)
    ? convertLab({ analyte: r.analyte, value: r.value, unit: r.unit }, mine)
    : null;
  const name = t("monitoring.lab.itemName", { analyte: r.analyte, when: inlineWhen });

  async function exclude(e: FormEvent) {
    e.preventDefault();
    const done = await form.record("LabResultExcluded", {
      resultId: r.id,
      excluded: true,
      ...(reason.trim() && { reason: reason.trim() }),
    });
    if (done.ok) {
      moved.current = true;
      setMarking(false);
      setReason("");
      toast.show(t("monitoring.lab.excluded", { analyte: r.analyte }));
    }
  }

  async function include() {
    const done = await action.record("LabResultExcluded", { resultId: r.id, excluded: false });
    moved.current = done.ok;
    if (done.ok) toast.show(t("monitoring.lab.included", { analyte: r.analyte }));
  }

  return (
    <li className={`record${r.excluded ? " record-excluded" : ""}`}>
      <p className="record-when">{when}</p>
      <p className="record-value">
        <span className="record-analyte">{r.analyte}</span>{" "}
        {t("monitoring.lab.value.shown", { value: shown(r.value), unit: r.unit })}
        {converted?.ok && (
          <span className="muted">
            {" "}
            {t("monitoring.lab.value.converted", {
              value: shown(converted.value.value),
              unit: converted.value.unit,
            })}
          </span>
        )}
      </p>
      {r.excluded && (
        <p className="record-note small">
          {r.excludedReason
            ? t("monitoring.lab.excludedWithReason", { reason: r.excludedReason })
            : t("monitoring.lab.excludedNote")}
        </p>
      )}
      {marking ? (
        <form className="stack-tight" onSubmit={exclude} noValidate>
          <Field
            {...form.field("reason")}
            label={t("monitoring.lab.reason")}
            hint={t("monitoring.lab.reason.hint")}
          >
            {(input) => (
              <input
                {...input}
                maxLength={300}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                // biome-ignore lint/a11y/noAutofocus: the person just asked to mark this result.
                autoFocus
              />
            )}
          </Field>
          <FormButtons
            form={form}
            label={t("monitoring.lab.exclude")}
            onCancel={() => {
              moved.current = true;
              setMarking(false);
            }}
          />
        </form>
      ) : (
        <WhenCanRecord>
          <div className="record-actions">
            {r.excluded ? (
              <QuietButton
                buttonRef={firstAction}
                label={t("monitoring.lab.include")}
                spoken={t("monitoring.lab.includeLabel", { name })}
                onClick={() => void include()}
              />
            ) : (
              <QuietButton
                buttonRef={firstAction}
                label={t("monitoring.lab.exclude")}
                spoken={t("monitoring.lab.excludeLabel", { name })}
                onClick={() => setMarking(true)}
              />
            )}
            <QuietButton
              label={t("monitoring.remove")}
              spoken={t("monitoring.lab.removeLabel", { name })}
              onClick={onRemove}
            />
          </div>
        </WhenCanRecord>
      )}
    </li>
  );
}
