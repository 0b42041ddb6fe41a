import {
  type DayDose,
  type DoseUnit,
  type InjectionSite,
  sitesFor,
  suggestSite,
  Temporal,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, nowZoned } from "../../app/time.ts";
import {
  type Form,
  FormButtons,
  NumberField,
  PillGroup,
  QuietButton,
  SelectField,
  TextField,
  TimeField,
  useForm,
} from "../../components/forms/index.ts";
import { LoggedBy } from "../../components/LoggedBy.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Status = "taken" | "partial" | "skipped";

/** What the person says about a dose: how it went, when, how much, where, and a note. */
interface DoseDetails {
  status: Status;
  takenAt?: string;
  amount?: { value: number; unit: DoseUnit };
  site?: InjectionSite | null;
  note?: string;
}

/** Records a dose through `form` (the row's one tap, or the "More" form); true once it is saved. */
type LogDose = (form: Pick<Form<string>, "record">, details: DoseDetails) => Promise<boolean>;

/**
 * One planned dose on Today: what, when, and a one-tap "Taken" with undo;
 * "More" for the rest. A viewer sees what and when, and "More" only to read
 * what was logged.
 */
export function DoseRow({ dose }: { dose: DayDose }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  // The one tap and undo have no form around them: a refusal is said in a toast.
  const tap = useForm({ formLine: "toast" });
  const zone = deviceZone();
  const [open, setOpen] = useState(false);
  const sites = sitesFor(dose.route);
  const suggested = suggestSite(state, dose.route);
  const time = i18n.time(dose.epochMs, zone);
  const name = dose.medicationName;
  const logged = dose.log !== null;

  const log: LogDose = async (form, details) => {
    const r = await form.record("DoseLogged", {
      doseId: tap.newId(),
      planItemId: dose.planItemId,
      slot: { date: dose.date, time: dose.time },
      takenAt: details.takenAt ?? nowZoned(zone),
      status: details.status,
      ...(details.status !== "skipped" && { amount: details.amount ?? dose.dose }),
      ...(details.site && { site: details.site }),
      ...(details.note?.trim() && { note: details.note.trim() }),
    });
    if (!r.ok) return false;
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
          void tap
            .record("DoseLogRetracted", { doseId })
            .then((u) => u.ok && toast.show(t("doses.undone")));
        },
      },
    );
    setOpen(false);
    return true;
  };

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
          <p className="dose-status">
            {statusText}
            {dose.log && <LoggedBy eventId={dose.log.eventId} />}
          </p>
        </div>
        {!logged && canRecord && (
          <button
            type="button"
            className="button button-primary dose-tap"
            aria-label={t("doses.logTaken.label", { name, dose: i18n.dose(dose.dose) })}
            onClick={() => void log(tap, { status: "taken", site: suggested })}
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
            <QuietButton
              label={t("doses.undoLog")}
              onClick={() => void tap.record("DoseLogRetracted", { doseId: dose.log!.id })}
            />
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

type DoseField = "time" | "amount" | "site" | "note";

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
  onSave: LogDose;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<DoseField>({ from: { takenAt: "time" } });
  const zone = deviceZone();
  const now = Temporal.Now.zonedDateTimeISO(zone);
  const [status, setStatus] = useState<Status>("taken");
  const [time, setTime] = useState(now.toPlainTime().toString({ smallestUnit: "minute" }));
  const [amount, setAmount] = useState(planned.value);
  const [site, setSite] = useState<InjectionSite | "">(suggested ?? "");
  const [note, setNote] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ time: time ? undefined : t("form.required") })) return;
    const takenAt = now
      .withPlainTime(Temporal.PlainTime.from(time))
      .toString({ smallestUnit: "second" });
    await onSave(form, {
      status,
      takenAt,
      ...(status !== "skipped" && { amount: { value: amount, unit: planned.unit } }),
      site: status === "skipped" ? null : site || null,
      note,
    });
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
        <TimeField
          {...form.field("time")}
          label={t("doses.form.takenAt")}
          value={time}
          onChange={setTime}
        />
        {status !== "skipped" && (
          <NumberField
            {...form.field("amount")}
            label={`${t("doses.form.amount")} (${t(`unit.${planned.unit}`)})`}
            min="0"
            value={amount}
            onChange={setAmount}
          />
        )}
      </div>
      {status !== "skipped" && sites.length > 0 && (
        <SelectField
          {...form.field("site")}
          label={t("doses.site")}
          hint={suggested ? t("doses.site.suggested", { site: t(`site.${suggested}`) }) : undefined}
          options={[
            { value: "" as const, label: "—" },
            ...sites.map((s) => ({ value: s, label: t(`site.${s}`) })),
          ]}
          value={site}
          onChange={setSite}
        />
      )}
      <TextField
        {...form.bind("note", note, setNote)}
        label={t("doses.form.note")}
        maxLength={500}
      />
      <FormButtons form={form} label={t("doses.form.save")} onCancel={onCancel} />
    </form>
  );
}
