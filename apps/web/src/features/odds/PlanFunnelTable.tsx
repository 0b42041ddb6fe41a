import type { RetrievalPlan } from "@trellis/domain";
import { useId } from "react";
import { DataTable } from "../../components/DataTable.tsx";
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
      head: t("odds.plan.funnel.eggs"),
      cells: [typical, own].map((f) =>
        t("odds.plan.funnel.range", {
          n: one(f.eggsPerRetrieval.central),
          low: one(f.eggsPerRetrieval.low),
          high: one(f.eggsPerRetrieval.high),
        }),
      ),
    },
    {
      key: "blastocysts",
      head: t("odds.plan.funnel.blastocysts"),
      cells: [typical, own].map((f) => one(f.blastocystsPerRetrieval)),
    },
    {
      key: "euploid",
      head: t("odds.plan.funnel.euploid"),
      cells: [typical, own].map((f) => one(f.euploidBlastocystsPerRetrieval)),
    },
  ];
  return (
    <div className="stack-tight">
      <h3 id={`${id}-funnel`}>{t("odds.plan.funnelTitle")}</h3>
      <p className="small muted">{t("odds.plan.funnelIntro", { count: historyCount })}</p>
      <DataTable
        className="odds-funnel"
        labelledBy={`${id}-funnel`}
        columns={[
          t("odds.plan.funnel.step"),
          t("odds.plan.funnel.typical", { age }),
          t("odds.plan.funnel.own"),
        ]}
        rows={rows}
      />
    </div>
  );
}
