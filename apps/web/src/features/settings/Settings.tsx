import { useRef, useState } from "react";
import { Link } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { ImportFromFile, type ImportResult } from "../../app/ImportFromFile.tsx";
import { turnOffPush } from "../../app/push-device.ts";
import { routes } from "../../app/routes.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { importRefusalText } from "../../i18n/refusals.ts";
import { AccountSync } from "../account/index.ts";
import { Clinics } from "../clinics/index.ts";
import { JourneyForm } from "../journey/index.ts";
import { AppLockCard } from "../lock/index.ts";
import { TakeYourRecord } from "../records-export/index.ts";
import { CountrySetting } from "./CountrySetting.tsx";
import { DiscreetInstall } from "./DiscreetInstall.tsx";
import { ExportData } from "./ExportData.tsx";
import { QuietMode } from "./QuietMode.tsx";
import { ReaderName } from "./ReaderName.tsx";
import { ReminderSettings } from "./ReminderSettings.tsx";
import { UnitPreferences } from "./UnitPreferences.tsx";

export function Settings() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const journey = state.journey!;
  const toast = useToast();
  const [importMessage, setImportMessage] = useState<string | null>(null);
  const [persistMessage, setPersistMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  function imported(result: ImportResult) {
    setImportMessage(
      result.kind === "unreadable"
        ? t("settings.import.unreadable")
        : result.kind === "added"
          ? t("settings.import.done", { count: result.count })
          : t("settings.import.failed", { message: importRefusalText(i18n, result.problem) }),
    );
  }

  async function persist() {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setPersistMessage(granted ? t("settings.persist.granted") : t("settings.persist.denied"));
  }

  return (
    <Page title={t("settings.title")}>
      <ReadOnlyNote />
      <WhenCanRecord>
        <section className="card stack" aria-labelledby="settings-journey">
          <h2 id="settings-journey">{t("settings.journey")}</h2>
          <JourneyForm
            initial={journey}
            submitLabel={t("form.save")}
            event={(f) => {
              const changes = {
                ...(f.displayName.trim() !== (journey.displayName ?? "") && {
                  displayName: f.displayName.trim() || null,
                }),
                ...(f.partnerName.trim() !== (journey.partnerName ?? "") && {
                  partnerName: f.partnerName.trim() || null,
                }),
                ...(f.dateOfBirth !== journey.dateOfBirth && { dateOfBirth: f.dateOfBirth }),
                ...(f.homeZone !== journey.homeZone && { homeZone: f.homeZone }),
              };
              return Object.keys(changes).length > 0
                ? { type: "JourneyUpdated", payload: changes }
                : null;
            }}
            onSaved={() => toast.show(t("settings.journey.saved"))}
          />
        </section>
      </WhenCanRecord>

      <Clinics />
      <ReaderName />
      <QuietMode />
      <DiscreetInstall />
      <ReminderSettings />
      <UnitPreferences />
      <CountrySetting />
      <AccountSync />
      <AppLockCard />

      <section className="card stack" aria-labelledby="settings-data">
        <h2 id="settings-data">{t("settings.data")}</h2>
        <p>{t("settings.data.where", { count: state.eventCount })}</p>
        {client.unreadable.length > 0 && (
          <p className="notice">{t("settings.unreadable", { count: client.unreadable.length })}</p>
        )}
        <ExportData />
        <div className="stack-tight">
          <Link className="button" href={routes.clinicSummary}>
            {t("clinicSummary.link")}
          </Link>
          <p className="hint">{t("clinicSummary.settings.hint")}</p>
        </div>
        <WhenCanRecord>
          <div className="stack-tight">
            <ImportFromFile label={t("settings.import")} onResult={imported} />
            <p className="hint">{t("settings.import.hint")}</p>
            {importMessage && <p role="status">{importMessage}</p>}
          </div>
        </WhenCanRecord>
        <div className="stack-tight">
          <button type="button" className="button" onClick={persist}>
            {t("settings.persist")}
          </button>
          <p className="hint">{t("settings.persist.hint")}</p>
          {persistMessage && <p role="status">{persistMessage}</p>}
        </div>
        <div className="stack-tight">
          <button
            type="button"
            className="button button-danger"
            onClick={() => dialog.current?.showModal()}
          >
            {t("settings.erase")}
          </button>
          <p className="hint">{t("settings.erase.hint")}</p>
        </div>
      </section>

      <TakeYourRecord />

      <section className="card" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">{t("settings.privacy")}</h2>
        <p>{t("settings.privacy.body")}</p>
      </section>

      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t("settings.about")}</h2>
        <p>{t("settings.about.body")}</p>
        <p className="muted small">{t("settings.version", { version: __APP_VERSION__ })}</p>
      </section>

      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby="erase-title"
        aria-describedby="erase-body"
      >
        <h2 id="erase-title">{t("settings.erase.confirmTitle")}</h2>
        <p id="erase-body">{t("settings.erase.confirmBody")}</p>
        <form method="dialog" className="row">
          <button type="submit" className="button">
            {t("form.cancel")}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={async () => {
              dialog.current?.close();
              // Reminders when closed stop too: the relay deletes this device's queue (best effort, offline is fine).
              await turnOffPush(client).catch(() => undefined);
              await client.eraseDevice();
            }}
          >
            {t("settings.erase.confirm")}
          </button>
        </form>
      </dialog>
    </Page>
  );
}
