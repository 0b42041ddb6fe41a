import { commonCurrencies, currencyCodes, DEFAULT_FEE_REMINDER_DAYS } from "@trellis/domain";

/** Clinics abroad first, then every ISO 4217 currency (the cost form offers the same). */
const currencies = [...new Set<string>([...commonCurrencies, ...currencyCodes])];

import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import {
  CountField,
  DateField,
  FormButtons,
  PillCheck,
  PillGroup,
  parseDecimal,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { defaultCurrency } from "../costs/index.ts";
import { useCounts } from "./use-counts.ts";

const covering = ["embryos", "eggs", "embryos-and-eggs"] as const;

/** A storage fee: the clinic, what it covers, the amount, the next due date, yearly or once, and when to remind. */
export function FeeForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"clinic" | "amount" | "currency" | "dueOn" | "remind">({
    from: { "amount.currency": "currency", remindDaysBefore: "remind" },
  });
  const counts = useCounts(form, { remind: String(DEFAULT_FEE_REMINDER_DAYS) });
  const [clinic, setClinic] = useState("");
  const [covers, setCovers] = useState<(typeof covering)[number]>("embryos");
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState(() => defaultCurrency(state));
  const [due, setDue] = useState("");
  const [yearly, setYearly] = useState(true);

  async function save(e: FormEvent) {
    e.preventDefault();
    const value = parseDecimal(amount);
    const days = counts.read(t, { remind: "optional" });
    const found = {
      clinic: clinic.trim() ? undefined : t("form.required"),
      amount:
        value === null
          ? t("form.required")
          : Number.isNaN(value)
            ? t("beta.form.notANumber")
            : undefined,
      dueOn: due ? undefined : t("form.required"),
      ...days.found,
    };
    if (form.fail(found) || value === null) return;
    const r = await form.record("StorageFeeScheduled", {
      feeId: form.newId(),
      clinic: clinic.trim(),
      covers,
      amount: { value, currency },
      dueOn: due,
      renewsYearly: yearly,
      ...(days.values.remind !== undefined && { remindDaysBefore: days.values.remind }),
    });
    if (!r.ok) return;
    toast.show(t("embryos.fees.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate>
      <TextField
        {...form.bind("clinic", clinic, setClinic)}
        label={t("embryos.fees.form.clinic")}
      />
      <PillGroup
        legend={t("embryos.fees.form.covers")}
        name={`${id}-covers`}
        options={covering.map((c) => ({ value: c, label: t(`embryos.fees.covers.${c}`) }))}
        value={covers}
        onChange={setCovers}
      />
      <div className="form-pair">
        <TextField
          {...form.bind("amount", amount, setAmount)}
          label={t("embryos.fees.form.amount")}
          inputMode="decimal"
        />
        <SelectField
          {...form.field("currency")}
          label={t("embryos.fees.form.currency")}
          options={currencies.map((c) => ({ value: c, label: c }))}
          value={currency}
          onChange={setCurrency}
        />
      </div>
      <DateField {...form.bind("dueOn", due, setDue)} label={t("embryos.fees.form.due")} />
      <PillCheck label={t("embryos.fees.form.yearly")} checked={yearly} onChange={setYearly} />
      <CountField {...counts.field("remind")} label={t("embryos.fees.form.remind")} />
      <FormButtons form={form} label={t("embryos.fees.form.save")} />
    </form>
  );
}
