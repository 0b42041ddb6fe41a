import type { Cost } from "@trellis/domain";
import { coverageMinor, fromMinor, toMinor } from "@trellis/domain";
import { useState } from "react";
import { useLoadedSync } from "../../app/sync-context.tsx";
import { ChangeOrRemove, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CostForm } from "./CostForm.tsx";
import { ReceiptView } from "./ReceiptView.tsx";
import { forgetReceipt } from "./receipts.ts";
import { costName, money } from "./words.ts";

/**
 * One cost: what it was for, its kind and date, the amount, paid or due
 * (with the date), who paid, what others covered and what that leaves out
 * of pocket, the receipt and the note. For those who may record: change it
 * (the form in its place), mark a due cost paid today, or remove it (its
 * receipt is deleted too).
 */
export function CostCard({ cost, today }: { cost: Cost; today: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const sync = useLoadedSync();
  const action = useForm({ formLine: "toast" });
  const [editing, setEditing] = useState(false);
  const name = costName(i18n, cost);
  const { currency } = cost.amount;
  const covered = coverageMinor(cost).expected;
  const outOfPocket = fromMinor(toMinor(cost.amount.value, currency) - covered, currency);

  if (editing) {
    return (
      <li className="card stack-tight cost">
        <h4 className="cost-title">{cost.description}</h4>
        <CostForm cost={cost} today={today} onDone={() => setEditing(false)} />
      </li>
    );
  }

  async function remove() {
    const r = await action.record("CostRemoved", { costId: cost.id });
    if (!r.ok) return;
    if (cost.receipt) void forgetReceipt(cost.receipt.attachmentId, sync);
    toast.show(t("costs.removed"));
  }

  async function paid() {
    const r = await action.record("CostPaid", { costId: cost.id, paidOn: today });
    if (r.ok) toast.show(t("costs.paid"));
  }

  const overdue = cost.status === "due" && cost.dueOn !== null && cost.dueOn < today;
  return (
    <li className={`card stack-tight cost cost-${cost.status}`}>
      <div className="cost-head">
        <h4 className="cost-title">{cost.description}</h4>
        <p className="cost-amount">{money(i18n, cost.amount.value, currency)}</p>
      </div>
      <p className="muted small">
        {[t(`costs.category.${cost.category}`), i18n.day(cost.incurredOn, true)].join(" · ")}
      </p>
      <p className={cost.status === "due" ? "cost-due-line" : undefined}>
        {cost.status === "due"
          ? t(overdue ? "costs.due.overdue" : "costs.due.on", { date: i18n.day(cost.dueOn!, true) })
          : cost.paidOn
            ? t("costs.paidOn", { date: i18n.day(cost.paidOn, true) })
            : t("costs.paidNoDate")}
        {cost.paidBy && ` · ${t("costs.paidBy", { name: cost.paidBy })}`}
      </p>
      {cost.coverage.length > 0 && (
        <ul className="plain-list small">
          {cost.coverage.map((c, i) => (
            // Coverage lines have no id of their own; their order is the person's.
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines' order is fixed by the event
            <li key={i}>
              {t("costs.coverage.line", {
                kind: t(`costs.coverage.${c.kind}`),
                source: c.source ?? "none",
                amount: money(i18n, c.value, currency),
                received: c.received ? "yes" : "no",
              })}
            </li>
          ))}
          <li className="cost-out-of-pocket">
            {t("costs.outOfPocketLine", { amount: money(i18n, outOfPocket, currency) })}
          </li>
        </ul>
      )}
      {cost.note && <p className="small">{cost.note}</p>}
      {cost.receipt && <ReceiptView receipt={cost.receipt} name={name} />}
      <ChangeOrRemove
        words="costs"
        name={name}
        onEdit={() => setEditing(true)}
        onRemove={() => void remove()}
      >
        {cost.status === "due" && (
          <WhenCanRecord>
            <button
              type="button"
              className="button"
              aria-label={t("costs.markPaid.label", { name })}
              onClick={() => void paid()}
            >
              {t("costs.markPaid")}
            </button>
          </WhenCanRecord>
        )}
      </ChangeOrRemove>
    </li>
  );
}
