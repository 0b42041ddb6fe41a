import {
  type DoseUnit,
  inventory,
  type MedicineStock,
  medicationCatalogue,
  packageKinds,
} from "@trellis/domain";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { deviceZone, nowZoned, todayIso } from "../../app/time.ts";
import { useNow } from "../../app/use-now.ts";
import {
  DateField,
  FormButtons,
  NumberField,
  QuietButton,
  SelectField,
  useForm,
} from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { DoseInputs, InlineForm, unitsFor } from "./inputs.tsx";

export function Supplies() {
  const { t } = useI18n();
  const state = useJourneyState();
  const now = useNow();
  const stock = inventory(state, {
    zone: deviceZone(),
    nowMs: now,
    warnDays: state.preferences.inventoryWarningDays,
  });
  return (
    <Page title={t("supplies.title")} intro={t("supplies.intro")}>
      <ReadOnlyNote />
      {stock.length === 0 ? (
        <p className="card empty">{t("supplies.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {stock.map((s) => (
            <StockCard key={`${s.medication.name}-${s.unit}`} stock={s} />
          ))}
        </ul>
      )}
      <WhenCanRecord>
        <AddSupply />
      </WhenCanRecord>
    </Page>
  );
}

function StockCard({ stock }: { stock: MedicineStock }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const [counting, setCounting] = useState<string | null>(null);

  async function remove(supplyId: string, remaining: number) {
    const r = await action.record("SupplyRemoved", {
      supplyId,
      reason: remaining > 0 ? "discarded" : "used-up",
    });
    if (r.ok) toast.show(t("supplies.removed"));
  }

  return (
    <li className={`card stack-tight${stock.warn ? " warn" : ""}`}>
      <h2>{stock.medication.name}</h2>
      <p className="big-line">
        {t("supplies.left", {
          amount: i18n.dose({ value: Math.max(stock.remaining, 0), unit: stock.unit }),
        })}
      </p>
      {stock.remaining < 0 ? (
        <p className="notice">{t("supplies.short")}</p>
      ) : stock.runsOutOn ? (
        <p className={stock.warn ? "notice" : "muted"}>
          {t(stock.warn ? "supplies.runsOut.soon" : "supplies.runsOut", {
            date: i18n.day(stock.runsOutOn),
          })}
        </p>
      ) : stock.plannedAhead > 0 ? (
        <p className="muted">{t("supplies.lasts")}</p>
      ) : null}
      {stock.expiringSoon.map((e) => (
        <p key={e.supplyId} className="notice">
          {t("supplies.expiringBeforeUse", { date: i18n.day(e.expiry, true) })}
        </p>
      ))}
      <ul className="plain-list small">
        {stock.supplies
          .filter((s) => !s.supply.removed)
          .map(({ supply, remaining }) => (
            <li key={supply.id} className="supply-line">
              <span>
                {t("supplies.packages", {
                  count: supply.packages.count,
                  kind: t(`supplies.kind.${supply.packages.kind}`),
                })}{" "}
                ·{" "}
                {t("supplies.left", { amount: i18n.dose({ value: remaining, unit: supply.unit }) })}
                {supply.expiry &&
                  ` · ${t("supplies.expires", { date: i18n.day(supply.expiry, true) })}`}
              </span>
              <WhenCanRecord>
                <span className="row">
                  <QuietButton
                    label={t("supplies.recount")}
                    onClick={() => setCounting(supply.id)}
                  />
                  <QuietButton
                    label={t("supplies.remove")}
                    onClick={() => void remove(supply.id, remaining)}
                  />
                </span>
              </WhenCanRecord>
              {counting === supply.id && (
                <Recount
                  supplyId={supply.id}
                  unit={supply.unit}
                  remaining={remaining}
                  onDone={() => setCounting(null)}
                />
              )}
            </li>
          ))}
      </ul>
    </li>
  );
}

