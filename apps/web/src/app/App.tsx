import { Route, Switch } from "wouter";
import { Journal } from "../screens/Journal.tsx";
import { More } from "../screens/More.tsx";
import { NotBuilt } from "../screens/NotBuilt.tsx";
import { Settings } from "../screens/Settings.tsx";
import { Setup } from "../screens/Setup.tsx";
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
