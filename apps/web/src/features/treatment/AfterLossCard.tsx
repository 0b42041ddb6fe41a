import { useId, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";

/**
 * After a loss, until the person starts again: nothing to do, remembrance and
 * someone to talk to if they want them. Starting a new cycle stays reachable
 * as a quiet link, never the main button.
 */
export function AfterLossCard({ offerStart }: { offerStart: boolean }) {
  const { t } = useI18n();
  const id = useId();
  // The lines are rendered only when asked for: nothing about them sits on Today unseen.
  const [supportOpen, setSupportOpen] = useState(false);
  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("today.afterLoss.title")}</h2>
      <p>{t("today.afterLoss.body")}</p>
      <p>
        <Link href={routes.remembrance.list}>{t("today.afterLoss.remembrance")}</Link>
      </p>
      <details className="source" onToggle={(e) => setSupportOpen(e.currentTarget.open)}>
        <summary>{t("today.afterLoss.support")}</summary>
        {supportOpen && <SupportLines headingLevel={3} />}
      </details>
      {offerStart && (
        <WhenCanRecord>
          <p className="small muted">
            {t("today.afterLoss.startAgain")}{" "}
            <Link href={routes.cycle.start}>{t("today.afterLoss.startAgain.link")}</Link>
          </p>
        </WhenCanRecord>
      )}
    </section>
  );
}
