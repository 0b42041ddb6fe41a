import { registerSW } from "virtual:pwa-register";
import {
  newPrfSalt,
  openDeviceLock,
  openIndexedDbStorage,
  openSealedIndexedDbStorage,
  type TrellisClient,
} from "@trellis/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { ClientProvider } from "./app/client-context.tsx";
import { applyDiscreet } from "./app/discreet.ts";
import { preloadFirstScreens } from "./app/screens.tsx";
import { SyncProvider } from "./app/sync-context.tsx";
import { ToastProvider } from "./components/Toast.tsx";
import { ErasedScreen, eraseIfSignedOutElsewhere } from "./features/forget/index.ts";
import { type LockBackend, LockGate, openLockGate } from "./features/lock/index.ts";
import type { MessageKey } from "./i18n/en.ts";
import { createI18n, I18nProvider } from "./i18n/i18n.tsx";
import "./styles.css";
import { loadTemporal } from "./temporal.ts";

// First of all, before anything shows: the discreet install's name, icon and manifest.
applyDiscreet();
const i18n = createI18n(navigator.languages ?? [navigator.language]);
document.documentElement.lang = i18n.locale;
const root = createRoot(document.getElementById("root")!);

registerSW({ immediate: true });

/** Why the app could not open, in the catalogue's words: never the browser's own message. */
function startFailureKey(cause: unknown): MessageKey {
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : "";
  if (name === "QuotaExceededError") return "app.failed.space";
  if (name === "InvalidStateError" || name === "SecurityError") return "app.failed.private";
  if (name === "VersionError") return "app.failed.version";
  return "app.failed.storage";
}

/** The record as the app has always shown it, once the lock (if on) is open. */
function app(client: TrellisClient) {
  return (
    <ClientProvider client={client}>
      <SyncProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </SyncProvider>
    </ClientProvider>
  );
}

const lockBackend: LockBackend = {
  openDeviceLock,
  openSealedIndexedDbStorage,
  openIndexedDbStorage: () => openIndexedDbStorage(),
  newPrfSalt,
};

function failed(cause: unknown) {
  root.render(
    <main className="setup">
      <div className="setup-card" role="alert">
        <h1>{i18n.t("app.failed.title")}</h1>
        <p>{i18n.t("app.failed.body")}</p>
        <p className="muted small">{i18n.t(startFailureKey(cause))}</p>
        <button type="button" className="button button-primary" onClick={() => location.reload()}>
          {i18n.t("app.reload")}
        </button>
      </div>
    </main>,
  );
}

/**
 * In order: the sign-out check (a device signed out from another one forgets
 * everything before anything opens, locked or not), then the app lock's
 * gate, which opens the record (at once with the lock off, after the
 * passphrase with it on) and shows the app.
 */
async function start() {
  root.render(<p className="loading">{i18n.t("app.loading")}</p>);
  const firstScreens = preloadFirstScreens();
  // Where the browser has no Temporal of its own: the polyfill, before any date is read.
  await loadTemporal();
  // Signed out from another device: forget everything before anything is opened.
  if (await eraseIfSignedOutElsewhere()) {
    return root.render(
      <I18nProvider i18n={i18n}>
        <ErasedScreen />
      </I18nProvider>,
    );
  }
  try {
    const gate = await openLockGate(lockBackend);
    await firstScreens;
    root.render(
      <StrictMode>
        <I18nProvider i18n={i18n}>
          <LockGate start={gate} app={app} onFailure={failed} />
        </I18nProvider>
      </StrictMode>,
    );
  } catch (cause) {
    failed(cause);
  }
}

void start();
