import {
  type Appointment,
  appointmentKinds,
  appointments,
  type Cycle,
  cycleDay,
  Temporal,
} from "@trellis/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { epochMsOf, todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { ConfirmDialog } from "../../components/forms/ConfirmDialog.tsx";
import { placeProblem } from "../../components/forms/parse.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";
import { dayKind } from "./days.ts";

type Kind = (typeof appointmentKinds)[number];

/** Upcoming visits of this cycle (from an hour ago, so one in progress stays), an add form, and cancel. */
export function Appointments({ cycle, zone }: { cycle: Cycle; zone: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const upcoming = appointments(state, {
    cycleId: cycle.id,
    fromMs: Temporal.Now.instant().epochMilliseconds - 60 * 60_000,
  });
  const kind = dayKind(cycle);
  const describe = (a: Appointment, form: "list" | "inline" = "list") => {
    const when = dateTime(epochMsOf(a.at), zone);
    const day = cycleDay(cycle, a.at.slice(0, 10));
    return t(form === "list" ? "monitoring.listDay" : "monitoring.inlineDay", { kind, day, when });
  };

  async function cancel(a: Appointment) {
    const r = await client.record("AppointmentCancelled", { appointmentId: a.id });
    toast.show(r.ok ? t("monitoring.appointment.cancelled") : notSaved(i18n, r.error));
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("monitoring.appointments.title")}</h2>
      {upcoming.length === 0 ? (
        <p className="muted">{t("monitoring.appointments.empty")}</p>
      ) : (
        <ul className="records">
          {upcoming.map((a) => (
            <li key={a.id} className="record">
              <p className="record-value">{t(`monitoring.kind.${a.kind}`)}</p>
              <p className="record-when">{describe(a)}</p>
              {a.place && <p className="small">{a.place}</p>}
              <WhenCanRecord>
                <div className="record-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t("monitoring.appointment.cancelLabel", {
                      what: t(`monitoring.kind.${a.kind}`),
                      when: describe(a, "inline"),
                    })}
                    onClick={() => setCancelling(a)}
                  >
                    {t("monitoring.appointment.cancel")}
                  </button>
                </div>
              </WhenCanRecord>
            </li>
          ))}
        </ul>
      )}
      <WhenCanRecord>
        <AddDisclosure label={t("monitoring.appointment.add")}>
          {(close) => <AppointmentForm cycleId={cycle.id} zone={zone} onDone={close} />}
        </AddDisclosure>
      </WhenCanRecord>
      <ConfirmDialog
        open={cancelling !== null}
        title={t("monitoring.appointment.cancelTitle")}
        body={
          cancelling
            ? t("monitoring.appointment.cancelBody", {
                what: t(`monitoring.kind.${cancelling.kind}`),
                when: describe(cancelling, "inline"),
              })
            : ""
        }
        confirmLabel={t("monitoring.appointment.cancelConfirm")}
        cancelLabel={t("monitoring.keep")}
        onConfirm={() => cancelling && void cancel(cancelling)}
        onClose={() => setCancelling(null)}
      />
    </section>
  );
}

type Errors = Partial<Record<"date" | "time" | "place" | "form", string>>;

function AppointmentForm({
  cycleId,
  zone,
  onDone,
}: {
  cycleId: string;
  zone: string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [kind, setKind] = useState<Kind>("scan");
  const [date, setDate] = useState(() => todayIso(zone));
  const [time, setTime] = useState("");
  const [place, setPlace] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  const timeInput = useRef<HTMLInputElement>(null);
  const placeInput = useRef<HTMLInputElement>(null);

  function fail(next: Errors) {
    setErrors(next);
    if (next.date) dateInput.current?.focus();
    else if (next.time) timeInput.current?.focus();
    else if (next.place) placeInput.current?.focus();
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t("form.required");
    if (!/^\d{2}:\d{2}$/.test(time)) found.time = t("monitoring.appointment.timeNeeded");
    let at: string | null = null;
    if (!found.date && !found.time) {
      try {
        at = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).toString();
      } catch {
        found.date = t("form.required");
      }
    }
    if (!at) {
      fail(found);
      return;
    }
    setBusy(true);
    const r = await client.record("AppointmentScheduled", {
      appointmentId: client.newId(),
      cycleId,
      at,
      kind,
      ...(place.trim() && { place: place.trim() }),
    });
    setBusy(false);
    if (r.ok) {
      toast.show(t("monitoring.appointment.saved"));
      onDone();
      return;
    }
    const placed = placeProblem(i18n, r.error);
    if (placed.field === "place") fail({ place: t("form.problem", { message: placed.text }) });
    else fail({ form: notSaved(i18n, r.error) });
  }

  const err = (name: keyof Errors) =>
    errors[name] && (
      <p className="error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    );

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("monitoring.appointment.formTitle")}</h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t("monitoring.appointment.kind")}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {appointmentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`monitoring.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-pair">
        <div className={`field${errors.date ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-date`}>{t("monitoring.appointment.date")}</label>
          <input
            id={`${id}-date`}
            ref={dateInput}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? `${id}-date-error` : undefined}
          />
          {err("date")}
        </div>
        <div className={`field${errors.time ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-time`}>{t("monitoring.appointment.time")}</label>
          <input
            id={`${id}-time`}
            ref={timeInput}
            type="time"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? `${id}-time-error` : undefined}
          />
          {err("time")}
        </div>
      </div>
      <div className={`field${errors.place ? " field-invalid" : ""}`}>
        <label htmlFor={`${id}-place`}>{t("monitoring.appointment.place")}</label>
        <p className="hint" id={`${id}-place-hint`}>
          {t("monitoring.appointment.place.hint")}
        </p>
        <input
          id={`${id}-place`}
          ref={placeInput}
          maxLength={200}
          autoComplete="off"
          value={place}
          onChange={(e) => setPlace(e.target.value)}
          aria-invalid={errors.place ? true : undefined}
          aria-describedby={
            errors.place ? `${id}-place-hint ${id}-place-error` : `${id}-place-hint`
          }
        />
        {err("place")}
      </div>
      <FormError>{errors.form}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : t("monitoring.appointment.save")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
