import { useT } from "../../i18n/i18n.tsx";

/**
 * A form's save button, which says "Saving…" and waits while `busy`, and,
 * when the form can be closed, its cancel button beside it.
 */
export function FormButtons({
  busy,
  label,
  onCancel,
}: {
  busy: boolean;
  label: string;
  onCancel?: (() => void) | undefined;
}) {
  const t = useT();
  return (
    <div className={onCancel ? "row" : undefined}>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("form.saving") : label}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      )}
    </div>
  );
}
