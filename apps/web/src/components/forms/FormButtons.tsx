import { useT } from "../../i18n/i18n.tsx";
import { FormError } from "./Field.tsx";
import type { Form } from "./use-form.ts";

/**
 * The end of a form: its own error line (a refusal that belongs to no
 * input), the save button, which says "Saving…" and waits while the form is
 * busy, and, when the form can be closed, its cancel button. `sticky` keeps
 * the buttons within thumb reach at the bottom of a long form's page.
 */
export function FormButtons({
  form,
  label,
  onCancel,
  sticky = false,
}: {
  form: Pick<Form<string>, "busy" | "formError">;
  label: string;
  onCancel?: (() => void) | undefined;
  sticky?: boolean;
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
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t("form.saving") : label}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        )}
      </div>
    </>
  );
}
