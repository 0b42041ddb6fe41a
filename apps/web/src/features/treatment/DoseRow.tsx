import {
  type DayDose,
  type DoseUnit,
  type InjectionSite,
  sitesFor,
  suggestSite,
  Temporal,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, nowZoned } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { PillGroup } from "../../components/forms/PillGroup.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";

/**
 * One planned dose on Today: what, when, and a one-tap "Taken" with undo;
 * "More" for the rest. A viewer sees what and when, and "More" only to read
 * what was logged.
 */
export function DoseRow({ dose }: { dose: DayDose }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  const zone = deviceZone();
  const [open, setOpen] = useState(false);
  const sites = sitesFor(dose.route);
  const suggested = suggestSite(state, dose.route);
  const time = i18n.time(dose.epochMs, zone);
  const name = dose.medicationName;
  const logged = dose.log !== null;

  async function log(details: {
    status: "taken" | "partial" | "skipped";
    takenAt?: string;
    amount?: { value: number; unit: DoseUnit };
    site?: InjectionSite | null;
    note?: string;
  }) {
    const r = await client.record("DoseLogged", {
      doseId: client.newId(),
      planItemId: dose.planItemId,
      slot: { date: dose.date, time: dose.time },
      takenAt: details.takenAt ?? nowZoned(zone),
      status: details.status,
      ...(details.status !== "skipped" && { amount: details.amount ?? dose.dose }),
      ...(details.site && { site: details.site }),
      ...(details.note?.trim() && { note: details.note.trim() }),
    });
    if (!r.ok) return refusalText(i18n, r.error);
    const doseId = r.value.payload.doseId;
    const at = i18n.time(
      Temporal.ZonedDateTime.from(r.value.payload.takenAt).epochMilliseconds,
      zone,
    );
    toast.show(
      details.status === "skipped"
        ? t("doses.loggedSkipped", { name })
        : t("doses.logged", { name, time: at }),
      {
        label: t("doses.undo"),
        run: () => {
          void client
            .record("DoseLogRetracted", { doseId })
            .then((u) => u.ok && toast.show(t("doses.undone")));
        },
      },
    );
    setOpen(false);
    return null;
  }

  const statusText = (() => {
    if (dose.log && dose.status !== "skipped") {
      const at = i18n.time(Temporal.ZonedDateTime.from(dose.log.takenAt).epochMilliseconds, zone);
      return t(`doses.status.${dose.status as "taken" | "partial"}`, { time: at });
    }
    if (dose.status === "skipped") return t("doses.status.skipped");
    return t(`doses.status.${dose.status as "upcoming" | "due" | "overdue"}`, { time });
  })();

  const exact = dose.timeCritical
    ? dose.keepsInstant
      ? t("doses.exactTime.travel", {
          home: state.journey!.homeZone.split("/").pop()!.replaceAll("_", " "),
          homeTime: i18n.time(dose.epochMs, state.journey!.homeZone),
        })
      : t("doses.exactTime")
    : null;

  return (
    <li className={`card dose dose-${dose.status}`}>
      <div className="dose-main">
        <div className="dose-text">
          <p className="dose-name">{name}</p>
          <p className="dose-detail">
            {i18n.dose(dose.log?.amount ?? dose.dose)}
            {exact && <span className="badge">{exact}</span>}
          </p>
          <p className="dose-status">{statusText}</p>
        </div>
        {!logged && canRecord && (
          <button
            type="button"
            className="button button-primary dose-tap"
            aria-label={t("doses.logTaken.label", { name, dose: i18n.dose(dose.dose) })}
            onClick={() =>
              void log({ status: "taken", site: suggested }).then((problem) => {
                if (problem) toast.show(t("form.problem", { message: problem }));
              })
            }
          >
            {t("doses.logTaken")}
          </button>
        )}
      </div>
      {(logged || canRecord) && (
        <div className="row">
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open}
            aria-controls={`${id}-more`}
            aria-label={t("doses.more.label", { name, time })}
            onClick={() => setOpen((o) => !o)}
          >
            {t("doses.more")}
          </button>
          {dose.log && canRecord && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void client.record("DoseLogRetracted", { doseId: dose.log!.id })}
            >
              {t("doses.undoLog")}
            </button>
          )}
        </div>
      )}
      {open && !logged && canRecord && (
        <DoseForm
          id={`${id}-more`}
          name={name}
          planned={dose.dose}
          sites={sites}
          suggested={suggested}
          onSave={log}
          onCancel={() => setOpen(false)}
        />
      )}
      {open && logged && dose.log && (
        <div id={`${id}-more`} className="small muted">
          {dose.log.site && <p>{`${t("doses.site")}: ${t(`site.${dose.log.site}`)}`}</p>}
          {dose.log.note && <p>{dose.log.note}</p>}
        </div>
      )}
    </li>
  );
}

