import { DEFAULT_FEE_REMINDER_DAYS, type FeeView, storageFeeList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { downloadCalendar } from "../../app/calendar-export.ts";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { CountField, DateField, TextField } from "../../components/forms/inputs.tsx";
import { PillCheck, PillGroup } from "../../components/forms/PillGroup.tsx";
import { parseCount, parseDecimal } from "../../components/forms/parse.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";
import { money } from "./FeesDue.tsx";

const currencies = [
  "USD",
  "GBP",
  "EUR",
  "AUD",
  "CAD",
  "NZD",
  "CHF",
  "SEK",
  "DKK",
  "NOK",
  "INR",
  "ZAR",
];

/** Where the currency list starts: the person's own, guessed from their home zone. */
function currencyFor(zone: string): string {
  if (zone.startsWith("Australia/")) return "AUD";
  if (zone === "Europe/London") return "GBP";
  if (zone.startsWith("Europe/")) return "EUR";
  if (
    [
      "America/Toronto",
      "America/Vancouver",
      "America/Edmonton",
      "America/Winnipeg",
      "America/Halifax",
    ].includes(zone)
  )
    return "CAD";
  if (zone.startsWith("Pacific/Auckland")) return "NZD";
  return "USD";
}

/** Storage fees for frozen embryos and eggs: next due date, one-tap "Paid", reminders on Today and in the calendar. */
export function StorageFees() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const zone = state.journey!.homeZone;
  const today = todayIso(zone);
  const fees = storageFeeList(state, { today });

  async function paid(f: FeeView) {
    const r = await client.record("StorageFeePaid", {
      feeId: f.fee.id,
      dueOn: f.nextDueOn!,
      paidOn: today,
    });
    if (!r.ok) return;
    const next = storageFeeList(client.state, { today }).find(
      (x) => x.fee.id === f.fee.id,
    )?.nextDueOn;
    toast.show(t("embryos.fees.paid", { next: next ? i18n.day(next, true) : "none" }));
  }

  async function end(f: FeeView) {
    const r = await client.record("StorageFeeEnded", { feeId: f.fee.id, endedOn: today });
    if (r.ok) toast.show(t("embryos.fees.ended"));
  }

  const dueText = (f: FeeView) => {
    if (f.state === "ended")
      return t("embryos.fees.endedOn", { date: i18n.day(f.fee.endedOn!, true) });
    if (f.state === "paid") return t("embryos.fees.paidUp");
    const date = i18n.day(f.nextDueOn!, true);
    return f.state === "overdue"
      ? t("embryos.fees.overdue", { date })
      : t("embryos.fees.next", { date });
  };

  return (
    <Page title={t("embryos.fees.title")} intro={t("embryos.fees.intro")}>
      <ReadOnlyNote />
      {fees.length === 0 ? (
        <p className="card empty">{t("embryos.fees.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {fees.map((f) => {
            const lastPaid = f.fee.payments.at(-1);
            return (
              <li key={f.fee.id} className={`card fee fee-${f.state}`}>
                <h2 className="fee-title">
                  {t("embryos.fees.line", {
                    covers: t(`embryos.fees.covers.${f.fee.covers}`),
                    clinic: f.fee.clinic,
                  })}
                </h2>
                <p className="big-line">
                  {t("embryos.fees.amount", {
                    amount: money(i18n, f.fee.amount),
                    yearly: f.fee.renewsYearly ? "yes" : "no",
                  })}
                </p>
                <p
                  className={f.state === "overdue" || f.state === "due-soon" ? "fee-due-line" : ""}
                >
                  {dueText(f)}
                </p>
                {lastPaid && (
                  <p className="muted small">
                    {t("embryos.fees.lastPaid", { date: i18n.day(lastPaid.paidOn, true) })}
                  </p>
                )}
                {f.nextDueOn && (
                  <WhenCanRecord>
                    <div className="row">
                      <button
                        type="button"
                        className="button"
                        aria-label={t("embryos.fees.markPaid.label", {
                          clinic: f.fee.clinic,
                          date: i18n.day(f.nextDueOn, true),
                        })}
                        onClick={() => void paid(f)}
                      >
                        {t("embryos.fees.markPaid")}
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => void end(f)}
                      >
                        {t("embryos.fees.end")}
                      </button>
                    </div>
                  </WhenCanRecord>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <WhenCanRecord>
        <section className="card stack">
          <AddDisclosure label={t("embryos.fees.add")}>
            {(close) => <FeeForm zone={zone} onDone={close} />}
          </AddDisclosure>
        </section>
      </WhenCanRecord>

      {fees.some((f) => f.nextDueOn) && (
        <section className="card stack-tight" aria-labelledby={`${id}-calendar`}>
          <h2 id={`${id}-calendar`}>{t("embryos.fees.calendar")}</h2>
          <p className="hint">{t("embryos.fees.calendar.hint")}</p>
          <div>
            <button
              type="button"
              className="button"
              onClick={() => downloadCalendar(state, i18n, Date.now())}
            >
              {t("embryos.fees.calendar")}
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}

function FeeForm({ zone, onDone }: { zone: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [clinic, setClinic] = useState("");
  const [covers, setCovers] = useState<"embryos" | "eggs" | "embryos-and-eggs">("embryos");
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState(currencyFor(zone));
  const [due, setDue] = useState("");
  const [yearly, setYearly] = useState(true);
  const [remind, setRemind] = useState(String(DEFAULT_FEE_REMINDER_DAYS));
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!clinic.trim()) found.clinic = t("form.required");
    const value = parseDecimal(amount);
    if (value === null) found.amount = t("form.required");
    else if (Number.isNaN(value)) found.amount = t("beta.form.notANumber");
    if (!due) found.dueOn = t("form.required");
    const days = parseCount(remind);
    if (days !== null && Number.isNaN(days)) found.remind = t("embryos.form.notACount");
    if (Object.keys(found).length > 0) return setErrors(found);
    const r = await client.record("StorageFeeScheduled", {
      feeId: client.newId(),
      clinic: clinic.trim(),
      covers,
      amount: { value: value!, currency },
      dueOn: due,
      renewsYearly: yearly,
      ...(days !== null && { remindDaysBefore: days }),
    });
    if (!r.ok) {
      const f = fieldOf(r.error);
      const key = f.startsWith("amount") ? "amount" : f === "remindDaysBefore" ? "remind" : f;
      return setErrors(
        ["clinic", "amount", "dueOn", "remind"].includes(key)
          ? { [key]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
    }
    toast.show(t("embryos.fees.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate>
      <TextField
        id={`${id}-clinic`}
        label={t("embryos.fees.form.clinic")}
        value={clinic}
        onChange={setClinic}
        error={errors.clinic}
      />
      <PillGroup
        legend={t("embryos.fees.form.covers")}
        name={`${id}-covers`}
        options={(["embryos", "eggs", "embryos-and-eggs"] as const).map((c) => ({
          value: c,
          label: t(`embryos.fees.covers.${c}`),
        }))}
        value={covers}
        onChange={setCovers}
      />
      <div className="form-pair">
        <TextField
          id={`${id}-amount`}
          label={t("embryos.fees.form.amount")}
          value={amount}
          onChange={setAmount}
          error={errors.amount}
          inputMode="decimal"
        />
        <div className="field">
          <label htmlFor={`${id}-currency`}>{t("embryos.fees.form.currency")}</label>
          <select
            id={`${id}-currency`}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DateField
        id={`${id}-due`}
        label={t("embryos.fees.form.due")}
        value={due}
        onChange={setDue}
        error={errors.dueOn}
      />
      <PillCheck label={t("embryos.fees.form.yearly")} checked={yearly} onChange={setYearly} />
      <CountField
        id={`${id}-remind`}
        label={t("embryos.fees.form.remind")}
        value={remind}
        onChange={setRemind}
        error={errors.remind}
      />
      <FormError>{errors.form}</FormError>
      <div>
        <button type="submit" className="button button-primary">
          {t("embryos.fees.form.save")}
        </button>
      </div>
    </form>
  );
}
