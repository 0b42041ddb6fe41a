import type { FunnelCounts, FunnelStep, TypicalFunnel } from "@trellis/domain";
import { LAB_COUNT_MAX } from "@trellis/domain";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { ChartFigure, ChartLegend } from "../../components/ChartFigure.tsx";
import { linearAxis } from "../../components/chart-scale.ts";
import { axisStyle, drawingArea, gridStyle } from "../../components/chart-style.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";

/** The domain refuses more eggs or embryos than `LAB_COUNT_MAX` as a typo, so the axis stops there. */

interface Row {
  readonly step: FunnelStep;
  readonly mine: number | null;
  readonly typical: number | null;
}

function rowsOf(counts: FunnelCounts, typical: TypicalFunnel | null): Row[] {
  const steps: FunnelStep[] =
    counts.kind === "thaw"
      ? ["eggs", "survived", "fertilized", "blastocysts"]
      : ["eggs", "mature", "fertilized", "blastocysts"];
  if (counts.tested !== null) steps.push("euploid");
  const mine: Record<FunnelStep, number | null> = {
    eggs: counts.eggs,
    survived: counts.survived,
    mature: counts.mature,
    fertilized: counts.fertilized,
    blastocysts: counts.blastocysts,
    euploid: counts.euploid,
  };
  return steps.map((step) => ({
    step,
    mine: mine[step],
    typical: typical?.steps.find((s) => s.step === step)?.typical ?? null,
  }));
}

const denominators: Partial<Record<string, MessageKey>> = {
  "per retrieval": "embryos.denominator.per retrieval",
  "per egg retrieved": "embryos.denominator.per egg retrieved",
  "per mature egg": "embryos.denominator.per mature egg",
  "per fertilized egg (2PN)": "embryos.denominator.per fertilized egg (2PN)",
  "per biopsied blastocyst": "embryos.denominator.per biopsied blastocyst",
  "per mature egg frozen": "embryos.denominator.per mature egg frozen",
};

function denominatorWords(i18n: I18n, denominator: string): string {
  const key = denominators[denominator];
  return key ? i18n.t(key) : denominator;
}

