import type { Receipt } from "@trellis/domain";
import { useEffect, useId, useState } from "react";
import { useLoadedSync } from "../../app/sync-context.tsx";
import { useModal } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { type OpenedReceipt, openReceiptBytes } from "./receipts.ts";

type Shown =
  | { readonly state: "loading" }
  | { readonly state: "open"; readonly url: string }
  | { readonly state: "failed"; readonly reason: Extract<OpenedReceipt, { ok: false }>["reason"] };

/**
 * "View the receipt": opens it full size in a dialog, from this device or
 * fetched from the account (a receipt a partner added). A photo is shown as
 * it is; a PDF opens in the browser's own viewer. Nothing is opened until
 * asked, and the opened bytes are let go when the dialog closes.
 */
export function ReceiptView({ receipt, name }: { receipt: Receipt; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const sync = useLoadedSync();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Shown>({ state: "loading" });
  const dialog = useModal(open);
  const pdf = receipt.mediaType === "application/pdf";

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let made: string | null = null;
    setShown({ state: "loading" });
    void openReceiptBytes(receipt, sync).then((r) => {
      if (cancelled) return;
      if (!r.ok) return setShown({ state: "failed", reason: r.reason });
      made = URL.createObjectURL(new Blob([r.bytes as BlobPart], { type: receipt.mediaType }));
      setShown({ state: "open", url: made });
    });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [open, receipt, sync]);

  return (
    <>
      <div>
        <button
          type="button"
          className="button"
          aria-label={t("costs.receipt.viewLabel", { name })}
          onClick={() => setOpen(true)}
        >
          {t("costs.receipt.view")}
        </button>
      </div>
      <dialog
        ref={dialog}
        className="dialog receipt-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
      >
        <h2 id={`${id}-title`}>{t("costs.receipt.title", { name })}</h2>
        {shown.state === "loading" && <p role="status">{t("costs.receipt.loading")}</p>}
        {shown.state === "failed" && <p role="alert">{t(`costs.receipt.${shown.reason}`)}</p>}
        {shown.state === "open" &&
          (pdf ? (
            <p>
              <a href={shown.url} target="_blank" rel="noopener" className="button">
                {t("costs.receipt.openPdf")}
              </a>
            </p>
          ) : (
            <img className="receipt-image" src={shown.url} alt={t("costs.receipt.alt", { name })} />
          ))}
        <form method="dialog" className="row">
          <button type="submit" className="button">
            {t("costs.receipt.close")}
          </button>
        </form>
      </dialog>
    </>
  );
}
