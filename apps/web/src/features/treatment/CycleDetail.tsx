import { cycleClinicName } from "@trellis/domain";
import { type FormEvent, type ReactNode, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { cycleDayLabel } from "../../app/format.ts";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { CalendarButton } from "../../components/CalendarButton.tsx";
import {
  DateField,
  FormButtons,
  PillGroup,
  QuietButton,
  useForm,
} from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
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
        <Link className="button" href={routes.cycle.doses(cycle.id)}>
          {t("doses.history.link")}
        </Link>
        <Link className="button" href={routes.supplies}>
          {t("cycle.links.supplies")}
        </Link>
        <Link className="button" href={routes.clinicSummaryFor("treatment")}>
          {t("clinicSummary.link")}
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
  const { t } = useI18n();
  return (
    <section className="card stack-tight">
      <h2>{t("cycle.calendar")}</h2>
      <p className="hint">{t("cycle.calendar.hint")}</p>
      <div>
        <CalendarButton label={t("cycle.calendar")} />
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
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm<"on">({ from: { endedOn: "on" } });
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<"completed" | "cancelled">("completed");
  const [on, setOn] = useState(todayIso(zone));

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await form.record("CycleEnded", { cycleId, status, endedOn: on });
    if (!r.ok) return;
    toast.show(t("cycle.end.saved"));
    setOpen(false);
  }

  if (!open) {
    return (
      <div>
        <QuietButton label={t("cycle.end")} onClick={() => setOpen(true)} />
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
      <DateField {...form.bind("on", on, setOn)} label={t("cycle.end.on")} min={startDate} />
      <FormButtons form={form} label={t("cycle.end.save")} onCancel={() => setOpen(false)} />
    </form>
  );
}