/** What is really left of one supply, counted by hand: `SupplyCounted`. */
function Recount({
  supplyId,
  unit,
  remaining,
  onDone,
}: {
  supplyId: string;
  unit: DoseUnit;
  remaining: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<"remaining">();
  const [left, setLeft] = useState(remaining);

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await form.record("SupplyCounted", {
      supplyId,
      remaining: left,
      countedAt: nowZoned(deviceZone()),
    });
    if (r.ok) onDone();
  }

  return (
    <InlineForm form={form} label={t("supplies.recount.save")} onSubmit={save} primary>
      <NumberField
        {...form.field("remaining")}
        label={`${t("supplies.recount.amount")} (${t(`unit.${unit}`)})`}
        min="0"
        value={left}
        onChange={setLeft}
      />
    </InlineForm>
  );
}

type Kind = (typeof packageKinds)[number];
type SupplyField = "quantity" | "count" | "expiry";

function AddSupply() {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<SupplyField>({ from: { packages: "count" } });
  // Medicines in the person's plans first, then the catalogue.
  const options = useMemo(() => {
    const planned = new Map<
      string,
      { key: string; name: string; catalogueId?: string | undefined }
    >();
    for (const p of state.planItems.values()) {
      if (p.retracted) continue;
      const key = p.medication.catalogueId ?? `name:${p.medication.name}`;
      planned.set(key, { key, name: p.medication.name, catalogueId: p.medication.catalogueId });
    }
    for (const m of medicationCatalogue) {
      if (!planned.has(m.id)) planned.set(m.id, { key: m.id, name: m.generic, catalogueId: m.id });
    }
    return [...planned.values()];
  }, [state.planItems]);
  const [choice, setChoice] = useState(options[0]?.key ?? "");
  const chosen = options.find((o) => o.key === choice);
  const units = unitsFor(chosen?.catalogueId);
  const [total, setTotal] = useState<{ value: number; unit: DoseUnit }>({
    value: Number.NaN,
    unit: units[0]!,
  });
  const [count, setCount] = useState(1);
  const [kind, setKind] = useState<Kind>("pen");
  const [expiry, setExpiry] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    if (form.fail({ quantity: Number.isNaN(total.value) ? t("form.required") : undefined })) return;
    const r = await form.record("SupplyAdded", {
      supplyId: form.newId(),
      medication: {
        ...(chosen.catalogueId && { catalogueId: chosen.catalogueId }),
        name: chosen.name,
      },
      quantity: total.value,
      unit: units.includes(total.unit) ? total.unit : units[0]!,
      packages: { count, kind },
      ...(expiry && { expiry }),
      addedOn: todayIso(deviceZone()),
    });
    if (!r.ok) return;
    setTotal((d) => ({ ...d, value: Number.NaN }));
    setExpiry("");
    toast.show(t("supplies.saved"));
  }

  return (
    <form className="card stack-tight" onSubmit={save} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t("supplies.add")}</h2>
      <SelectField
        id={`${id}-med`}
        label={t("supplies.medicine")}
        options={options.map((o) => ({ value: o.key, label: o.name }))}
        value={choice}
        onChange={setChoice}
      />
      <DoseInputs
        {...form.field("quantity")}
        label={t("supplies.quantity")}
        also={[`${id}-qty-hint`]}
        dose={total}
        units={units}
        onChange={setTotal}
      />
      <p className="hint" id={`${id}-qty-hint`}>
        {t("supplies.quantity.hint")}
      </p>
      <div className="grid-2">
        <NumberField
          {...form.field("count")}
          label={t("supplies.count")}
          min="1"
          step="1"
          value={count}
          onChange={(n) => setCount(Math.trunc(n))}
        />
        <SelectField
          id={`${id}-kind`}
          label={t("supplies.kind")}
          options={packageKinds.map((k) => ({ value: k, label: t(`supplies.kind.${k}`) }))}
          value={kind}
          onChange={setKind}
        />
      </div>
      <DateField
        {...form.bind("expiry", expiry, setExpiry)}
        label={t("supplies.expiry")}
        hint={t("supplies.expiry.hint")}
      />
      <FormButtons form={form} label={t("supplies.save")} />
    </form>
  );
}
