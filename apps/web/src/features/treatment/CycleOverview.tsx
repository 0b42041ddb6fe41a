import { type Cycle, cycleList } from "@trellis/domain";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CycleDetail } from "./CycleDetail.tsx";

/** The Cycle section: the current cycle straight away, then earlier cycles and "Start a cycle". */
export function CycleOverview() {
  const { t } = useI18n();
  const state = useJourneyState();
  const cycles = cycleList(state);
  const active = cycles.find((c) => c.status === "active");
  const others = cycles.filter((c) => c !== active);
  const rest = (
    <>
      {others.length > 0 && (
        <CycleLinks title={t(active ? "cycle.past" : "cycle.past")} cycles={others} />
      )}
      <WhenCanRecord>
        <p>
          <Link className={`button${active ? "" : " button-primary"}`} href={routes.cycle.start}>
            {t("cycle.start")}
          </Link>
        </p>
      </WhenCanRecord>
    </>
  );
  if (active) return <CycleDetail cycleId={active.id}>{rest}</CycleDetail>;
  return (
    <Page title={t("cycle.title")}>
      <ReadOnlyNote />
      {cycles.length === 0 && (
        <section className="card empty stack-tight">
          <h2>{t("cycle.empty.title")}</h2>
          <p>{t("cycle.empty.body")}</p>
        </section>
      )}
      {rest}
    </Page>
  );
}

function CycleLinks({ title, cycles }: { title: string; cycles: Cycle[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="stack-tight">
      <h2>{title}</h2>
      <ul className="plain-list stack-tight">
        {cycles.map((c) => (
          <li key={c.id} className="card">
            <Link href={routes.cycle.detail(c.id)} className="card-link">
              {c.protocolName}
            </Link>
            <p className="muted small">
              {[
                t(`cycle.type.${c.cycleType}`),
                c.status === "active"
                  ? t("cycle.startedOn", { date: i18n.day(c.startDate, true) })
                  : t(`cycle.status.${c.status}`, { date: i18n.day(c.endedOn!, true) }),
              ].join(" · ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
