import { type ReactNode, useEffect, useRef } from "react";
import { setDocumentTitle } from "../app/discreet.ts";
import { useT } from "../i18n/i18n.tsx";

let firstPage = true;

/**
 * A screen: sets the document title and, after navigation, moves focus to the
 * heading so screen-reader and keyboard users land at the start of the new page.
 */
export function Page({
  title,
  children,
  intro,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setDocumentTitle(`${title} · ${t("app.name")}`);
    if (firstPage) {
      firstPage = false;
    } else {
      heading.current?.focus();
    }
  }, [title, t]);
  return (
    <>
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {intro && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </>
  );
}
