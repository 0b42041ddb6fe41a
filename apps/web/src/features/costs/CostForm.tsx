import {
  COST_MAX,
  type Cost,
  type CostCategory,
  commonCurrencies,
  costCategories,
  currencyCodes,
  cycleList,
  type PayloadInput,
} from "@trellis/domain";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useLoadedSync } from "../../app/sync-context.tsx";
import {
  CountField,
  DateField,
  FormButtons,
  PillGroup,
  parseCount,
  parseDecimal,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type CoverageRow, CoverageRows, emptyRow } from "./CoverageRows.tsx";
import { defaultCurrency } from "./currency.ts";
import { ReceiptField, type ReceiptValue } from "./ReceiptField.tsx";
import { forgetReceipt } from "./receipts.ts";
import { currencyName } from "./words.ts";

export type CostField =
  | "description"
  | "amount"
  | "currency"
  | "incurredOn"
  | "cycle"
  | "paidBy"
  | "paidOn"
  | "dueOn"
  | "remind"
  | "coverage"
  | "receipt"
  | "note"
  | `coverage.${number}.value`
  | `coverage.${number}.source`;

const REMIND_MOST = 120;

const NO_CYCLE = "";

/**
 * A cost, new or changed: what it was for, the amount and its currency, the
 * kind, the date, the cycle, who paid, paid or still due (with a due date
 * and a reminder), what others covered, a receipt and a note. Checks what
 * it can as it is submitted, in words beside each input; the domain's
 * refusals (too many decimals for the currency, coverage above the amount)
 * go beside the input they are about too.
 */
