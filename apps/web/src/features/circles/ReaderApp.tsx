import type { ReactNode } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { routes } from "../../app/routes.ts";
import { useCirclesAccount } from "../../app/sync-context.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { CircleScreen } from "./CircleScreen.tsx";
import { hasFragment } from "./invite-fragment.ts";
import { JoinCircle } from "./JoinCircle.tsx";
import { ReaderHome } from "./ReaderHome.tsx";
import { useCircleList } from "./use-circle-data.ts";

/**
 * A device with no record of its own: the circle join page for an invite
 * link, and, for a reader (an account in circles, no record), their circles
 * and nothing else. Every other address goes to the reader's home; record
 * screens and set-up never show. A device that turns out to read no circle
 * gets `fallback` (set-up).
 */
export function ReaderApp({ fallback }: { fallback: ReactNode }) {
  const [location] = useLocation();
  const account = useCirclesAccount();
  // The join page is a frame of its own, like set-up.
  if (location === routes.circle && hasFragment(window.location.hash))
    return <JoinCircle fragment={window.location.hash} />;
  if (!account) return <>{fallback}</>;
  return <ReaderRoutes fallback={fallback} />;
}

function ReaderRoutes({ fallback }: { fallback: ReactNode }) {
  const t = useT();
  const { value: list } = useCircleList();
  if (list === null) return <p className="loading">{t("circles.loading")}</p>;
  if (list.length === 0) return <>{fallback}</>;
  return (
    <ReaderFrame>
      <Switch>
        <Route path={routes.circle}>
          <ReaderHome circles={list} />
        </Route>
        <Route path={routes.circles.detail.pattern}>
          {(p) => <CircleScreen circleId={p.circleId} />}
        </Route>
        <Route>
          <Redirect to={routes.circle} replace />
        </Route>
      </Switch>
    </ReaderFrame>
  );
}

function ReaderFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="reader-shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="reader-header">
        <span aria-hidden="true">{t("app.name")}</span>
      </header>
      <main id="main" className="main reader-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
