import {
  convertLab,
  type Estimate,
  type LabUnit,
  type OddsRecord,
  type PlanFrame,
  type RetrievalLeftOut,
  type RetrievalPlan,
  retrievalPlan,
  retrievalPlanInput,
} from "@trellis/domain";
import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from "react";
import { chartSpace } from "../../components/ChartSpace.tsx";
import { PillGroup, SelectField } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Caveat } from "./Caveat.tsx";
import { Chance } from "./IconArray.tsx";
import { FunnelTable } from "./PlanFunnelTable.tsx";
import { Sources } from "./Sources.tsx";
import { AgeField, ageFrom, OddsProblem, parseNumber, WhatIfField } from "./what-if.tsx";
import { frequencyValues, goalWords, learnedWords, rangeSentence } from "./words.ts";

const PlanChart = lazy(() => import("./PlanChart.tsx").then((m) => ({ default: m.PlanChart })));

const MAX_RETRIEVALS = 6;

/** One point of the plan: after `n` more retrievals (0: the bank as it is). */
export interface PlanPoint {
  readonly n: number;
  readonly typical: Estimate;
  readonly own: Estimate | null;
  /** Embryos to transfer on average, the bank's included (for the bank alone, its count). */
  readonly expected: number;
}

function pointsOf(
  plan: RetrievalPlan,
  goal: "one" | "two",
  bank: { readonly transferable: number; readonly euploid: number } | null,
  tested: boolean,
): PlanPoint[] {
  const pick = (s: { atLeastOne: Estimate; atLeastTwo: Estimate }) =>
    goal === "one" ? s.atLeastOne : s.atLeastTwo;
  const out: PlanPoint[] = bank
    ? [
        {
          n: 0,
          typical: pick(plan.bankOnly),
          own: plan.personal ? pick(plan.bankOnly) : null,
          expected: tested ? bank.euploid : bank.transferable,
        },
      ]
    : [];
  plan.population.forEach((step, i) => {
    const own = plan.personal?.[i];
    out.push({
      n: step.retrievals,
      typical: pick(step),
      own: own ? pick(own) : null,
      expected: step.expectedEmbryos.central,
    });
  });
  return out;
}

/**
 * "What if we do more retrievals?": the chance of reaching one or two
 * children, the bank counted, from one retrieval unless the person asks for
 * more (one is the least hopeful, most likely next step), said from both
 * sides with its 80% range and the "answers run high" caveat beside it; with
 * more retrievals, a curve with its 80% band; with past retrievals, a curve
 * that learns from them beside the typical one. The person chooses the
 * question: people like them (some stop after a retrieval that does not
 * work) or if they keep going. Works from age alone when the bank is empty;
 * age and AMH can be typed over to try another situation.
 */
