import {
  cycleList,
  pathList,
  type TransferProtocol,
  transferableEmbryos,
  transferProtocols,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { Link, useLocation } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { DateField, TextField } from "../../components/forms/inputs.tsx";
import { PillGroup } from "../../components/forms/PillGroup.tsx";
import { parseDecimal } from "../../components/forms/parse.ts";
import { Page } from "../../components/Page.tsx";
import { RecordingScreen } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";
import { embryoShort, statusLine } from "../embryology/index.ts";

type Errors = Record<string, string>;

/**
 * A transfer from the bank: which embryos, the day, who carries the
 * pregnancy (the person or a gestational carrier), the kind of cycle and the
 * lining. A day still to come is saved as planned; a day today or past as done.
 */
export function NewTransfer() {
  const { t } = useI18n();
  return (
    <RecordingScreen title={t("transfers.new.title")}>
      <NewTransferForm />
    </RecordingScreen>
  );
}

function NewTransferForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const [, navigate] = useLocation();
  const id = useId();
  const zone = state.journey!.homeZone;
  const today = todayIso(zone);
  const available = transferableEmbryos(state);
  const carriers = pathList(state).filter((p) => p.kind === "gestational-carrier");
  const cycles = cycleList(state);
  const [chosen, setChosen] = useState<string[]>(
    available.length === 1 ? [available[0]!.embryo.id] : [],
  );
  const [date, setDate] = useState(today);
  const [recipient, setRecipient] = useState<"self" | "carrier">("self");
  const [carrierName, setCarrierName] = useState(carriers[0]?.name ?? "");
  const [pathId, setPathId] = useState(carriers[0]?.id ?? "");
  const [protocol, setProtocol] = useState<TransferProtocol | "">("");
  const [cycleId, setCycleId] = useState("");
  const [lining, setLining] = useState("");
  const [clinic, setClinic] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const planned = date > today;

  if (available.length === 0) {
    return (
      <Page title={t("transfers.new.title")}>
        <section className="card empty">
          <p>{t("transfers.empty.noEmbryos")}</p>
          <Link className="button" href={routes.embryos.bank}>
            {t("embryos.title")}
          </Link>
        </section>
      </Page>
    );
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (chosen.length === 0) found.embryoIds = t("transfers.new.noneChosen");
    if (!date) found.date = t("form.required");
    if (recipient === "carrier" && !carrierName.trim()) found.carrierName = t("form.required");
    const liningMm = parseDecimal(lining);
    if (liningMm !== null && Number.isNaN(liningMm)) found.lining = t("beta.form.notANumber");
    if (Object.keys(found).length > 0) return setErrors(found);
    const transferId = client.newId();
    const details = {
      transferId,
      embryoIds: chosen,
      recipient:
        recipient === "self"
          ? ({ kind: "self" } as const)
          : ({ kind: "carrier", name: carrierName.trim(), ...(pathId && { pathId }) } as const),
      ...(protocol && { protocol }),
      ...(cycleId && { cycleId }),
      ...(clinic.trim() && { clinic: clinic.trim() }),
      ...(note.trim() && { note: note.trim() }),
    };
    setBusy(true);
    const r = planned
      ? await client.record("TransferPlanned", { ...details, plannedOn: date })
      : await client.record("TransferRecorded", {
          ...details,
          transferredOn: date,
          ...(liningMm !== null && { liningMm }),
        });
    setBusy(false);
    if (!r.ok) {
      const f = fieldOf(r.error);
      const key = f.startsWith("embryoIds")
        ? "embryoIds"
        : f === "liningMm"
          ? "lining"
          : f.startsWith("recipient")
            ? "carrierName"
            : "form";
      return setErrors({ [key]: refusalText(i18n, r.error) });
    }
    toast.show(t(planned ? "transfers.new.savedPlanned" : "transfers.new.saved"));
    navigate(routes.transfers.detail(transferId));
  }

  return (
    <Page title={t("transfers.new.title")}>
      <form className="card stack" onSubmit={save} noValidate>
        <fieldset
          className="stack-tight"
          aria-describedby={`${id}-embryos-hint${errors.embryoIds ? ` ${id}-embryos-error` : ""}`}
        >
          <legend>{t("transfers.new.embryos")}</legend>
          <p className="hint" id={`${id}-embryos-hint`}>
            {t("transfers.new.embryos.hint")}
          </p>
          {available.map(({ embryo }) => (
            <label
              key={embryo.id}
              className={`choice${chosen.includes(embryo.id) ? " choice-on" : ""}`}
            >
              <input
                type="checkbox"
                checked={chosen.includes(embryo.id)}
                onChange={(e) => {
                  const next = e.target.checked
                    ? [...chosen, embryo.id]
                    : chosen.filter((x) => x !== embryo.id);
                  setChosen(next);
                  const all = available.filter((a) => next.includes(a.embryo.id));
                  if (
                    !protocol &&
                    all.length > 0 &&
                    all.every((a) => a.embryo.status === "in-culture" && !a.embryo.everFrozen)
                  )
                    setProtocol("fresh");
                }}
              />
              <span>
                <span className="choice-title">{embryoShort(i18n, embryo)}</span>
                <span className="choice-body">{statusLine(i18n, state, embryo)}</span>
              </span>
            </label>
          ))}
          {errors.embryoIds && (
            <p className="error" id={`${id}-embryos-error`}>
              {errors.embryoIds}
            </p>
          )}
        </fieldset>
        <DateField
          id={`${id}-date`}
          label={t("transfers.new.date")}
          hint={t("transfers.new.date.hint")}
          value={date}
          onChange={setDate}
          error={errors.date}
        />
        <PillGroup
          legend={t("transfers.new.recipient")}
          name={`${id}-recipient`}
          options={[
            { value: "self" as const, label: t("transfers.new.recipient.self") },
            { value: "carrier" as const, label: t("transfers.new.recipient.carrier") },
          ]}
          value={recipient}
          onChange={setRecipient}
        />
        {recipient === "carrier" && (
          <>
            <TextField
              id={`${id}-carrier`}
              label={t("transfers.new.carrierName")}
              value={carrierName}
              onChange={setCarrierName}
              error={errors.carrierName}
            />
            {carriers.length > 0 && (
              <div className="field">
                <label htmlFor={`${id}-path`}>{t("transfers.new.carrierPath")}</label>
                <select
                  id={`${id}-path`}
                  value={pathId}
                  onChange={(e) => {
                    setPathId(e.target.value);
                    const p = carriers.find((c) => c.id === e.target.value);
                    if (p) setCarrierName(p.name);
                  }}
                >
                  <option value="">{t("transfers.new.carrierPath.none")}</option>
                  {carriers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </>
        )}
        <PillGroup
          legend={t("transfers.new.protocol")}
          name={`${id}-protocol`}
          options={transferProtocols.map((p) => ({
            value: p,
            label: t(`transfers.new.protocol.${p}`),
          }))}
          value={protocol || undefined}
          onChange={setProtocol}
        />
        {cycles.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-cycle`}>{t("transfers.new.cycle")}</label>
            <select id={`${id}-cycle`} value={cycleId} onChange={(e) => setCycleId(e.target.value)}>
              <option value="">{t("transfers.new.cycle.none")}</option>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.protocolName} ({c.startDate})
                </option>
              ))}
            </select>
          </div>
        )}
        {!planned && (
          <TextField
            id={`${id}-lining`}
            label={t("transfers.new.lining")}
            hint={t("transfers.new.lining.hint")}
            value={lining}
            onChange={setLining}
            error={errors.lining}
            inputMode="decimal"
          />
        )}
        <TextField
          id={`${id}-clinic`}
          label={t("transfers.new.clinic")}
          value={clinic}
          onChange={setClinic}
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("transfers.new.note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <FormError>{errors.form}</FormError>
        <div className="sticky-action">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy
              ? t("form.saving")
              : t(planned ? "transfers.new.savePlanned" : "transfers.new.save")}
          </button>
        </div>
      </form>
    </Page>
  );
}
