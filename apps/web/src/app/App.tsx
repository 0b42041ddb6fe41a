import { Route, Switch, useLocation } from "wouter";
import {
  AddFrozenEggs,
  CohortDetail,
  EmbryoBank,
  RecordRetrieval,
  StorageFees,
  ThawEggs,
} from "../features/embryology/index.ts";
import { ErasedScreen, useErasedElsewhere } from "../features/forget/index.ts";
import { Journal } from "../features/journal/index.ts";
import { Setup } from "../features/journey/index.ts";
import { Monitoring } from "../features/monitoring/index.ts";
import { Odds } from "../features/odds/index.ts";
import {
  NewTransfer,
  PathDetail,
  Paths,
  Remembrance,
  TransferDetail,
  Transfers,
} from "../features/pregnancy/index.ts";
import { Settings } from "../features/settings/index.ts";
import {
  CycleDetail,
  CycleOverview,
  DoseHistory,
  StartCycle,
  Supplies,
  Today,
} from "../features/treatment/index.ts";
import { accountRoutes, BeforeRecordRoutes, opensBeforeRecord } from "./account-routes.tsx";
import { useJourneyState } from "./client-context.tsx";
import { More } from "./More.tsx";
import { NotBuilt } from "./NotBuilt.tsx";
import { routes } from "./routes.ts";
import { Shell } from "./Shell.tsx";
import { sections } from "./sections.ts";

export function App() {
  const state = useJourneyState();
  const [location] = useLocation();
  if (useErasedElsewhere()) return <ErasedScreen />;
  if (!state.journey && opensBeforeRecord(location)) return <BeforeRecordRoutes />;
  if (!state.journey) return <Setup />;
  return (
    <Shell>
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
        <Route path={routes.odds} component={Odds} />
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
    </Shell>
  );
}
