import { Route, Switch, useLocation } from "wouter";
import {
  accountRoutes,
  BeforeRecordRoutes,
  opensBeforeRecord,
} from "../screens/account/routes.tsx";
import { CycleDetail } from "../screens/cycle/CycleDetail.tsx";
import { CycleOverview } from "../screens/cycle/CycleOverview.tsx";
import { StartCycle } from "../screens/cycle/StartCycle.tsx";
import { CohortDetail } from "../screens/embryos/CohortDetail.tsx";
import { EmbryoBank } from "../screens/embryos/EmbryoBank.tsx";
import { AddFrozenEggs, ThawEggs } from "../screens/embryos/FrozenEggs.tsx";
import { RecordRetrieval } from "../screens/embryos/RecordRetrieval.tsx";
import { StorageFees } from "../screens/embryos/StorageFees.tsx";
import { Journal } from "../screens/Journal.tsx";
import { More } from "../screens/More.tsx";
import { Monitoring } from "../screens/monitoring/Monitoring.tsx";
import { NotBuilt } from "../screens/NotBuilt.tsx";
import { Odds } from "../screens/odds/Odds.tsx";
import { PathDetail, Paths } from "../screens/paths/Paths.tsx";
import { Remembrance } from "../screens/remembrance/Remembrance.tsx";
import { Settings } from "../screens/Settings.tsx";
import { Setup } from "../screens/Setup.tsx";
import { Supplies } from "../screens/Supplies.tsx";
import { Today } from "../screens/Today.tsx";
import { NewTransfer } from "../screens/transfers/NewTransfer.tsx";
import { TransferDetail } from "../screens/transfers/TransferDetail.tsx";
import { Transfers } from "../screens/transfers/Transfers.tsx";
import { useJourneyState } from "./client-context.tsx";
import { Shell } from "./Shell.tsx";
import { sections } from "./sections.ts";

export function App() {
  const state = useJourneyState();
  const [location] = useLocation();
  if (!state.journey && opensBeforeRecord(location)) return <BeforeRecordRoutes />;
  if (!state.journey) return <Setup />;
  return (
    <Shell>
      <Switch>
        <Route path="/" component={Today} />
        <Route path="/journal" component={Journal} />
        <Route path="/settings" component={Settings} />
        <Route path="/more" component={More} />
        <Route path="/cycle" component={CycleOverview} />
        <Route path="/cycle/new" component={StartCycle} />
        <Route path="/cycle/:cycleId/monitoring">{(p) => <Monitoring cycleId={p.cycleId} />}</Route>
        <Route path="/cycle/:cycleId">{(p) => <CycleDetail cycleId={p.cycleId} />}</Route>
        <Route path="/supplies" component={Supplies} />
        <Route path="/embryos" component={EmbryoBank} />
        <Route path="/embryos/new" component={RecordRetrieval} />
        <Route path="/embryos/eggs/new" component={AddFrozenEggs} />
        <Route path="/embryos/eggs/thaw" component={ThawEggs} />
        <Route path="/embryos/fees" component={StorageFees} />
        <Route path="/embryos/retrieval/:cohortId">
          {(p) => <CohortDetail cohortId={p.cohortId} />}
        </Route>
        <Route path="/transfers" component={Transfers} />
        <Route path="/transfers/new" component={NewTransfer} />
        <Route path="/transfers/paths" component={Paths} />
        <Route path="/transfers/paths/:pathId">{(p) => <PathDetail pathId={p.pathId} />}</Route>
        <Route path="/transfers/:transferId">
          {(p) => <TransferDetail transferId={p.transferId} />}
        </Route>
        <Route path="/remembrance" component={Remembrance} />
        <Route path="/odds" component={Odds} />
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
