import { cohortFunnel, type EggCohort, embryoBank, typicalFunnel } from "@trellis/domain";
import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { chartSpace } from "../../components/ChartSpace.tsx";
import { AddDisclosure, ConfirmButton, PillCheck, useForm } from "../../components/forms/index.ts";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { BlastocystForm } from "./BlastocystForm.tsx";
import { CorrectForm } from "./CorrectForm.tsx";
import { Day1Form } from "./Day1Form.tsx";
import { Day3Form } from "./Day3Form.tsx";
import { EmbryoCard } from "./EmbryoCard.tsx";
import { FreezeEggsForm } from "./FreezeEggsForm.tsx";
import { PgtForm } from "./PgtForm.tsx";
import { cohortSubtitle, cohortTitle } from "./words.ts";

const FunnelChart = lazy(() =>
  import("./FunnelChart.tsx").then((m) => ({ default: m.FunnelChart })),
);

/** One retrieval (or egg thaw): its lab reports day by day, the forms for the next ones, its funnel and its embryos. */
export function CohortDetail({ cohortId }: { cohortId: string }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const cohort = state.cohorts.get(cohortId);
  if (!cohort || cohort.retracted) {
    return (
      <NothingHere
        title={t("embryos.title")}
        heading={t("embryos.cohort.notFound")}
        body={t("embryos.cohort.notFound.body")}
        href={routes.embryos.bank}
        link={t("embryos.cohort.back")}
      />
    );
  }
  return <Cohort cohort={cohort} />;
}

