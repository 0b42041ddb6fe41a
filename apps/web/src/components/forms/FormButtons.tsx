import { useT } from "../../i18n/i18n.tsx";
import { FormError } from "./Field.tsx";
import type { Form } from "./use-form.ts";

/**
 * The end of a form: its own error line (a refusal that belongs to no
 * input), the save button, which says "Saving…" (or `busyLabel`: "Signing
 * in…") and waits while the form is busy, and, when the form can be closed,
 * its cancel button (`cancelLabel`, "Cancel" unless said). `disabled` holds
 * the save button back for a reason of the caller's (nothing to save with
 * yet); `sticky` keeps it in reach at the bottom of a long form.
 */
export function FormButtons({
  form,
  label,
  busyLabel,
  disabled = false,
  sticky = false,
  onCancel,
  cancelLabel,
}: {
  form: Pick<Form<string>, "busy" | "formError">;
  label: string;
  busyLabel?: string | undefined;
  disabled?: boolean;
  sticky?: boolean;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <FormError>{form.formError}</FormError>
      <div
        className={
          [onCancel && "row", sticky && "sticky-action"].filter(Boolean).join(" ") || undefined
        }
      >
        <button type="submit" className="button button-primary" disabled={form.busy || disabled}>
          {form.busy ? (busyLabel ?? t("form.saving")) : label}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {cancelLabel ?? t("form.cancel")}
          </button>
        )}
      </div>
    </>
  );
}
