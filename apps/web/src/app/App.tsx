import { Route, Switch } from "wouter";
import { CycleDetail } from "../screens/cycle/CycleDetail.tsx";
import { CycleOverview } from "../screens/cycle/CycleOverview.tsx";
import { StartCycle } from "../screens/cycle/StartCycle.tsx";
import { Journal } from "../screens/Journal.tsx";
import { More } from "../screens/More.tsx";
import { Monitoring } from "../screens/monitoring/Monitoring.tsx";
import { NotBuilt } from "../screens/NotBuilt.tsx";
import { Settings } from "../screens/Settings.tsx";
import { Setup } from "../screens/Setup.tsx";
import { Supplies } from "../screens/Supplies.tsx";
import { Today } from "../screens/Today.tsx";
import { useJourneyState } from "./client-context.tsx";
import { Shell } from "./Shell.tsx";
import { sections } from "./sections.ts";

export function App() {
  const state = useJourneyState();
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