function Step({
  title,
  value,
  empty,
  children,
}: {
  title: string;
  value: string | null;
  /** What to say when nothing was reported: "not reported yet" unless the step may never happen. */
  empty?: string;
  /** The form for this step's report; not shown to a viewer. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <li className={`lab-step${value ? " lab-step-done" : ""}`}>
      <h3>{title}</h3>
      <p className={value ? "" : "muted"}>{value ?? empty ?? t("embryos.reports.waiting")}</p>
      <WhenCanRecord>{children}</WhenCanRecord>
    </li>
  );
}

function Cohort({ cohort }: { cohort: EggCohort }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const action = useForm({ formLine: "toast" });
  const saved = useSaved();
  const id = useId();
  const [showSex, setShowSex] = useState(false);
  const counts = cohortFunnel(state, cohort.id)!;
  const typical = typicalFunnel(state, cohort.id);
  const entries = embryoBank(state).filter((b) => b.cohort.id === cohort.id);
  const embryos = entries.map((b) => b.embryo);
  const blasts = embryos.filter((e) => e.day !== 3);
  const biopsied = blasts.filter((e) => e.biopsied);
  const tested = biopsied.filter((e) => e.pgtA || e.pgtM);
  const thaw = cohort.kind === "thaw";
  const num = (n: number | null) => (n === null ? "none" : String(n));
  const sub = cohortSubtitle(i18n, state, cohort);

  async function remove() {
    const r = await action.record("RetrievalRetracted", { cohortId: cohort.id });
    if (r.ok) saved(t("embryos.cohort.removed"), routes.embryos.bank);
  }

  return (
    <Page title={cohortTitle(i18n, cohort)} intro={sub || undefined}>
      <ReadOnlyNote />
      <section className="card stack" aria-labelledby={`${id}-reports`}>
        <h2 id={`${id}-reports`}>{t("embryos.reports.title")}</h2>
        <p className="hint">{t("embryos.reports.intro")}</p>
        <ol className="plain-list lab-steps">
          <Step
            title={t(thaw ? "embryos.reports.day0.thaw" : "embryos.reports.day0")}
            value={
              thaw
                ? t("embryos.reports.day0.thawValue", {
                    eggs: cohort.eggs,
                    survived: cohort.survived ?? 0,
                  })
                : t("embryos.reports.day0.value", {
                    eggs: cohort.eggs,
                    follicles: num(cohort.folliclesAtTrigger),
                    mature: num(cohort.mature),
                  })
            }
          />
          <Step
            title={t("embryos.reports.day1")}
            value={
              cohort.fertilized === null
                ? null
                : t("embryos.reports.day1.value", {
                    method: cohort.method ?? "icsi",
                    mature: thaw ? "none" : num(cohort.mature),
                    fertilized: cohort.fertilized,
                  })
            }
          >
            {cohort.fertilized === null && (
              <AddDisclosure label={t("embryos.form.addDay1")}>
                {(close) => <Day1Form cohort={cohort} onDone={close} />}
              </AddDisclosure>
            )}
          </Step>
          <Step
            title={t("embryos.reports.day3")}
            value={
              cohort.day3 === null ? null : t("embryos.reports.day3.value", { count: cohort.day3 })
            }
          >
            {cohort.day3 === null && (
              <AddDisclosure label={t("embryos.form.addDay3")}>
                {(close) => <Day3Form cohort={cohort} onDone={close} />}
              </AddDisclosure>
            )}
          </Step>
          <Step
            title={t("embryos.reports.blasts")}
            value={
              cohort.blastocystDays.length === 0
                ? null
                : cohort.blastocystDays
                    .map((day) =>
                      t("embryos.reports.blasts.value", {
                        day,
                        count: counts.blastocystsByDay[day as 5 | 6 | 7],
                      }),
                    )
                    .join(" · ")
            }
          >
            <AddDisclosure label={t("embryos.form.addBlasts")}>
              {(close) => <BlastocystForm cohort={cohort} onDone={close} />}
            </AddDisclosure>
          </Step>
          <Step
            title={t("embryos.reports.pgt")}
            value={
              blasts.length === 0
                ? null
                : biopsied.length === 0
                  ? t("embryos.reports.pgt.none")
                  : t("embryos.reports.pgt.value", {
                      tested: tested.length,
                      biopsied: biopsied.length,
                    })
            }
          >
            {tested.length < biopsied.length && (
              <AddDisclosure label={t("embryos.form.addPgt")}>
                {(close) => <PgtForm cohort={cohort} embryos={biopsied} onDone={close} />}
              </AddDisclosure>
            )}
          </Step>
          {!thaw && (
            <Step
              title={t("embryos.reports.frozenEggs")}
              empty={t("embryos.reports.frozenEggs.none")}
              value={
                counts.eggsFrozen > 0
                  ? t("embryos.funnel.frozenEggs", { count: counts.eggsFrozen })
                  : null
              }
            >
              <AddDisclosure label={t("embryos.form.freezeEggs")}>
                {(close) => <FreezeEggsForm cohort={cohort} onDone={close} />}
              </AddDisclosure>
            </Step>
          )}
        </ol>
        <AddDisclosure label={t("embryos.form.correct")}>
          {(close) => <CorrectForm cohort={cohort} onDone={close} />}
        </AddDisclosure>
        <details className="source">
          <summary>{t("embryos.words.title")}</summary>
          <ul className="small stack-tight">
            <li>{t("embryos.words.mii")}</li>
            <li>{t("embryos.words.icsi")}</li>
            <li>{t("embryos.words.2pn")}</li>
            <li>{t("embryos.words.blastocyst")}</li>
            <li>{t("embryos.words.pgta")}</li>
            <li>{t("embryos.words.pgtm")}</li>
          </ul>
        </details>
      </section>

      <section className="card" aria-label={t("embryos.funnel.line")}>
        <Suspense fallback={chartSpace}>
          <FunnelChart counts={counts} typical={typical} />
        </Suspense>
      </section>

      <section className="stack-tight" aria-labelledby={`${id}-embryos`}>
        <h2 id={`${id}-embryos`}>{t("embryos.cohort.embryos", { kind: cohort.kind })}</h2>
        {entries.some((b) => b.embryo.sex) && (
          <PillCheck label={t("embryos.showSex")} checked={showSex} onChange={setShowSex} />
        )}
        {entries.length === 0 ? (
          <p className="muted">{t("embryos.cohort.noEmbryos", { kind: cohort.kind })}</p>
        ) : (
          <ul className="plain-list embryo-list">
            {entries.map((entry) => (
              <EmbryoCard key={entry.embryo.id} entry={entry} showSex={showSex} />
            ))}
          </ul>
        )}
      </section>

      {entries.length === 0 && (
        <WhenCanRecord>
          <p>
            <ConfirmButton
              label={t("embryos.cohort.remove", { kind: cohort.kind })}
              title={t("embryos.cohort.removeTitle", { kind: cohort.kind })}
              body={t("embryos.cohort.removeBody")}
              confirmLabel={t("embryos.actions.confirmRemove")}
              cancelLabel={t("embryos.actions.keep")}
              onConfirm={() => void remove()}
            />
          </p>
        </WhenCanRecord>
      )}
    </Page>
  );
}
