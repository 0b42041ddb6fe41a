import { type ReactNode, useState } from "react";
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
 * link, and, for a reader (an account, no record), their circles and
 * nothing else. Every other address goes to the reader's home; record
 * screens and set-up never show (a reader removed from every circle is told
 * so there). A device without an account at `/circle` gets `fallback`
 * (set-up).
 */
export function ReaderApp({ fallback }: { fallback: ReactNode }) {
  const [location] = useLocation();
  const account = useCirclesAccount();
  // The link as opened; once they are let in, their circles show instead.
  const [fragment, setFragment] = useState(() =>
    location === routes.circle ? window.location.hash : "",
  );
  // The join page is a frame of its own, like set-up.
  if (hasFragment(fragment))
    return <JoinCircle fragment={fragment} onLetIn={() => setFragment("")} />;
  if (!account) return <>{fallback}</>;
  return <ReaderRoutes />;
}

function ReaderRoutes() {
  const t = useT();
  const { value: list } = useCircleList();
  if (list === null) return <p className="loading">{t("circles.loading")}</p>;
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
