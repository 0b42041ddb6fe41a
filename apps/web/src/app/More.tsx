import { Link } from "wouter";
import { Icon } from "../components/Icon.tsx";
import { Page } from "../components/Page.tsx";
import { useT } from "../i18n/i18n.tsx";
import { sections } from "./sections.ts";

/** On a phone, the sections that do not fit in the bottom bar. */
export function More() {
  const t = useT();
  return (
    <Page title={t("more.title")}>
      <ul className="link-list">
        {sections.map((s) => (
          <li key={s.path}>
            <Link href={s.path}>
              <Icon name={s.icon} />
              <span>{t(s.label)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
