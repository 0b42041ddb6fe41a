import type { RetrievalPlan } from "@trellis/domain";
import { useId } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

/** One retrieval as the model sees it: typical for the age, and learning from the person's own. */
export function FunnelTable({
  plan,
  age,
  historyCount,
}: {
  plan: RetrievalPlan;
  age: number;
  historyCount: number;
}) {
  const { t, number } = useI18n();
  const id = useId();
  const one = (n: number) => number(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const typical = plan.funnel.population;
  const own = plan.funnel.personal!;
  const rows = [
    {
      key: "eggs",
      label: t("odds.plan.funnel.eggs"),
      typical: t("odds.plan.funnel.range", {
        n: one(typical.eggsPerRetrieval.central),
        low: one(typical.eggsPerRetrieval.low),
        high: one(typical.eggsPerRetrieval.high),
      }),
      own: t("odds.plan.funnel.range", {
        n: one(own.eggsPerRetrieval.central),
        low: one(own.eggsPerRetrieval.low),
        high: one(own.eggsPerRetrieval.high),
      }),
    },
    {
      key: "blastocysts",
      label: t("odds.plan.funnel.blastocysts"),
      typical: one(typical.blastocystsPerRetrieval),
      own: one(own.blastocystsPerRetrieval),
    },
    {
      key: "euploid",
      label: t("odds.plan.funnel.euploid"),
      typical: one(typical.euploidBlastocystsPerRetrieval),
      own: one(own.euploidBlastocystsPerRetrieval),
    },
  ];
  return (
    <div className="stack-tight">
      <h3 id={`${id}-funnel`}>{t("odds.plan.funnelTitle")}</h3>
      <p className="small muted">{t("odds.plan.funnelIntro", { count: historyCount })}</p>
      <table className="odds-funnel" aria-labelledby={`${id}-funnel`}>
        <thead>
          <tr>
            <th scope="col">{t("odds.plan.funnel.step")}</th>
            <th scope="col">{t("odds.plan.funnel.typical", { age })}</th>
            <th scope="col">{t("odds.plan.funnel.own")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.typical}</td>
              <td>{r.own}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