/** The short name of a source, for the visible line: "Sunkara et al. 2011". */
export function shortCitation(citation: string): string {
  const year = /^(.*?\b(?:19|20)\d{2})\b/.exec(citation);
  if (year?.[1] && year[1].length <= 48) return year[1];
  return citation.split(/ \(|: /)[0]!;
}

function stepName(i18n: I18n, kind: FunnelCounts["kind"], step: FunnelStep, short = false): string {
  const key = kind === "thaw" && step === "eggs" ? "thawed" : step;
  return i18n.t(short ? `embryos.step.${key}.short` : `embryos.step.${key}`);
}

/**
 * A cohort's funnel as bars, step by step, beside the typical funnel at the
 * age the eggs were collected, with the sources of the typical figures in
 * sight and their ranges one tap away. Screen readers get a summary and a
 * table with the same numbers.
 */
export function FunnelChart({
  counts,
  typical,
}: {
  counts: FunnelCounts;
  typical: TypicalFunnel | null;
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const rows = rowsOf(counts, typical);
  const age = typical?.age ?? 0;
  const about = (n: number) => number(n, { maximumFractionDigits: n < 2 ? 1 : 0 });
  const mineText = rows
    .map(
      (r) =>
        `${stepName(i18n, counts.kind, r.step)} ${r.mine === null ? t("embryos.chart.notReported") : number(r.mine)}`,
    )
    .join(", ");
  const typicalText = rows
    .filter((r) => r.typical !== null)
    .map(
      (r) =>
        `${stepName(i18n, counts.kind, r.step)} ${t("embryos.chart.about", { n: about(r.typical!) })}`,
    )
    .join(", ");
  const axis = linearAxis(
    rows.flatMap((r) => [r.mine ?? 0, r.typical ?? 0]),
    { cap: LAB_COUNT_MAX, minTop: 4 },
  );
  const data = rows.map((r) => ({
    label: stepName(i18n, counts.kind, r.step, true),
    mine: r.mine,
    typical: r.typical,
  }));

  return (
    <ChartFigure
      className="funnel-chart"
      title={
        typical
          ? t("embryos.chart.title", { kind: counts.kind, age })
          : t("embryos.chart.titleNoTypical", { kind: counts.kind })
      }
      summary={
        typical
          ? t("embryos.chart.summary", { mine: mineText, age, typical: typicalText })
          : t("embryos.chart.summaryNoTypical", { mine: mineText })
      }
      drawing={
        <BarChart
          data={data}
          {...drawingArea(220, { top: 20, right: 4, bottom: 4, left: 0 })}
          barGap={2}
        >
          <CartesianGrid {...gridStyle} vertical={false} />
          <XAxis {...axisStyle} dataKey="label" interval={0} height={24} />
          <YAxis
            {...axisStyle}
            domain={[...axis.domain]}
            ticks={[...axis.ticks]}
            allowDataOverflow
            allowDecimals={false}
            width={32}
          />
          <Bar
            dataKey="mine"
            fill="var(--chart-left)"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          >
            <LabelList dataKey="mine" position="top" fill="var(--text)" fontSize={13} />
          </Bar>
          {typical && (
            <Bar
              dataKey="typical"
              fill="var(--chart-typical)"
              stroke="var(--chart-typical-edge)"
              strokeDasharray="3 2"
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
          )}
        </BarChart>
      }
      legend={
        <ChartLegend
          items={[
            { mark: "mine", label: t("embryos.chart.mine", { kind: counts.kind }) },
            typical !== null && { mark: "typical", label: t("embryos.chart.typical", { age }) },
          ]}
        />
      }
      axes={t("embryos.chart.axes")}
      table={{
        caption: t("embryos.chart.tableCaption", { age }),
        columns: [
          t("embryos.chart.stepColumn"),
          t("embryos.chart.mineColumn"),
          typical !== null && t("embryos.chart.typicalColumn", { age }),
        ],
        rows: rows.map((r) => ({
          key: r.step,
          head: stepName(i18n, counts.kind, r.step),
          cells: [
            r.mine === null ? t("embryos.chart.notReported") : number(r.mine),
            typical !== null && (r.typical === null ? "" : about(r.typical)),
          ],
        })),
      }}
    >
      {typical ? (
        <TypicalSources i18n={i18n} kind={counts.kind} typical={typical} />
      ) : (
        <p className="muted small">{t("embryos.chart.noTypical")}</p>
      )}
    </ChartFigure>
  );
}

/** Where the typical figures come from, in sight, and their ranges one tap away. */
function TypicalSources({
  i18n,
  kind,
  typical,
}: {
  i18n: I18n;
  kind: FunnelCounts["kind"];
  typical: TypicalFunnel;
}) {
  const { t, number } = i18n;
  return (
    <>
      <p className="small chart-sources">
        {t("embryos.chart.sources", {
          sources: typical.sources
            .map((s) => `${shortCitation(s.citation)} (${t(`embryos.tag.${s.tag}`)})`)
            .join("; "),
        })}
      </p>
      <details className="source">
        <summary>{t("embryos.chart.aboutTypical")}</summary>
        <div className="stack-tight small">
          <p>{t("embryos.chart.aboutTypical.body")}</p>
          <ul>
            {typical.steps
              .filter((s) => s.rate)
              .map((s) => (
                <li key={s.step}>
                  {t("embryos.chart.rate", {
                    step: stepName(i18n, kind, s.step),
                    central: number(s.rate!.central, { style: "percent" }),
                    low: number(s.rate!.low, { style: "percent" }),
                    high: number(s.rate!.high, { style: "percent" }),
                    denominator: denominatorWords(i18n, s.rate!.denominator),
                  })}
                </li>
              ))}
          </ul>
          <ul>
            {typical.sources.map((s) => (
              <li key={s.id}>
                {s.citation} ({t(`embryos.tag.${s.tag}`)})
              </li>
            ))}
          </ul>
        </div>
      </details>
    </>
  );
}
