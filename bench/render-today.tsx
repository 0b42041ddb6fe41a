import type { TrellisClient } from "@trellis/client";
import type { JourneyState } from "@trellis/domain";
import { renderToString } from "react-dom/server";
import { Router } from "wouter";
import { ClientProvider } from "../apps/web/src/app/client-context.tsx";
import { SyncProvider } from "../apps/web/src/app/sync-context.tsx";
import { ToastProvider } from "../apps/web/src/components/Toast.tsx";
import { Today } from "../apps/web/src/features/treatment/index.ts";
import { createI18n, I18nProvider } from "../apps/web/src/i18n/i18n.tsx";

const i18n = createI18n(["en"]);

/** Renders the real Today screen for a state, as the browser would on first paint. */
export function renderTodayHtml(
  state: JourneyState,
  nowMs: number,
  options: { canRecord?: boolean } = {},
): string {
  const client = {
    state,
    device: "bench0001",
    unreadable: [],
    canRecord: options.canRecord ?? true,
    deviceSettings: {},
    subscribe: () => () => {},
  } as unknown as TrellisClient;
  const realNow = Date.now;
  Date.now = () => nowMs;
  try {
    return renderToString(
      <Router ssrPath="/">
        <I18nProvider i18n={i18n}>
          <ClientProvider client={client}>
            <SyncProvider>
              <ToastProvider>
                <Today />
              </ToastProvider>
            </SyncProvider>
          </ClientProvider>
        </I18nProvider>
      </Router>,
    );
  } finally {
    Date.now = realNow;
  }
}
