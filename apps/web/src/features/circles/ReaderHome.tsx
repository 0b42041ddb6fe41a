import { useId } from "react";
import { Page } from "../../components/Page.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { LeaveCircle } from "./CircleScreen.tsx";
import type { CircleSummary } from "./circles-api.ts";
import { FamilySupport } from "./FamilySupport.tsx";
import { ReaderCircle } from "./ReaderCircle.tsx";
import { StopReading } from "./StopReading.tsx";
import { useCircleView } from "./use-circle-data.ts";
import { WaitingToJoin } from "./WaitingToJoin.tsx";

/**
 * A reader's home: every circle they read, each with its status first,
 * then the how-to-help note and the posts; circles not yet opened to them
 * wait; then support for family and friends.
 */
export function ReaderHome({
  circles,
  onOwnRecord,
}: {
  circles: readonly CircleSummary[];
  /** The person chose to keep a record of their own here (set-up). */
  onOwnRecord: () => void;
}) {
  const t = useT();
  return (
    <Page title={t("reader.title")} intro={t("reader.intro")}>
      {circles.length === 0 && (
        <section className="card stack-tight">
          <p>{t("reader.none")}</p>
          <div>
            <button type="button" className="button button-quiet" onClick={onOwnRecord}>
              {t("reader.ownRecord")}
            </button>
          </div>
        </section>
      )}
      {circles.map((c) =>
        c.state === "waiting" ? (
          <WaitingCircle key={c.circleId} circleId={c.circleId} />
        ) : (
          <OneCircle key={c.circleId} summary={c} />
        ),
      )}
      <FamilySupport />
      <StopReading circles={circles} />
    </Page>
  );
}

function WaitingCircle({ circleId }: { circleId: string }) {
  const t = useT();
  const id = useId();
  return (
    <section className="reader-circle stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("join.waiting.title")}</h2>
      <WaitingToJoin circleId={circleId} />
    </section>
  );
}

function OneCircle({ summary }: { summary: CircleSummary }) {
  const id = useId();
  const { value: circle, reload } = useCircleView(summary.circleId);
  return (
    <section className="reader-circle stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{circle?.name ?? summary.name}</h2>
      {circle && <ReaderCircle circle={circle} onChange={reload} headingLevel={3} />}
      <LeaveCircle circleId={summary.circleId} />
    </section>
  );
}
