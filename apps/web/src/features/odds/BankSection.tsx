import {
  type BankOdds,
  bankOdds,
  bankOddsInput,
  type EmbryoLeftOut,
  ODDS_AGE_RANGE,
  type OddsRecord,
} from "@trellis/domain";
import { lazy, Suspense, useId, useMemo } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { chartSpace } from "../../components/ChartSpace.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Caveat } from "./Caveat.tsx";
import { Chance } from "./IconArray.tsx";
import { Sources } from "./Sources.tsx";
import {
  cannotWorkOut,
  frequencyValues,
  type Goal,
  goalWords,
  learnedWords,
  rangeSentence,
} from "./words.ts";

// The charting library is large: load it only when the chart is on screen.
const EmbryoChart = lazy(() =>
  import("./EmbryoChart.tsx").then((m) => ({ default: m.EmbryoChart })),
);

/**
 * The bank: the chance of at least one, two and three babies if every embryo
 * still frozen or in culture is transferred one at a time, each as 100
 * figures and a sentence; then each embryo's own chance per transfer.
 */
export function BankSection({ record }: { record: OddsRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const result = useMemo(() => {
    const input = bankOddsInput(record);
    return input ? bankOdds(input) : null;
  }, [record]);
  const leftOut = new Map<EmbryoLeftOut, number>();
  for (const e of record.bankLeftOut) leftOut.set(e.reason, (leftOut.get(e.reason) ?? 0) + 1);
  const leftOutLines = [...leftOut].map(([reason, count]) => (
    <p key={reason} className="small muted">
      {t(`odds.bank.leftOut.${reason}`, { count, ...ODDS_AGE_RANGE })}
    </p>
  ));

  if (record.age === null) {
    return (
      <section className="card stack" aria-labelledby={`${id}-bank`}>
        <h2 id={`${id}-bank`}>{t("odds.bank.title")}</h2>
        <p>{t("odds.bank.noAge")}</p>
      </section>
    );
  }
  if (!result) {
    return (
      <section className="card stack empty" aria-labelledby={`${id}-bank`}>
        <h2 id={`${id}-bank`}>{t("odds.bank.title")}</h2>
        <p>{t("odds.bank.empty")}</p>
        {leftOutLines}
        <Link className="button" href={routes.embryos.bank}>
          {t("odds.bank.emptyLink")}
        </Link>
      </section>
    );
  }
  if (!result.ok) {
    return (
      <section className="card stack" aria-labelledby={`${id}-bank`}>
        <h2 id={`${id}-bank`}>{t("odds.bank.title")}</h2>
        <p className="error">{cannotWorkOut(i18n, result.error)}</p>
      </section>
    );
  }
  const odds = result.value;
  const count = (pgt: string) => record.bank.filter((e) => e.input.pgt === pgt).length;
  const kinds = (["euploid", "mosaic", "untested", "aneuploid"] as const)
    .filter((k) => count(k) > 0)
    .map((k) => t(`odds.bank.kind.${k}`, { count: count(k) }))
    .join(", ");
  const doesNotKnow = odds.notes.find((n) => n.id === "does-not-know");

  return (
    <>
      <section className="card stack" aria-labelledby={`${id}-bank`}>
        <h2 id={`${id}-bank`}>{t("odds.bank.title")}</h2>
        <div className="stack-tight">
          <p>{t("odds.bank.counted", { count: record.bank.length, kinds })}</p>
          {odds.transfers > 0 && (
            <p className="small muted">
              {t("odds.bank.assumes", {
                age: odds.ageAtTransfer === null ? "none" : odds.ageAtTransfer,
              })}
            </p>
          )}
          {leftOutLines}
        </div>
        {odds.transfers === 0 ? (
          <p>{t("odds.bank.noTransferable")}</p>
        ) : (
          <BankChances odds={odds} />
        )}
        {doesNotKnow && <p className="small odds-unknowns">{doesNotKnow.text}</p>}
        <Sources sources={odds.sources} notes={odds.notes} />
      </section>
      {odds.transfers > 0 && <EmbryoSection record={record} odds={odds} />}
    </>
  );
}

function BankChances({ odds }: { odds: BankOdds }) {
  const { t } = useI18n();
  const rows: [Goal, BankOdds["atLeastOne"], number][] = [
    ["one", odds.atLeastOne, 1],
    ["two", odds.atLeastTwo, 2],
    ["three", odds.atLeastThree, 3],
  ];
  return (
    <div className="stack">
      {rows.map(([goal, estimate, needed], i) =>
        odds.transfers < needed ? (
          <p key={goal} className="small muted">
            {t("odds.freq.notPossible", { goal, count: odds.transfers })}
          </p>
        ) : (
          <Chance
            key={goal}
            estimate={estimate}
            sentence={t("odds.freq.bank", {
              ...frequencyValues(estimate),
              goal: goalWords(t, goal),
            })}
            legend={t("odds.icons.legendCentral", { goal: goalWords(t, goal) })}
            {...(i === 0 ? { caveat: <Caveat notes={odds.notes} /> } : { shortRange: true })}
          />
        ),
      )}
      {odds.personal && (
        <div className="stack-tight">
          <p className="odds-sentence">
            {t("odds.freq.bankOwn", {
              ...frequencyValues(odds.personal.atLeastOne),
              learned: learnedWords(t, 0, odds.transfersCounted),
              goal: goalWords(t, "one"),
            })}
          </p>
          <p className="odds-range-sentence">{rangeSentence(t, odds.personal.atLeastOne, true)}</p>
        </div>
      )}
    </div>
  );
}

function EmbryoSection({ record, odds }: { record: OddsRecord; odds: BankOdds }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={`${id}-embryos`}>
      <div className="stack-tight">
        <h2 id={`${id}-embryos`}>{t("odds.embryos.title")}</h2>
        <p className="muted">{t("odds.embryos.intro")}</p>
      </div>
      <Suspense fallback={chartSpace}>
        <EmbryoChart record={record} odds={odds} />
      </Suspense>
      <Sources sources={odds.sources} notes={odds.notes} />
    </section>
  );
}
