import { bankCounts, transferList } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { embryosLine, standingLine, transferTitle } from "./words.ts";

/** Every transfer, newest first, with where it stands; the way to plan the next one and to the other paths. */
export function Transfers() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const transfers = transferList(state);
  const inBank = bankCounts(state).inBank;

  return (
    <Page title={t("transfers.title")} intro={t("transfers.intro")}>
      <ReadOnlyNote />
      {transfers.length === 0 && (
        <section className="card empty" aria-labelledby={`${id}-empty`}>
          <h2 id={`${id}-empty`}>{t("transfers.empty.title")}</h2>
          <p>{t("transfers.empty.body")}</p>
          {inBank === 0 && (
            <p className="muted">
              {t("transfers.empty.noEmbryos")}{" "}
              <Link href={routes.embryos.bank}>{t("embryos.title")}</Link>
            </p>
          )}
        </section>
      )}
      <nav className="row section-links" aria-label={t("transfers.title")}>
        {inBank > 0 && (
          <WhenCanRecord>
            <Link className="button button-primary" href={routes.transfers.start}>
              {t("transfers.plan")}
            </Link>
          </WhenCanRecord>
        )}
        <Link className="button" href={routes.transfers.paths}>
          {t("transfers.paths")}
        </Link>
        <Link className="button" href={routes.clinicSummaryFor("transfers")}>
          {t("clinicSummary.link")}
        </Link>
      </nav>
      {transfers.length > 0 && (
        <ul className="plain-list stack-tight">
          {transfers.map((tr) => (
            <li key={tr.id} className={`card transfer-card transfer-${tr.status}`}>
              <Link href={routes.transfers.detail(tr.id)} className="card-link">
                {transferTitle(i18n, tr)}
              </Link>
              <p>{embryosLine(i18n, state, tr)}</p>
              {tr.recipient.kind === "carrier" && (
                <p className="muted small">
                  {t("transfers.card.carrier", { name: tr.recipient.name })}
                </p>
              )}
              <p className="transfer-standing">{standingLine(i18n, state, tr)}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
