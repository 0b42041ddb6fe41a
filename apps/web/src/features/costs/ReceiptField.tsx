import type { Receipt } from "@trellis/domain";
import { useId } from "react";
import { useLoadedSync } from "../../app/sync-context.tsx";
import type { Form } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CostField } from "./CostForm.tsx";
import { ReceiptView } from "./ReceiptView.tsx";
import { keepReceiptFile } from "./receipts.ts";

export type ReceiptValue = Receipt;

/**
 * A receipt for the cost: a photo (made smaller, upright, its place and
 * camera details taken out) or a PDF, sealed and kept on this device as soon
 * as it is chosen (and sent to the account, if there is one). Shown as it
 * will be kept, with a way to take it off again.
 */
export function ReceiptField({
  form,
  receipt,
  onChange,
  description,
}: {
  form: Form<CostField>;
  receipt: ReceiptValue | null;
  onChange: (receipt: ReceiptValue | null) => void;
  description: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const sync = useLoadedSync();
  const { id: inputId, error } = form.field("receipt");

  async function choose(file: File | undefined) {
    if (!file) return;
    form.clear("receipt");
    const kept = await form.run(() => keepReceiptFile(file, form.newId(), sync));
    if (kept.ok) onChange(kept.receipt);
    else form.fail({ receipt: t(`costs.receipt.${kept.reason}`) });
  }

  return (
    <div className="stack-tight">
      <div className="field">
        <label htmlFor={inputId}>{t("costs.receipt")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("costs.receipt.hint")}
        </p>
        <input
          id={inputId}
          type="file"
          accept="image/*,application/pdf"
          aria-describedby={`${id}-hint${error ? ` ${inputId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {error && (
          <p className="error" id={`${inputId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      {form.busy && <p role="status">{t("costs.receipt.preparing")}</p>}
      {receipt && (
        <div className="stack-tight receipt-attached">
          <p role="status">
            {t("costs.receipt.attached", {
              size: i18n.number(receipt.bytes / 1024, {
                style: "unit",
                unit: "kilobyte",
                maximumFractionDigits: 0,
              }),
            })}
          </p>
          <ReceiptView receipt={receipt} name={description || t("costs.receipt")} />
          <div>
            <button type="button" className="button button-quiet" onClick={() => onChange(null)}>
              {t("costs.receipt.remove")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
