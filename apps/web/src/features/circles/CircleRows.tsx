import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useT } from "../../i18n/i18n.tsx";
import type { CircleSummary } from "./circles-api.ts";

/**
 * Circles as a list of links: the name, the status its members see first,
 * who is waiting to be let in, and what is new since this device last
 * looked (never in quiet mode: circle notices pause there).
 */
export function CircleRows({
  circles,
  quiet,
}: {
  circles: readonly CircleSummary[];
  quiet: boolean;
}) {
  const t = useT();
  return (
    <ul className="plain-list circle-rows">
      {circles.map((c) => (
        <li key={c.circleId}>
          <Link href={routes.circles.detail(c.circleId)} className="card-link circle-row">
            <span className="circle-row-name">
              {c.state === "waiting" ? t("circles.waitingToJoin") : c.name}
            </span>
            {c.state === "active" && (
              <span className="small muted circle-row-status">
                {c.status?.text ?? t("circles.noStatus")}
              </span>
            )}
            {c.waiting > 0 && (
              <span className="small">{t("circles.waitingCount", { count: c.waiting })}</span>
            )}
            {!quiet && c.unseen > 0 && (
              <span className="small circle-new">{t("circles.unseen", { count: c.unseen })}</span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