export function CostForm({
  cost,
  today,
  onDone,
}: {
  /** The cost to change; a new one when absent. */
  cost?: Cost;
  today: string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const id = useId();
  const state = useJourneyState();
  const sync = useLoadedSync();
  const form = useForm<CostField>({
    from: {
      "amount.value": "amount",
      "amount.currency": "currency",
      amount: "amount",
      cycleId: "cycle",
      remindDaysBefore: "remind",
    },
  });
  const cycles = cycleList(state);
  const [description, setDescription] = useState(cost?.description ?? "");
  const [amount, setAmount] = useState(cost ? String(cost.amount.value) : "");
  const [currency, setCurrency] = useState(cost?.amount.currency ?? defaultCurrency(state));
  const [category, setCategory] = useState<CostCategory>(cost?.category ?? "medication");
  const [incurredOn, setIncurredOn] = useState(cost?.incurredOn ?? today);
  const [cycleId, setCycleId] = useState(
    cost ? (cost.cycleId ?? NO_CYCLE) : (cycles.find((c) => c.status === "active")?.id ?? NO_CYCLE),
  );
  const [paidBy, setPaidBy] = useState(cost?.paidBy ?? "");
  const [status, setStatus] = useState<"paid" | "due">(cost?.status ?? "paid");
  const [paidOn, setPaidOn] = useState(cost?.paidOn ?? "");
  const [dueOn, setDueOn] = useState(cost?.dueOn ?? "");
  const [remind, setRemind] = useState(
    cost?.remindDaysBefore != null ? String(cost.remindDaysBefore) : "",
  );
  const [coverage, setCoverage] = useState<CoverageRow[]>(
    () =>
      cost?.coverage.map((c) => ({
        key: crypto.randomUUID(),
        kind: c.kind,
        source: c.source ?? "",
        value: String(c.value),
        received: c.received,
      })) ?? [],
  );
  const [receipt, setReceipt] = useState<ReceiptValue | null>(cost?.receipt ?? null);
  const [note, setNote] = useState(cost?.note ?? "");

  // A receipt kept while the form was open but never saved with a cost is forgotten when it closes.
  const unsaved = useRef<string | null>(null);
  const syncRef = useRef(sync);
  syncRef.current = sync;
  useEffect(
    () => () => {
      if (unsaved.current) void forgetReceipt(unsaved.current, syncRef.current);
    },
    [],
  );

  function changeReceipt(next: ReceiptValue | null) {
    if (unsaved.current && unsaved.current !== next?.attachmentId) {
      void forgetReceipt(unsaved.current, sync);
    }
    unsaved.current =
      next && next.attachmentId !== cost?.receipt?.attachmentId ? next.attachmentId : null;
    setReceipt(next);
  }

  const currencyOptions = [...new Set([currency, ...commonCurrencies, ...currencyCodes])].map(
    (c) => ({ value: c, label: `${c} · ${currencyName(i18n, c)}` }),
  );

  function amountError(text: string): string | undefined {
    const value = parseDecimal(text);
    if (value === null) return t("form.required");
    if (Number.isNaN(value)) return t("costs.form.notANumber");
    if (value > COST_MAX) return t("costs.form.tooMuch");
    return undefined;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const value = parseDecimal(amount);
    const days = parseCount(remind);
    const rows = coverage.map((r) => ({ ...r, parsed: parseDecimal(r.value) }));
    const found: Partial<Record<CostField | "form", string | undefined>> = {
      description: description.trim() ? undefined : t("form.required"),
      amount: amountError(amount),
      incurredOn: incurredOn ? undefined : t("form.required"),
      dueOn: status === "due" && !dueOn ? t("form.required") : undefined,
      remind:
        status === "due" && days !== null && (Number.isNaN(days) || days < 0 || days > REMIND_MOST)
          ? t("costs.form.remindTooLong")
          : undefined,
    };
    rows.forEach((r, i) => {
      const words = amountError(r.value);
      if (words) found[`coverage.${i}.value`] = words;
    });
    if (form.fail(found) || value === null || Number.isNaN(value)) return;
    const fields = {
      description: description.trim(),
      category,
      amount: { value, currency },
      incurredOn,
      status,
      coverage: rows.map((r) => ({
        kind: r.kind,
        ...(r.source.trim() && { source: r.source.trim() }),
        value: r.parsed!,
        received: r.received,
      })),
    };
    const due = status === "due";
    const remindDays = due && days !== null && !Number.isNaN(days) ? days : undefined;
    const receiptRef = receipt
      ? {
          attachmentId: receipt.attachmentId,
          key: receipt.key,
          mediaType: receipt.mediaType,
          bytes: receipt.bytes,
        }
      : undefined;
    let r: { ok: boolean };
    if (!cost) {
      const payload: PayloadInput<"CostRecorded"> = {
        costId: form.newId(),
        ...fields,
        ...(cycleId && { cycleId }),
        ...(paidBy.trim() && { paidBy: paidBy.trim() }),
        ...(!due && paidOn && { paidOn }),
        ...(due && { dueOn }),
        ...(remindDays !== undefined && { remindDaysBefore: remindDays }),
        ...(receiptRef && { receipt: receiptRef }),
        ...(note.trim() && { note: note.trim() }),
      };
      r = await form.record("CostRecorded", payload);
    } else {
      const payload: PayloadInput<"CostChanged"> = {
        costId: cost.id,
        ...fields,
        cycleId: cycleId || null,
        paidBy: paidBy.trim() || null,
        paidOn: !due && paidOn ? paidOn : null,
        dueOn: due ? dueOn : (cost.dueOn ?? null),
        remindDaysBefore: remindDays ?? null,
        receipt: receiptRef ?? null,
        note: note.trim() || null,
      };
      r = await form.record("CostChanged", payload);
    }
    if (!r.ok) return;
    unsaved.current = null;
    const old = cost?.receipt?.attachmentId;
    if (old && old !== receipt?.attachmentId) void forgetReceipt(old, sync);
    toast.show(t(cost ? "costs.changed" : "costs.saved"));
    onDone();
  }

  return (
    <form className="stack add-form cost-form" onSubmit={save} noValidate>
      <TextField
        {...form.bind("description", description, setDescription)}
        label={t("costs.form.description")}
        hint={t("costs.form.descriptionHint")}
        maxLength={120}
      />
      <div className="form-pair">
        <TextField
          {...form.bind("amount", amount, setAmount)}
          label={t("costs.form.amount")}
          inputMode="decimal"
          autoComplete="off"
        />
        <SelectField
          {...form.field("currency")}
          label={t("costs.form.currency")}
          options={currencyOptions}
          value={currency}
          onChange={setCurrency}
        />
      </div>
      <SelectField
        id={`${id}-category`}
        label={t("costs.form.category")}
        options={costCategories.map((c) => ({ value: c, label: t(`costs.category.${c}`) }))}
        value={category}
        onChange={setCategory}
      />
      <DateField
        {...form.bind("incurredOn", incurredOn, setIncurredOn)}
        label={t("costs.form.incurredOn")}
      />
      <SelectField
        {...form.field("cycle")}
        label={t("costs.form.cycle")}
        options={[
          { value: NO_CYCLE, label: t("costs.form.cycleNone") },
          ...cycles.map((c) => ({
            value: c.id,
            label: t("costs.form.cycleOption", {
              name: c.protocolName,
              date: i18n.day(c.startDate, true),
            }),
          })),
        ]}
        value={cycleId}
        onChange={setCycleId}
      />
      <TextField
        {...form.bind("paidBy", paidBy, setPaidBy)}
        label={t("costs.form.paidBy")}
        maxLength={60}
      />
      <PillGroup
        legend={t("costs.form.status")}
        name={`${id}-status`}
        options={(["paid", "due"] as const).map((s) => ({
          value: s,
          label: t(`costs.form.status.${s}`),
        }))}
        value={status}
        onChange={setStatus}
      />
      {status === "paid" ? (
        <DateField {...form.bind("paidOn", paidOn, setPaidOn)} label={t("costs.form.paidOn")} />
      ) : (
        <>
          <DateField {...form.bind("dueOn", dueOn, setDueOn)} label={t("costs.form.dueOn")} />
          <CountField {...form.bind("remind", remind, setRemind)} label={t("costs.form.remind")} />
        </>
      )}
      <CoverageRows
        form={form}
        currency={currency}
        rows={coverage}
        onChange={setCoverage}
        onAdd={() => setCoverage((rows) => [...rows, emptyRow()])}
      />
      <ReceiptField
        form={form}
        receipt={receipt}
        onChange={changeReceipt}
        description={description.trim()}
      />
      <TextAreaField
        {...form.bind("note", note, setNote)}
        label={t("costs.form.note")}
        maxLength={500}
      />
      <FormButtons
        form={form}
        label={t(cost ? "costs.form.saveChange" : "costs.form.save")}
        onCancel={onDone}
      />
    </form>
  );
}
