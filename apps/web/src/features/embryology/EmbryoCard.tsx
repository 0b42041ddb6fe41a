import type { BankEntry } from "@trellis/domain";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EmbryoActions } from "./EmbryoActions.tsx";
import { embryoTitle, historyLines, statusLine, testLine } from "./words.ts";

/**
 * One embryo: its name, day and grade, test result, where it is now, and its
 * whole history. Sex shows only when the person asked to see it.
 */
export function EmbryoCard({
  entry,
  showSex,
  showCohort = false,
  actions = true,
}: {
  entry: BankEntry;
  showSex: boolean;
  showCohort?: boolean;
  actions?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const e = entry.embryo;
  const test = testLine(i18n, e);
  const history = historyLines(i18n, e);
  return (
    <li className={`card embryo-card embryo-${e.status}`}>
      <div className="embryo-head">
        <h3 className="embryo-name">{embryoTitle(i18n, e)}</h3>
        <span className={`status-tag status-${e.status}`}>{t(`embryos.status.${e.status}`)}</span>
      </div>
      <p className="embryo-day">{t("embryos.card.day", { day: e.day })}</p>
      {e.day === 3 && e.label && e.grade && <p>{e.grade}</p>}
      {test && <p className="embryo-test">{test}</p>}
      {showSex && e.sex && <p className="small">{t("embryos.card.sex", { sex: e.sex })}</p>}
      <p className="embryo-where">
        {e.transferId ? (
          <Link href={routes.transfers.detail(e.transferId)}>{statusLine(i18n, state, e)}</Link>
        ) : (
          statusLine(i18n, state, e)
        )}
      </p>
      {showCohort && (
        <p className="muted small">
          {entry.age !== null
            ? t("embryos.card.cohort", {
                kind: entry.cohort.kind,
                date: i18n.day(entry.cohort.date, true),
                age: entry.age,
              })
            : t("embryos.card.cohortNoAge", {
                kind: entry.cohort.kind,
                date: i18n.day(entry.cohort.date, true),
              })}
        </p>
      )}
      <details className="embryo-history">
        <summary>{t("embryos.card.history")}</summary>
        <ol className="plain-list">
          {history.map((h) => (
            <li key={h.key}>
              <span className="muted">{h.date}</span> {h.text}
            </li>
          ))}
        </ol>
      </details>
      {actions && (
        <WhenCanRecord>
          <EmbryoActions embryo={e} />
        </WhenCanRecord>
      )}
    </li>
  );
}
