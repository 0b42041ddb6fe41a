import { Page } from "../components/Page.tsx";
import { useT } from "../i18n/i18n.tsx";
import type { Section } from "./sections.ts";

/** A section that exists in the plan but not yet in the app: says so plainly, shows no sample data. */
export function NotBuilt({ section }: { section: Section }) {
  const t = useT();
  return (
    <Page title={t(section.label)}>
      <section className="card empty" aria-labelledby="not-built">
        <h2 id="not-built">{t("section.notBuilt")}</h2>
        {section.purpose && <p>{t(section.purpose)}</p>}
        <p className="muted">{t("section.notBuilt.body")}</p>
      </section>
    </Page>
  );
}
