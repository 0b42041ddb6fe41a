import {
  type BankEntry,
  bankCounts,
  cohortFunnel,
  cohortList,
  type EggCohort,
  embryoBank,
  embryoStatuses,
  isInBank,
  oocyteBatchList,
  typicalFunnel,
} from "@trellis/domain";
import { lazy, Suspense, useId, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { chartSpace } from "../../components/ChartSpace.tsx";
import { PillCheck, PillGroup } from "../../components/forms/PillGroup.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EmbryoCard } from "./EmbryoCard.tsx";
import { FeesDue } from "./FeesDue.tsx";
import { cohortSubtitle, cohortTitle, funnelLine } from "./words.ts";

// The charting library is large: load it only when a chart is on screen.
const FunnelChart = lazy(() =>
  import("./FunnelChart.tsx").then((m) => ({ default: m.FunnelChart })),
);

/**
 * The embryo bank: every embryo from every retrieval and thaw, across clinics
 * and years, grouped by where it came from, each with one current status; the
 * funnel of each retrieval beside the typical one; frozen eggs; fees due.
 */
export function EmbryoBank() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const [filter, setFilter] = useState<"all" | "in-bank">("all");
  const [showSex, setShowSex] = useState(false);
  const cohorts = cohortList(state);
  const bank = embryoBank(state);
  const batches = oocyteBatchList(state);
  const counts = bankCounts(state);
  const anySex = bank.some((b) => b.embryo.sex !== null);
  const empty = cohorts.length === 0 && batches.length === 0;

  const actions = (
    <nav className="row section-links" aria-label={t("embryos.title")}>
      <WhenCanRecord>
        <Link
          className={`button${empty ? " button-primary" : ""}`}
          href={routes.embryos.newRetrieval}
        >
          {t("embryos.add.retrieval")}
        </Link>
        <Link className="button" href={routes.embryos.addEggs}>
          {t("embryos.add.frozenEggs")}
        </Link>
      </WhenCanRecord>
      <Link className="button" href={routes.embryos.fees}>
        {t("embryos.fees.link")}
      </Link>
      {!empty && (
        <Link className="button" href={routes.clinicSummaryFor("embryos")}>
          {t("clinicSummary.link")}
        </Link>
      )}
    </nav>
  );

  return (
    <Page title={t("embryos.title")} intro={t("embryos.intro")}>
      <ReadOnlyNote />
      <FeesDue />
      {empty ? (
        <section className="card empty" aria-labelledby={`${id}-empty`}>
          <h2 id={`${id}-empty`}>{t("embryos.empty.title")}</h2>
          <p>{t("embryos.empty.body")}</p>
        </section>
      ) : (
        <section className="card stack-tight bank-summary" aria-labelledby={`${id}-summary`}>
          <h2 id={`${id}-summary`}>{t("embryos.summary.title")}</h2>
          <p className="big-line">{t("embryos.summary.inBank", { count: counts.inBank })}</p>
          {counts.inBank > 0 && (
            <p>
              {[
                counts.frozenEuploid &&
                  t("embryos.summary.euploid", { count: counts.frozenEuploid }),
                counts.frozenMosaic && t("embryos.summary.mosaic", { count: counts.frozenMosaic }),
                counts.frozenUntested &&
                  t("embryos.summary.untested", { count: counts.frozenUntested }),
                counts.byStatus["in-culture"] &&
                  t("embryos.summary.culture", { count: counts.byStatus["in-culture"] }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          )}
          <p className="muted small">
            {t("embryos.summary.total", { total: counts.total, cohorts: cohorts.length })}
          </p>
          {counts.total > 0 && (
            <dl className="status-counts" aria-label={t("embryos.summary.byStatus")}>
              {embryoStatuses
                .filter((s) => counts.byStatus[s] > 0)
                .map((s) => (
                  <div key={s}>
                    <dt>{t(`embryos.status.${s}`)}</dt>
                    <dd>{counts.byStatus[s]}</dd>
                  </div>
                ))}
            </dl>
          )}
        </section>
      )}
      {actions}

      {bank.length > 0 && (
        <div className="stack-tight bank-filters">
          <PillGroup
            legend={t("embryos.filter")}
            name={`${id}-filter`}
            options={[
              { value: "all", label: t("embryos.filter.all") },
              { value: "in-bank", label: t("embryos.filter.inBank") },
            ]}
            value={filter}
            onChange={setFilter}
          />
          {anySex && (
            <PillCheck label={t("embryos.showSex")} checked={showSex} onChange={setShowSex} />
          )}
        </div>
      )}

      {cohorts.map((c) => (
        <CohortGroup
          key={c.id}
          cohort={c}
          entries={bank.filter(
            (b) => b.cohort.id === c.id && (filter === "all" || isInBank(b.embryo)),
          )}
          filtered={filter === "in-bank"}
          showSex={showSex}
        />
      ))}

      {batches.length > 0 && (
        <section className="card stack-tight" aria-labelledby={`${id}-eggs`}>
          <h2 id={`${id}-eggs`}>{t("embryos.eggs.title")}</h2>
          <ul className="plain-list stack-tight">
            {batches.map(({ batch, remaining, age }) => (
              <li key={batch.id} className="egg-batch">
                <p className="big-line">
                  {t("embryos.eggs.batch", {
                    count: batch.count,
                    date: i18n.day(batch.frozenOn, true),
                    age: age === null ? "none" : String(age),
                  })}
                </p>
                <p>
                  {t("embryos.eggs.remaining", { remaining })}
                  {batch.storage?.clinic &&
                    ` · ${t("embryos.eggs.where", { place: [batch.storage.clinic, batch.storage.location].filter(Boolean).join(", ") })}`}
                </p>
              </li>
            ))}
          </ul>
          {batches.some((b) => b.remaining > 0) && (
            <WhenCanRecord>
              <Link className="button" href={routes.embryos.thawEggs}>
                {t("embryos.eggs.thaw")}
              </Link>
            </WhenCanRecord>
          )}
        </section>
      )}
    </Page>
  );
}

function CohortGroup({
  cohort,
  entries,
  filtered,
  showSex,
}: {
  cohort: EggCohort;
  entries: BankEntry[];
  filtered: boolean;
  showSex: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const counts = cohortFunnel(state, cohort.id)!;
  const typical = typicalFunnel(state, cohort.id);
  const sub = cohortSubtitle(i18n, state, cohort);
  return (
    <section className="cohort stack" aria-labelledby={`${id}-title`}>
      <div className="card stack-tight">
        <h2 id={`${id}-title`}>{cohortTitle(i18n, cohort)}</h2>
        {sub && <p className="muted small">{sub}</p>}
        <p className="funnel-line">{funnelLine(i18n, counts)}</p>
        <Suspense fallback={chartSpace}>
          <FunnelChart counts={counts} typical={typical} />
        </Suspense>
        <Link href={routes.embryos.cohort(cohort.id)}>{t("embryos.cohort.details")}</Link>
      </div>
      {entries.length > 0 ? (
        <ul
          className="plain-list embryo-list"
          aria-label={t("embryos.cohort.embryos", { kind: cohort.kind })}
        >
          {entries.map((entry) => (
            <EmbryoCard key={entry.embryo.id} entry={entry} showSex={showSex} />
          ))}
        </ul>
      ) : (
        filtered && <p className="muted small">{t("embryos.filter.none")}</p>
      )}
    </section>
  );
}
