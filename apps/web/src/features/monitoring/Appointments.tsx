import {
  type Appointment,
  appointmentKinds,
  appointments,
  type Cycle,
  cycleDay,
  Temporal,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { epochMsOf, todayIso } from "../../app/time.ts";
import {
  AddDisclosure,
  ConfirmDialog,
  DateField,
  Field,
  FormButtons,
  QuietButton,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CycleFormProps } from "./add-form.ts";
import { dayKind } from "./days.ts";

type Kind = (typeof appointmentKinds)[number];

/** Upcoming visits of this cycle (from an hour ago, so one in progress stays), an add form, and cancel. */
export function Appointments({ cycle, zone }: { cycle: Cycle; zone: string }) {
  const { t, dateTime } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const action = useForm({ formLine: "toast" });
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
    const r = await action.record("AppointmentCancelled", { appointmentId: a.id });
    if (r.ok) toast.show(t("monitoring.appointment.cancelled"));
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
                  <QuietButton
                    label={t("monitoring.appointment.cancel")}
                    spoken={t("monitoring.appointment.cancelLabel", {
                      what: t(`monitoring.kind.${a.kind}`),
                      when: describe(a, "inline"),
                    })}
                    onClick={() => setCancelling(a)}
                  />
                </div>
              </WhenCanRecord>
            </li>
          ))}
        </ul>
      )}
      <AddDisclosure label={t("monitoring.appointment.add")}>
        {(close) => <AppointmentForm cycleId={cycle.id} zone={zone} onDone={close} />}
      </AddDisclosure>
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

function AppointmentForm({ cycleId, zone, onDone }: CycleFormProps) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const form = useForm<"date" | "time" | "place">();
  const [kind, setKind] = useState<Kind>("scan");
  const [date, setDate] = useState(() => todayIso(zone));
  const [time, setTime] = useState("");
  const [place, setPlace] = useState("");

  /** The visit as an instant in the person's zone, or null when the day or time can't be read. */
  function instant(): string | null {
    try {
      return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).toString();
    } catch {
      return null;
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(date);
    const timed = /^\d{2}:\d{2}$/.test(time);
    const at = dated && timed ? instant() : null;
    const found = {
      date: !dated || (timed && !at) ? t("form.required") : undefined,
      time: timed ? undefined : t("monitoring.appointment.timeNeeded"),
    };
    if (form.fail(found) || !at) return;
    const r = await form.record("AppointmentScheduled", {
      appointmentId: form.newId(),
      cycleId,
      at,
      kind,
      ...(place.trim() && { place: place.trim() }),
    });
    if (r.ok) {
      toast.show(t("monitoring.appointment.saved"));
      onDone();
    }
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("monitoring.appointment.formTitle")}</h3>
      <SelectField
        id={`${id}-kind`}
        label={t("monitoring.appointment.kind")}
        options={appointmentKinds.map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) }))}
        value={kind}
        onChange={setKind}
      />
      <div className="form-pair">
        <DateField {...form.bind("date", date, setDate)} label={t("monitoring.appointment.date")} />
        <Field {...form.field("time")} label={t("monitoring.appointment.time")}>
          {(input) => (
            <input {...input} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          )}
        </Field>
      </div>
      <TextField
        {...form.bind("place", place, setPlace)}
        label={t("monitoring.appointment.place")}
        hint={t("monitoring.appointment.place.hint")}
        maxLength={200}
      />
      <FormButtons form={form} label={t("monitoring.appointment.save")} onCancel={onDone} />
    </form>
  );
}
