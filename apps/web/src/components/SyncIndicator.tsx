import { Link } from "wouter";
import { routes } from "../app/routes.ts";
import { useSyncSnapshot } from "../app/sync-context.tsx";
import { syncLine } from "../app/sync-words.ts";
import { useT } from "../i18n/i18n.tsx";

/**
 * One quiet line at the top of every screen, only for people with an
 * account: "Synced", "3 entries waiting to sync", "Offline — saved on this
 * device"... It links to Settings, where the details are. (A viewer is told
 * they read only on the screens that would otherwise offer to record: see
 * ReadOnlyNote.)
 */
export function SyncIndicator() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const line = syncLine(t, snapshot);
  if (!line) return null;
  const phase =
    snapshot.vault && snapshot.vault.state !== "active" ? "waiting" : snapshot.status?.phase;
  const held = snapshot.status?.held ?? 0;
  return (
    <div className="sync-line">
      <Link href={routes.settings} className="sync-link">
        <span className={`sync-dot sync-dot-${phase ?? "waiting"}`} aria-hidden="true" />
        <span role="status">
          {line}
          {held > 0 && ` · ${t("sync.held", { count: held })}`}
        </span>
      </Link>
    </div>
  );
}
