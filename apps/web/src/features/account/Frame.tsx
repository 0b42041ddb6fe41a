import { type ReactNode, useEffect } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { setDocumentTitle } from "../../app/discreet.ts";
import { routes } from "../../app/routes.ts";
import { Page } from "../../components/Page.tsx";
import { useT } from "../../i18n/i18n.tsx";

/**
 * Account and sharing screens open inside the app once there is a record,
 * and on their own (like set-up) before there is one: signing in on a new
 * device, or joining someone's record from an invite link. `backToSettings`
 * ends the screen with the way back to Settings.
 */
export function Frame({
  title,
  intro,
  backToSettings = false,
  children,
}: {
  title: string;
  intro?: ReactNode;
  backToSettings?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const hasJourney = useJourneyState().journey !== null;
  useEffect(() => {
    if (!hasJourney) setDocumentTitle(`${title} · ${t("app.name")}`);
  }, [hasJourney, title, t]);
  const body = (
    <>
      {children}
      {backToSettings && (
        <p className="account-footer">
          <Link href={routes.settings}>{t("account.back")}</Link>
        </p>
      )}
    </>
  );
  if (hasJourney) {
    return (
      <Page title={title} intro={intro}>
        {body}
      </Page>
    );
  }
  return (
    <main id="main" className="setup">
      <div className="setup-card account-card">
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
        {body}
      </div>
    </main>
  );
}
