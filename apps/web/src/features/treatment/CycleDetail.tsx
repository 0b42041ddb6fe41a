import { cycleClinicName } from "@trellis/domain";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link } from "wouter";
import { downloadCalendar } from "../../app/calendar-export.ts";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { cycleDayLabel } from "../../app/format.ts";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { PillGroup } from "../../components/forms/PillGroup.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";
import { CycleClinic } from "./CycleClinic.tsx";
import { PlanList } from "./PlanList.tsx";
import { TriggerCard } from "./TriggerCard.tsx";

export function CycleDetail({ cycleId, children }: { cycleId: string; children?: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) {
    return (
      <Page title={t("cycle.title")}>
        <p className="card empty">{t("cycle.notFound")}</p>
      </Page>
    );
  }
  const today = todayIso(cycle.zone);
  const dayLabel = cycle.status === "active" ? cycleDayLabel(i18n, cycle, today) : null;
  const subtitle = [
    t(`cycle.type.${cycle.cycleType}`),
    dayLabel ??
      (cycle.status === "active"
        ? t("cycle.dayBefore", { date: i18n.day(cycle.startDate) })
        : null),
    cycle.status === "active"
      ? t("cycle.startedOn", { date: i18n.day(cycle.startDate, true) })
      : t(`cycle.status.${cycle.status}`, { date: i18n.day(cycle.endedOn!, true) }),
    cycleClinicName(state, cycle.id),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Page title={cycle.protocolName} intro={subtitle}>
      <ReadOnlyNote />
      <nav className="row section-links" aria-label={t("cycle.title")}>
        <Link className="button" href={routes.cycle.monitoring(cycle.id)}>
          {t("cycle.links.monitoring")}
        </Link>
        <Link className="button" href={routes.supplies}>
          {t("cycle.links.supplies")}
        </Link>
      </nav>
      {["stimulation", "egg-freezing", "iui", "fet-natural"].includes(cycle.cycleType) && (
        <TriggerCard cycle={cycle} />
      )}
      <PlanList cycle={cycle} />
      <CycleClinic cycle={cycle} />
      {cycle.status === "active" && <CalendarCard />}
      {cycle.status === "active" && (
        <WhenCanRecord>
          <EndCycle cycleId={cycle.id} zone={cycle.zone} startDate={cycle.startDate} />
        </WhenCanRecord>
      )}
      {children}
    </Page>
  );
}

function CalendarCard() {
  const i18n = useI18n();
  const state = useJourneyState();
  return (
    <section className="card stack-tight">
      <h2>{i18n.t("cycle.calendar")}</h2>
      <p className="hint">{i18n.t("cycle.calendar.hint")}</p>
      <div>
        <button
          type="button"
          className="button"
          onClick={() => downloadCalendar(state, i18n, Date.now())}
        >
          {i18n.t("cycle.calendar")}
        </button>
      </div>
    </section>
  );
}

function EndCycle({
  cycleId,
  zone,
  startDate,
}: {
  cycleId: string;
  zone: string;
  startDate: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<"completed" | "cancelled">("completed");
  const [on, setOn] = useState(todayIso(zone));
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await client.record("CycleEnded", { cycleId, status, endedOn: on });
    if (!r.ok) return setError(notSaved(i18n, r.error));
    toast.show(t("cycle.end.saved"));
    setOpen(false);
  }

  if (!open) {
    return (
      <div>
        <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
          {t("cycle.end")}
        </button>
      </div>
    );
  }
  return (
    <form className="card stack-tight" onSubmit={save} noValidate>
      <PillGroup
        legend={t("cycle.end")}
        name="cycle-end"
        options={(["completed", "cancelled"] as const).map((s) => ({
          value: s,
          label: t(`cycle.end.${s}`),
        }))}
        value={status}
        onChange={setStatus}
      />
      <div className="field">
        <label htmlFor={`${id}-on`}>{t("cycle.end.on")}</label>
        <input
          id={`${id}-on`}
          type="date"
          min={startDate}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
      </div>
      <FormError>{error}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary">
          {t("cycle.end.save")}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
