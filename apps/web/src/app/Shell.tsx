import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { Icon } from "../components/Icon.tsx";
import { SyncIndicator } from "../components/SyncIndicator.tsx";
import { QuickExitButton } from "../features/lock/index.ts";
import { useT } from "../i18n/i18n.tsx";
import { useReminders } from "./reminders.ts";
import { routes } from "./routes.ts";
import { sections } from "./sections.ts";
import { usePushQueue, useTakenFromNotification } from "./use-push.ts";

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const [location] = useLocation();
  useReminders();
  usePushQueue();
  useTakenFromNotification();
  const isCurrent = (path: string) =>
    path === routes.today ? location === routes.today : location.startsWith(path);
  const moreCurrent =
    location === routes.more || sections.some((s) => !s.primary && isCurrent(s.path));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <QuickExitButton />
      <nav className="nav" aria-label={t("nav.label")}>
        <span className="nav-brand" aria-hidden="true">
          {t("app.name")}
        </span>
        <ul>
          {sections.map((s) => (
            <li key={s.path} className={s.primary ? "nav-primary" : "nav-secondary"}>
              <Link href={s.path} aria-current={isCurrent(s.path) ? "page" : undefined}>
                <Icon name={s.icon} />
                <span className="nav-label-long">{t(s.label)}</span>
                <span className="nav-label-short">{t(s.short ?? s.label)}</span>
              </Link>
            </li>
          ))}
          <li className="nav-more">
            <Link href={routes.more} aria-current={moreCurrent ? "page" : undefined}>
              <Icon name="more" />
              <span className="nav-label-short">{t("nav.more")}</span>
            </Link>
          </li>
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <SyncIndicator />
        {children}
      </main>
    </div>
  );
}
