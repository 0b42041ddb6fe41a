import {
  catalogueMedicine,
  type DoseUnit,
  doseUnits,
  inventory,
  type MedicineStock,
  medicationCatalogue,
  packageKinds,
} from "@trellis/domain";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { deviceZone, nowZoned, todayIso } from "../../app/time.ts";
import { useNow } from "../../app/use-now.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

type Kind = (typeof packageKinds)[number];

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
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [counting, setCounting] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  const [error, setError] = useState<string | null>(null);

  async function saveCount(e: FormEvent, supplyId: string) {
    e.preventDefault();
    const r = await client.record("SupplyCounted", {
      supplyId,
      remaining: left,
      countedAt: nowZoned(deviceZone()),
    });
    if (!r.ok) return setError(notSaved(i18n, r.error));
    setCounting(null);
    setError(null);
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
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => {
                      setLeft(remaining);
                      setCounting(supply.id);
                    }}
                  >
                    {t("supplies.recount")}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() =>
                      void client
                        .record("SupplyRemoved", {
                          supplyId: supply.id,
                          reason: remaining > 0 ? "discarded" : "used-up",
                        })
                        .then((r) => r.ok && toast.show(t("supplies.removed")))
                    }
                  >
                    {t("supplies.remove")}
                  </button>
                </span>
              </WhenCanRecord>
              {counting === supply.id && (
                <form
                  className="row align-end"
                  onSubmit={(e) => saveCount(e, supply.id)}
                  noValidate
                >
                  <div className="field">
                    <label
                      htmlFor={`${id}-left`}
                    >{`${t("supplies.recount.amount")} (${t(`unit.${supply.unit}`)})`}</label>
                    <input
                      id={`${id}-left`}
                      type="number"
                      inputMode="decimal"
                      min="0"
                      step="any"
                      value={Number.isNaN(left) ? "" : left}
                      onChange={(e) => setLeft(e.target.valueAsNumber)}
                    />
                  </div>
                  <button type="submit" className="button button-primary">
                    {t("supplies.recount.save")}
                  </button>
                </form>
              )}
            </li>
          ))}
      </ul>
      <FormError>{error}</FormError>
    </li>
  );
}

function AddSupply() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
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
  const known = chosen?.catalogueId ? catalogueMedicine(chosen.catalogueId) : undefined;
  const units: readonly DoseUnit[] = known ? known.units : doseUnits;
  const [quantity, setQuantity] = useState(Number.NaN);
  const [unit, setUnit] = useState<DoseUnit>(units[0]!);
  const [count, setCount] = useState(1);
  const [kind, setKind] = useState<Kind>("pen");
  const [expiry, setExpiry] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    const r = await client.record("SupplyAdded", {
      supplyId: client.newId(),
      medication: {
        ...(chosen.catalogueId && { catalogueId: chosen.catalogueId }),
        name: chosen.name,
      },
      quantity,
      unit: units.includes(unit) ? unit : units[0]!,
      packages: { count, kind },
      ...(expiry && { expiry }),
      addedOn: todayIso(deviceZone()),
    });
    if (!r.ok) {
      setError(
        r.error.field === "payload.quantity" && Number.isNaN(quantity)
          ? t("form.required")
          : notSaved(i18n, r.error),
      );
      return;
    }
    setError(null);
    setQuantity(Number.NaN);
    setExpiry("");
    toast.show(t("supplies.saved"));
  }

  return (
    <form className="card stack-tight" onSubmit={save} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t("supplies.add")}</h2>
      <div className="field">
        <label htmlFor={`${id}-med`}>{t("supplies.medicine")}</label>
        <select id={`${id}-med`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t("supplies.quantity")}</label>
          <input
            id={`${id}-qty`}
            type="number"
            inputMode="decimal"
            min="0"
            step="any"
            value={Number.isNaN(quantity) ? "" : quantity}
            aria-describedby={`${id}-qty-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setQuantity(e.target.valueAsNumber)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t("plan.unit")}</label>
          <select
            id={`${id}-unit`}
            value={units.includes(unit) ? unit : units[0]}
            onChange={(e) => setUnit(e.target.value as DoseUnit)}
          >
            {units.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" id={`${id}-qty-hint`}>
        {t("supplies.quantity.hint")}
      </p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-count`}>{t("supplies.count")}</label>
          <input
            id={`${id}-count`}
            type="number"
            inputMode="numeric"
            min="1"
            step="1"
            value={count}
            onChange={(e) => setCount(Math.trunc(e.target.valueAsNumber))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("supplies.kind")}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {packageKinds.map((k) => (
              <option key={k} value={k}>
                {t(`supplies.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-expiry`}>{t("supplies.expiry")}</label>
        <p className="hint" id={`${id}-expiry-hint`}>
          {t("supplies.expiry.hint")}
        </p>
        <input
          id={`${id}-expiry`}
          type="date"
          value={expiry}
          aria-describedby={`${id}-expiry-hint`}
          onChange={(e) => setExpiry(e.target.value)}
        />
      </div>
      <FormError>{error}</FormError>
      <div>
        <button type="submit" className="button button-primary">
          {t("supplies.save")}
        </button>
      </div>
    </form>
  );
}
