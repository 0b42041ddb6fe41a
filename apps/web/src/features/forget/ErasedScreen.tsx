import { useEffect } from "react";
import { useT } from "../../i18n/i18n.tsx";

/**
 * Said once the device has forgotten everything because another of the
 * person's devices signed it out: at start, or the moment the running app
 * learns it. Calm words, nothing of the record; "Start again" opens Trellis
 * afresh on this device.
 */
export function ErasedScreen() {
  const t = useT();
  useEffect(() => {
    document.title = t("app.name");
  }, [t]);
  return (
    <main id="main" className="setup">
      <div className="setup-card" role="status" aria-labelledby="erased-title">
        <h1 id="erased-title">{t("account.erased.title")}</h1>
        <p className="lead">{t("account.erased.body")}</p>
        <p>{t("account.erased.more")}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => location.replace(import.meta.env.BASE_URL)}
        >
          {t("account.erased.startAgain")}
        </button>
      </div>
    </main>
  );
}