export function PlanSection({ record, amhUnit }: { record: OddsRecord; amhUnit: LabUnit }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const id = useId();
  const [goal, setGoal] = useState<"one" | "two">("one");
  const [retrievals, setRetrievals] = useState(1);
  const [frame, setFrame] = useState<PlanFrame>("people-like-me");
  const [tested, setTested] = useState(record.bank.some((e) => e.input.pgt !== "untested"));
  const [ageText, setAgeText] = useState(record.age === null ? "" : String(record.age));
  const recordAmh = record.amh
    ? convertLab({ analyte: "AMH", value: record.amh.ngPerMl, unit: "ng/mL" }, amhUnit)
    : null;
  const [amhText, setAmhText] = useState(
    recordAmh?.ok
      ? number(recordAmh.value.value, { maximumFractionDigits: 2, useGrouping: false })
      : "",
  );

  const ageValue = ageFrom(ageText);
  const amhValue = amhText.trim() === "" ? null : parseNumber(amhText);
  const amhOk = amhText.trim() === "" || (amhValue !== null && amhValue > 0);
  const amhNg =
    amhValue === null
      ? null
      : (() => {
          const c = convertLab({ analyte: "AMH", value: amhValue, unit: amhUnit }, "ng/mL");
          return c.ok ? c.value.value : null;
        })();

  const asked = useMemo(
    () =>
      ageValue !== null && amhOk ? { age: ageValue, amh: amhNg, retrievals, tested, frame } : null,
    [amhOk, ageValue, amhNg, retrievals, tested, frame],
  );
  // Typing stays quick: the answer (a few milliseconds to a few tens) follows a moment later.
  const question = useDeferredValue(asked);
  const result = useMemo(() => {
    if (!question) return null;
    const input = retrievalPlanInput(record, question);
    return input ? retrievalPlan(input) : null;
  }, [record, question]);

  const transferable = record.bank.filter((e) => e.input.pgt !== "aneuploid").length;
  const withBank = transferable > 0;
  const euploid = record.bank.filter((e) => e.input.pgt === "euploid").length;
  const more = withBank || record.history.length > 0;
  const leftOut = [...new Set(record.historyLeftOut.map((h) => h.reason))] as RetrievalLeftOut[];

  return (
    <section className="card stack" aria-labelledby={`${id}-plan`}>
      <div className="stack-tight">
        <h2 id={`${id}-plan`}>{t("odds.plan.title")}</h2>
        <p className="muted">{t("odds.plan.intro")}</p>
      </div>

      <div className="stack odds-form">
        <PillGroup
          legend={t("odds.plan.goal")}
          name="odds-goal"
          options={[
            { value: "one", label: t("odds.plan.goal.one") },
            { value: "two", label: t("odds.plan.goal.two") },
          ]}
          value={goal}
          onChange={setGoal}
        />
        <SelectField
          id={`${id}-retrievals`}
          label={t("odds.plan.retrievals")}
          options={Array.from({ length: MAX_RETRIEVALS }, (_, i) => ({
            value: i + 1,
            label: t("odds.plan.retrievals.option", { count: i + 1 }),
          }))}
          value={retrievals}
          onChange={setRetrievals}
        />
        <PillGroup
          legend={t("odds.plan.frame")}
          hint={t("odds.plan.frameHint")}
          name="odds-frame"
          options={[
            { value: "people-like-me", label: t("odds.plan.frame.like-me") },
            { value: "if-i-keep-going", label: t("odds.plan.frame.keep-going") },
          ]}
          value={frame}
          onChange={setFrame}
        />
        <PillGroup
          legend={t("odds.plan.tested")}
          hint={t("odds.plan.testedHint")}
          name="odds-tested"
          options={[
            { value: "yes", label: t("odds.plan.tested.yes") },
            { value: "no", label: t("odds.plan.tested.no") },
          ]}
          value={tested ? "yes" : "no"}
          onChange={(v) => setTested(v === "yes")}
        />
        <div className="odds-pair">
          <AgeField
            id={`${id}-age`}
            label={t("odds.plan.age")}
            hint={t("odds.plan.ageHint", { age: record.age ?? "none" })}
            value={ageText}
            onChange={setAgeText}
            needed
          />
          <WhatIfField
            id={`${id}-amh`}
            label={t("odds.plan.amh", { unit: amhUnit })}
            hint={
              record.amh
                ? t("odds.plan.amhFromRecord", {
                    value: number(record.amh.value, { maximumFractionDigits: 2 }),
                    unit: record.amh.unit,
                    date: i18n.day(record.amh.drawnAt.slice(0, 10), true),
                  })
                : t("odds.plan.amhNone")
            }
            value={amhText}
            onChange={setAmhText}
            usable={amhOk}
            wrong={t("odds.plan.amhProblem")}
            decimal
          />
        </div>
      </div>

      <OddsProblem problem={result && !result.ok ? result.error : null} />
      {result?.ok && (
        <PlanAnswer
          plan={result.value}
          points={pointsOf(
            result.value,
            goal,
            withBank ? { transferable, euploid } : null,
            question!.tested,
          )}
          goal={goal}
          frame={question!.frame}
          tested={question!.tested}
          age={question!.age}
          withBank={withBank}
          more={more}
          historyCount={record.history.length}
        />
      )}
      {leftOut.length > 0 && (
        <p className="small muted">
          {t("odds.plan.leftOut", {
            count: record.historyLeftOut.length,
            reasons: leftOut.map((r) => t(`odds.plan.leftOut.${r}`)).join("; "),
          })}
        </p>
      )}
      {result?.ok && <Sources sources={result.value.sources} notes={result.value.notes} />}
    </section>
  );
}

function PlanAnswer({
  plan,
  points,
  goal,
  frame,
  tested,
  age,
  withBank,
  more,
  historyCount,
}: {
  plan: RetrievalPlan;
  points: readonly PlanPoint[];
  goal: "one" | "two";
  frame: PlanFrame;
  tested: boolean;
  age: number;
  withBank: boolean;
  more: boolean;
  historyCount: number;
}) {
  const { t } = useI18n();
  const last = points.at(-1)!;
  const goalText = goalWords(t, goal);
  return (
    <>
      <Chance
        estimate={last.typical}
        sentence={t("odds.freq.plan", {
          ...frequencyValues(last.typical),
          age,
          bank: withBank ? "yes" : "no",
          more: more ? "yes" : "no",
          frame: frame === "if-i-keep-going" ? "keep" : "like-me",
          count: last.n,
          goal: goalText,
        })}
        legend={t("odds.icons.legendCentral", { goal: goalText })}
        caveat={<Caveat notes={plan.notes} />}
        {...(!withBank && { denominator: t("odds.denominator.planned retrievals") })}
      />
      {last.own && (
        <div className="stack-tight">
          <p className="odds-sentence">
            {t("odds.freq.planOwn", {
              ...frequencyValues(last.own),
              learned: learnedWords(t, historyCount, plan.transfersCounted),
              goal: goalText,
            })}
          </p>
          <p className="odds-range-sentence">{rangeSentence(t, last.own, true)}</p>
        </div>
      )}
      {points.length > 1 && (
        // A plain box, so the card's spacing reaches the chart (a figure sets its own margin).
        <div>
          <Suspense fallback={chartSpace}>
            <PlanChart points={points} goal={goal} tested={tested} withBank={withBank} />
          </Suspense>
        </div>
      )}
      {plan.funnel.personal && <FunnelTable plan={plan} age={age} historyCount={historyCount} />}
    </>
  );
}
