import { useState } from "react";
import { Link, useLocation } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useCirclesAccount } from "../../app/sync-context.tsx";
import { Page } from "../../components/Page.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { CircleRows } from "./CircleRows.tsx";
import { hasFragment } from "./invite-fragment.ts";
import { JoinCircle } from "./JoinCircle.tsx";
import { LossOffer } from "./LossOffer.tsx";
import { NewCircle } from "./NewCircle.tsx";
import { canWrite } from "./status-words.ts";
import { useCircleList } from "./use-circle-data.ts";

/**
 * The circle section on a device with a record: the person's circles (and
 * any they read), making one, writing a post; an invite link opened here
 * becomes the join page. Without an account, says plainly what circles need.
 */
export function CirclesHome() {
  // The link as opened; once they are let in, their circles show instead.
  const [fragment, setFragment] = useState(() => location.hash);
  if (hasFragment(fragment))
    return <JoinCircle fragment={fragment} onLetIn={() => setFragment("")} />;
  return <OwnCircles />;
}

function OwnCircles() {
  const t = useT();
  const account = useCirclesAccount();
  if (!account) {
    return (
      <Page title={t("circles.title")} intro={t("circles.intro")}>
        <NeedAccount />
      </Page>
    );
  }
  return (
    <Page title={t("circles.title")} intro={t("circles.intro")}>
      <CircleList />
    </Page>
  );
}

export function NeedAccount() {
  const t = useT();
  return (
    <section className="card stack-tight" aria-labelledby="circles-need-account">
      <h2 id="circles-need-account">{t("circles.needAccount.title")}</h2>
      <p>{t("circles.needAccount.body")}</p>
      <div className="row">
        <Link href={routes.account.create} className="button button-primary">
          {t("circles.needAccount.create")}
        </Link>
        <Link href={routes.account.signIn} className="button">
          {t("circles.needAccount.signIn")}
        </Link>
      </div>
    </section>
  );
}

function CircleList() {
  const t = useT();
  const quiet = useJourneyState().preferences.quietMode;
  const [, navigate] = useLocation();
  const { value: list, error } = useCircleList();
  const own = list?.filter((c) => canWrite(c.role)) ?? [];
  const read = list?.filter((c) => !canWrite(c.role)) ?? [];
  return (
    <>
      {error && (
        <p className="card error" role="alert">
          {t("circles.couldNotLoad", { reason: error })}
        </p>
      )}
      {list === null && !error && <p role="status">{t("circles.loading")}</p>}
      {list !== null && !quiet && own.length > 0 && <LossOffer circles={own} />}
      {list !== null && (
        <section className="card stack-tight" aria-labelledby="circles-yours">
          <h2 id="circles-yours">{t("circles.yours")}</h2>
          {own.length === 0 ? (
            <p>{t("circles.empty")}</p>
          ) : (
            <>
              <CircleRows circles={own} quiet={quiet} />
              <p>
                <Link href={routes.circles.compose} className="button button-primary">
                  {t("circles.write")}
                </Link>
              </p>
            </>
          )}
        </section>
      )}
      {read.length > 0 && (
        <section className="card stack-tight" aria-labelledby="circles-read">
          <h2 id="circles-read">{t("circles.reading")}</h2>
          <CircleRows circles={read} quiet={quiet} />
        </section>
      )}
      {list !== null && (
        <NewCircle onMade={(circleId) => navigate(routes.circles.detail(circleId))} />
      )}
    </>
  );
}
