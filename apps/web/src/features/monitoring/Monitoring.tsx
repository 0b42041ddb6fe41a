import { type Cycle, cycleDay, labSeries, scanSeries, Temporal } from "@trellis/domain";
import { lazy, Suspense, useId } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { epochMsOf, todayIso } from "../../app/time.ts";
import { chartSpace } from "../../components/ChartSpace.tsx";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Appointments } from "./Appointments.tsx";
import { dayKind } from "./days.ts";
import { LabForm } from "./LabForm.tsx";
import { LabList } from "./LabList.tsx";
import { ScanForm } from "./ScanForm.tsx";
import { ScanList } from "./ScanList.tsx";

// The charting library is large: load it only when a chart is on screen.
const FollicleChart = lazy(() =>
  import("./FollicleChart.tsx").then((m) => ({ default: m.FollicleChart })),
);
const E2Chart = lazy(() => import("./E2Chart.tsx").then((m) => ({ default: m.E2Chart })));

/**
 * Scans and blood tests of one cycle: how the follicles grow (per ovary, by
 * day), estradiol over the same days, every result with its own unit and the
 * person's, and the visits still to come.
 */
export function Monitoring({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted) {
    return (
      <NothingHere
        title={t("monitoring.title")}
        heading={t("monitoring.notFound")}
        body={t("monitoring.notFound.body")}
        href={routes.cycle.list}
        link={t("monitoring.notFound.link")}
      />
    );
  }
  return <CycleMonitoring cycle={cycle} />;
}

function CycleMonitoring({ cycle }: { cycle: Cycle }) {
  const { t, longDate } = useI18n();
  const state = useJourneyState();
  const id = useId();
  const zone = state.journey!.homeZone;
  const prefs = state.preferences;
  const kind = dayKind(cycle);
  const today = cycleDay(cycle, todayIso(zone));
  const scans = scanSeries(state, { cycleId: cycle.id });
  const e2 = labSeries(state, { analyte: "E2", unit: prefs.e2Unit, cycleId: cycle.id });
  const results = [...state.labResults.values()]
    .filter((r) => r.cycleId === cycle.id && !r.retracted)
    .map((r) => ({ r, ms: epochMsOf(r.drawnAt) }))
    .sort((a, b) => b.ms - a.ms)
    .map(({ r }) => r);
  const day = (date: string) =>
    longDate(
      Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: "12:00" })
        .epochMilliseconds,
      zone,
    );

  let when: string;
  if (cycle.status !== "active" && cycle.endedOn) {
    when = t("monitoring.header.ended", { date: day(cycle.endedOn) });
  } else if (today < 1) {
    when = t("monitoring.header.starts", { date: day(cycle.startDate) });
  } else {
    when = t("monitoring.header.today", { kind, day: today });
  }

  return (
    <Page
      title={t("monitoring.title")}
      intro={
        <>
          <span className="cycle-name">{cycle.protocolName}</span>
          <span className="cycle-day">{when}</span>
        </>
      }
    >
      <ReadOnlyNote />
      <section className="card stack" aria-labelledby={`${id}-scans`}>
        <h2 id={`${id}-scans`}>{t("monitoring.scans.title")}</h2>
        {scans.length === 0 ? (
          <p className="muted">{t("monitoring.scans.empty")}</p>
        ) : (
          <Suspense fallback={chartSpace}>
            <FollicleChart cycle={cycle} points={scans} />
          </Suspense>
        )}
        <AddDisclosure label={t("monitoring.scan.add")}>
          {(close) => <ScanForm cycleId={cycle.id} zone={zone} onDone={close} />}
        </AddDisclosure>
        {scans.length > 0 && (
          <details className="records-details">
            <summary>{t("monitoring.scans.all", { count: scans.length })}</summary>
            <ScanList cycle={cycle} points={scans} zone={zone} />
          </details>
        )}
      </section>

      <section className="card stack" aria-labelledby={`${id}-bloods`}>
        <h2 id={`${id}-bloods`}>{t("monitoring.bloods.title")}</h2>
        {e2.length > 0 ? (
          <Suspense fallback={chartSpace}>
            <E2Chart cycle={cycle} points={e2} unit={prefs.e2Unit} />
          </Suspense>
        ) : (
          <p className="muted">
            {results.length === 0 ? t("monitoring.bloods.empty") : t("monitoring.bloods.noE2")}
          </p>
        )}
        <AddDisclosure label={t("monitoring.lab.add")}>
          {(close) => <LabForm cycleId={cycle.id} zone={zone} prefs={prefs} onDone={close} />}
        </AddDisclosure>
        {results.length > 0 && (
          <details className="records-details" open>
            <summary>{t("monitoring.bloods.all", { count: results.length })}</summary>
            <LabList cycle={cycle} results={results} prefs={prefs} zone={zone} />
          </details>
        )}
      </section>

      <Appointments cycle={cycle} zone={zone} />
      {(scans.length > 0 || results.length > 0) && (
        <nav className="row section-links" aria-label={t("monitoring.title")}>
          <Link className="button" href={routes.clinicSummaryFor("monitoring")}>
            {t("clinicSummary.link")}
          </Link>
        </nav>
      )}
    </Page>
  );
}
