import { clinicList } from "@trellis/domain";
import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useJourneyState } from "../../app/client-context.tsx";
import { describedBy, FieldError, useModal } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { ClinicForm } from "../clinics/index.ts";

/**
 * Which of the person's clinics a cycle is at, inside a cycle form: their
 * clinics to choose from (the caller preselects the current one), or none;
 * and a new clinic added in a dialog on top, so nothing typed in the cycle
 * form is lost. The dialog is outside the form in the page (a portal), so its
 * own form never nests in the cycle's. `{...form.field("clinicId")}` gives
 * it `id` and `error`, so a refusal of the clinic shows beside the choice.
 */
export function ClinicPicker({
  id,
  value,
  onChange,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** A clinic id, or "" for none. */
  value: string;
  onChange: (clinicId: string) => void;
}) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const clinics = clinicList(state);
  const [open, setOpen] = useState(false);
  const dialog = useModal(open);
  const addButton = useRef<HTMLButtonElement>(null);

  function closed() {
    setOpen(false);
    requestAnimationFrame(() => (document.getElementById(id) ?? addButton.current)?.focus());
  }

  return (
    <div className={`field stack-tight clinic-picker${error ? " field-invalid" : ""}`}>
      {clinics.length > 0 ? (
        <>
          <label htmlFor={id}>{t("clinics.cycle.label")}</label>
          {hint && (
            <p className="hint" id={`${id}-hint`}>
              {hint}
            </p>
          )}
          <select
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
            aria-invalid={error ? true : undefined}
          >
            {clinics.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="">{t("clinics.cycle.none")}</option>
          </select>
          <FieldError id={id} error={error} />
        </>
      ) : (
        <>
          <p className="field-label" id={`${id}-label`}>
            {t("clinics.cycle.label")}
          </p>
          <p className="hint">{t("clinics.cycle.empty")}</p>
        </>
      )}
      <div>
        <button
          ref={addButton}
          type="button"
          className="button"
          aria-haspopup="dialog"
          onClick={() => setOpen(true)}
        >
          {t("clinics.cycle.addNew")}
        </button>
      </div>
      {createPortal(
        <dialog
          ref={dialog}
          className="dialog clinic-dialog"
          aria-label={t("clinics.form.titleNew")}
          onClose={closed}
        >
          {open && (
            <ClinicForm
              Heading="h2"
              offerCurrent={clinics.length > 0}
              currentByDefault={true}
              onSaved={(clinic) => {
                onChange(clinic.id);
                toast.show(t("clinics.cycle.added", { name: clinic.name }));
                dialog.current?.close();
              }}
              onCancel={() => dialog.current?.close()}
            />
          )}
        </dialog>,
        document.body,
      )}
    </div>
  );
}