function DoseForm({
  id,
  name,
  planned,
  sites,
  suggested,
  onSave,
  onCancel,
}: {
  id: string;
  name: string;
  planned: { value: number; unit: DoseUnit };
  sites: readonly InjectionSite[];
  suggested: InjectionSite | null;
  onSave: (d: {
    status: "taken" | "partial" | "skipped";
    takenAt: string;
    amount?: { value: number; unit: DoseUnit };
    site?: InjectionSite | null;
    note?: string;
  }) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const zone = deviceZone();
  const now = Temporal.Now.zonedDateTimeISO(zone);
  const [status, setStatus] = useState<"taken" | "partial" | "skipped">("taken");
  const [time, setTime] = useState(now.toPlainTime().toString({ smallestUnit: "minute" }));
  const [amount, setAmount] = useState(planned.value);
  const [site, setSite] = useState<InjectionSite | "">(suggested ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const takenAt = now
      .withPlainTime(Temporal.PlainTime.from(time))
      .toString({ smallestUnit: "second" });
    const problem = await onSave({
      status,
      takenAt,
      ...(status !== "skipped" && { amount: { value: amount, unit: planned.unit } }),
      site: status === "skipped" ? null : site || null,
      note,
    });
    setError(problem ? t("form.problem", { message: problem }) : null);
  }

  return (
    <form
      id={id}
      className="stack-tight dose-form"
      onSubmit={submit}
      aria-label={t("doses.form.title", { name })}
      noValidate
    >
      <PillGroup
        legend={t("doses.form.status")}
        name="dose-status"
        options={(["taken", "partial", "skipped"] as const).map((s) => ({
          value: s,
          label: t(`doses.form.status.${s}`),
        }))}
        value={status}
        onChange={setStatus}
      />
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-time`}>{t("doses.form.takenAt")}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        {status !== "skipped" && (
          <div className="field">
            <label
              htmlFor={`${id}-amount`}
            >{`${t("doses.form.amount")} (${t(`unit.${planned.unit}`)})`}</label>
            <input
              id={`${id}-amount`}
              type="number"
              inputMode="decimal"
              step="any"
              min="0"
              value={Number.isNaN(amount) ? "" : amount}
              onChange={(e) => setAmount(e.target.valueAsNumber)}
            />
          </div>
        )}
      </div>
      {status !== "skipped" && sites.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-site`}>{t("doses.site")}</label>
          {suggested && (
            <p className="hint" id={`${id}-site-hint`}>
              {t("doses.site.suggested", { site: t(`site.${suggested}`) })}
            </p>
          )}
          <select
            id={`${id}-site`}
            value={site}
            aria-describedby={suggested ? `${id}-site-hint` : undefined}
            onChange={(e) => setSite(e.target.value as InjectionSite | "")}
          >
            <option value="">—</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {t(`site.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("doses.form.note")}</label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormError>{error}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary">
          {t("doses.form.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
