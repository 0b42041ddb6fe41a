import { Route, Switch, useLocation } from "wouter";
import { ErasedScreen, useErasedElsewhere } from "../features/forget/index.ts";
import { useT } from "../i18n/i18n.tsx";
import { accountRoutes, BeforeRecordRoutes, opensBeforeRecord } from "./account-routes.tsx";
import { useJourneyState } from "./client-context.tsx";
import { More } from "./More.tsx";
import { NotBuilt } from "./NotBuilt.tsx";
import { useReaderOnly } from "./reader-only.ts";
import { ReceiptUploads } from "./receipt-uploads.tsx";
import { routes } from "./routes.ts";
import { ScreenBoundary } from "./ScreenBoundary.tsx";
import { Shell } from "./Shell.tsx";
import {
  AddFrozenEggs,
  CircleScreen,
  CirclesHome,
  ClinicSummary,
  CohortDetail,
  Compose,
  Costs,
  CycleDetail,
  CycleOverview,
  DoseHistory,
  EmbryoBank,
  Journal,
  Monitoring,
  NewTransfer,
  Odds,
  PathDetail,
  Paths,
  ReaderApp,
  RecordRetrieval,
  Remembrance,
  Settings,
  Setup,
  StartCycle,
  StorageFees,
  Supplies,
  ThawEggs,
  Today,
  TransferDetail,
  Transfers,
} from "./screens.tsx";
import { sections } from "./sections.ts";

export function App() {
  const state = useJourneyState();
  const [location] = useLocation();
  const readerOnly = useReaderOnly(location);
  const t = useT();
  if (useErasedElsewhere()) return <ErasedScreen />;
  if (!state.journey && opensBeforeRecord(location)) {
    return (
      <ScreenBoundary resetKey={location}>
        <BeforeRecordRoutes />
      </ScreenBoundary>
    );
  }
  if (!state.journey && readerOnly === "checking") {
    return <p className="loading">{t("app.loading")}</p>;
  }
  // A circle's invite link, or a device that only reads circles: never a record screen.
  if (!state.journey && readerOnly) {
    return (
      <ScreenBoundary resetKey={location}>
        <ReaderApp fallback={<Setup />} />
      </ScreenBoundary>
    );
  }
  if (!state.journey) {
    return (
      <ScreenBoundary resetKey={location}>
        <Setup />
      </ScreenBoundary>
    );
  }
  return (
    <Shell>
      <ReceiptUploads />
      <ScreenBoundary resetKey={location}>
        <Switch>
          <Route path={routes.today} component={Today} />
          <Route path={routes.journal} component={Journal} />
          <Route path={routes.settings} component={Settings} />
          <Route path={routes.more} component={More} />
          <Route path={routes.cycle.list} component={CycleOverview} />
          <Route path={routes.cycle.start} component={StartCycle} />
          <Route path={routes.cycle.monitoring.pattern}>
            {(p) => <Monitoring cycleId={p.cycleId} />}
          </Route>
          <Route path={routes.cycle.doses.pattern}>
            {(p) => <DoseHistory cycleId={p.cycleId} />}
          </Route>
          <Route path={routes.cycle.detail.pattern}>
            {(p) => <CycleDetail cycleId={p.cycleId} />}
          </Route>
          <Route path={routes.supplies} component={Supplies} />
          <Route path={routes.embryos.bank} component={EmbryoBank} />
          <Route path={routes.embryos.newRetrieval} component={RecordRetrieval} />
          <Route path={routes.embryos.addEggs} component={AddFrozenEggs} />
          <Route path={routes.embryos.thawEggs} component={ThawEggs} />
          <Route path={routes.embryos.fees} component={StorageFees} />
          <Route path={routes.embryos.cohort.pattern}>
            {(p) => <CohortDetail cohortId={p.cohortId} />}
          </Route>
          <Route path={routes.transfers.list} component={Transfers} />
          <Route path={routes.transfers.start} component={NewTransfer} />
          <Route path={routes.transfers.paths} component={Paths} />
          <Route path={routes.transfers.path.pattern}>
            {(p) => <PathDetail pathId={p.pathId} />}
          </Route>
          <Route path={routes.transfers.detail.pattern}>
            {(p) => <TransferDetail transferId={p.transferId} />}
          </Route>
          <Route path={routes.remembrance.list} component={Remembrance} />
          <Route path={routes.circle} component={CirclesHome} />
          <Route path={routes.circles.compose} component={Compose} />
          <Route path={routes.circles.detail.pattern}>
            {(p) => <CircleScreen circleId={p.circleId} />}
          </Route>
          <Route path={routes.odds} component={Odds} />
          <Route path={routes.clinicSummary} component={ClinicSummary} />
          <Route path={routes.costs} component={Costs} />
          {accountRoutes.map((r) => (
            <Route key={r.path} path={r.path} component={r.component} />
          ))}
          {sections
            .filter((s) => s.purpose)
            .map((s) => (
              <Route key={s.path} path={s.path}>
                <NotBuilt section={s} />
              </Route>
            ))}
          <Route>
            <Today />
          </Route>
        </Switch>
      </ScreenBoundary>
    </Shell>
  );
}
