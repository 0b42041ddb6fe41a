import { useEffect } from "react";
import { shownAppName } from "../../app/discreet.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * Quick exit's page: an empty lined page that says nothing of what Trellis
 * is for, under a plain title. A tap (or Enter) anywhere brings the person
 * back: to the lock screen when the lock is on, else to where they were.
 */
export function NeutralPage({ onBack }: { onBack: () => void }) {
  const t = useT();
  useEffect(() => {
    document.title = t("lock.neutral.title");
  }, [t]);
  return (
    <main className="neutral-page">
      <h1 className="neutral-title">{t("lock.neutral.title")}</h1>
      <button
        type="button"
        className="neutral-sheet"
        aria-label={t("lock.neutral.page")}
        onClick={onBack}
      />
    </main>
  );
}

/** While another tab turns the lock on or off: this tab has let go of the record and will reload. */
export function OtherTabScreen() {
  const t = useT();
  return (
    <main id="main" className="setup">
      <div className="setup-card">
        <h1>{shownAppName(t("app.name"))}</h1>
        <p role="status">{t("lock.otherTab")}</p>
      </div>
    </main>
  );
}
