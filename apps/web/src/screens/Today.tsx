import { visibleNotes } from "@trellis/domain";
import { Link } from "wouter";
import { useJourneyState } from "../app/client-context.tsx";
import { epochMsOf } from "../app/time.ts";
import { Page } from "../components/Page.tsx";
import { useI18n } from "../i18n/i18n.tsx";

export function Today() {
  const { t, longDate, dateTime } = useI18n();
  const state = useJourneyState();
  const journey = state.journey!;
  const latest = visibleNotes(state)[0];
  return (
    <Page
      title={t("today.title")}
      intro={
        <>
          {journey.displayName && (
            <span>{t("today.greeting", { name: journey.displayName })} </span>
          )}
          <span>{longDate(Date.now(), journey.homeZone)}</span>
        </>
      }
    >
      <section className="card empty" aria-labelledby="today-empty">
        <h2 id="today-empty">{t("today.empty.title")}</h2>
        <p>{t("today.empty.body")}</p>
        <p className="muted">{t("today.empty.notYet")}</p>
        <Link className="button button-primary" href="/journal">
          {t("today.writeNote")}
        </Link>
      </section>
      {latest && (
        <section className="card" aria-labelledby="today-latest">
          <h2 id="today-latest">{t("today.lastNote")}</h2>
          <p className="muted small">{dateTime(epochMsOf(latest.writtenAt), journey.homeZone)}</p>
          <p className="note-text clamp">{latest.text}</p>
        </section>
      )}
    </Page>
  );
}
