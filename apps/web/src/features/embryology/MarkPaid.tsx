import { type FeeView, storageFeeList } from "@trellis/domain";
import { useClient } from "../../app/client-context.tsx";
import { useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * One tap to say the fee due next was paid today (on Today, in the bank and
 * on the fees screen), then the date after it in a toast; a refusal is said
 * in a toast too. Only for a fee with a date due.
 */
export function MarkPaid({ fee, today }: { fee: FeeView; today: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const dueOn = fee.nextDueOn!;

  async function paid() {
    const r = await action.record("StorageFeePaid", { feeId: fee.fee.id, dueOn, paidOn: today });
    if (!r.ok) return;
    const next = storageFeeList(client.state, { today }).find(
      (x) => x.fee.id === fee.fee.id,
    )?.nextDueOn;
    toast.show(t("embryos.fees.paid", { next: next ? i18n.day(next, true) : "none" }));
  }

  return (
    <button
      type="button"
      className="button"
      aria-label={t("embryos.fees.markPaid.label", {
        clinic: fee.fee.clinic,
        date: i18n.day(dueOn, true),
      })}
      onClick={() => void paid()}
    >
      {t("embryos.fees.markPaid")}
    </button>
  );
}
