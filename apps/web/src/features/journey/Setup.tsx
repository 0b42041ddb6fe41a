import { useEffect, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import { setDocumentTitle } from "../../app/discreet.ts";
import { ImportFromFile, type ImportResult } from "../../app/ImportFromFile.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { nowZoned } from "../../app/time.ts";
import { FormError } from "../../components/forms/index.ts";
import { useI18n, useT } from "../../i18n/i18n.tsx";
import { importRefusalText } from "../../i18n/refusals.ts";
import { SignInOffer } from "../account/index.ts";
import { LockOffer } from "../lock/index.ts";
import { JourneyForm } from "./JourneyForm.tsx";

export function Setup() {
  const t = useT();
  const i18n = useI18n();
  const client = useClient();
  const canRecord = useCanRecord();
  const [restoreMessage, setRestoreMessage] = useState<string | null>(null);

  function restored(result: ImportResult) {
    // On success the journey exists and the app moves on to Today by itself.
    if (result.kind === "unreadable") setRestoreMessage(t("settings.import.unreadable"));
    else if (result.kind === "refused")
      setRestoreMessage(
        t("settings.import.failed", { message: importRefusalText(i18n, result.problem) }),
      );
    else if (!client.state.journey)
      // An export with nothing in it is not one "with entries but no set-up details".
      setRestoreMessage(t(result.count === 0 ? "refusal.no-events" : "setup.restore.noJourney"));
    else setRestoreMessage(null);
  }

  useEffect(() => {
    setDocumentTitle(t("setup.title"));
  }, [t]);
  if (!canRecord) {
    // A viewer whose shared record has not arrived yet: nothing to set up here.
    return (
      <main id="main" className="setup">
        <div className="setup-card">
          <h1>{t("setup.title")}</h1>
          <p className="lead" role="status">
            {t("setup.viewerWaiting")}
          </p>
        </div>
      </main>
    );
  }
  return (
    <main id="main" className="setup">
      <div className="setup-card">
        <h1>{t("setup.title")}</h1>
        <p className="lead">{t("setup.intro")}</p>
        <JourneyForm
          submitLabel={t("setup.submit")}
          event={(f) => ({
            type: "JourneyCreated",
            payload: {
              ...(f.displayName.trim() && { displayName: f.displayName }),
              ...(f.partnerName.trim() && { partnerName: f.partnerName }),
              dateOfBirth: f.dateOfBirth,
              homeZone: f.homeZone,
              createdAt: nowZoned(f.homeZone),
            },
          })}
        />
        <section className="restore stack-tight" aria-labelledby="restore-title">
          <h2 id="restore-title">{t("setup.restore.title")}</h2>
          <p className="hint">{t("setup.restore.hint")}</p>
          <ImportFromFile label={t("setup.restore")} onResult={restored} />
          <FormError>{restoreMessage}</FormError>
        </section>
        <SignInOffer />
        <LockOffer />
        <p className="hint">{t("setup.disclaimer")}</p>
      </div>
    </main>
  );
}
