import { type ReactNode, useEffect, useState } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { routes } from "../../app/routes.ts";
import { useCirclesAccount } from "../../app/sync-context.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { CircleScreen } from "./CircleScreen.tsx";
import { hasFragment } from "./invite-fragment.ts";
import { JoinCircle } from "./JoinCircle.tsx";
import { ReaderHome } from "./ReaderHome.tsx";
import { markReader, wasReader } from "./reader-mark.ts";
import { useCircleList } from "./use-circle-data.ts";

/**
 * A device with no record of its own: the circle join page for an invite
 * link, and, for a reader (an account, no record), their circles and
 * nothing else. Every other address goes to the reader's home; record
 * screens and set-up never show (a reader removed from every circle is told
 * so there, and may start a record of their own). A device without an
 * account, or whose account never read a circle, gets `fallback` (set-up).
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
  return <ReaderRoutes fallback={fallback} />;
}

function ReaderRoutes({ fallback }: { fallback: ReactNode }) {
  const t = useT();
  const { value: list, error } = useCircleList();
  const [ownRecord, setOwnRecord] = useState(false);
  const reads = list !== null && list.length > 0;
  useEffect(() => {
    if (reads) markReader();
  }, [reads]);
  if (list === null && error)
    return (
      <ReaderFrame>
        <p className="card error" role="alert">
          {t("circles.couldNotLoad", { reason: error })}
        </p>
      </ReaderFrame>
    );
  if (list === null) return <p className="loading">{t("circles.loading")}</p>;
  // An account that never read a circle (made for another reason): set-up, as before circles.
  if (ownRecord || (!reads && !wasReader())) return <>{fallback}</>;
  return (
    <ReaderFrame>
      <Switch>
        <Route path={routes.circle}>
          <ReaderHome circles={list} onOwnRecord={() => setOwnRecord(true)} />
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
