import { useId } from "react";
import { Link } from "wouter";
import { Page } from "./Page.tsx";

/**
 * A page with nothing to show (a cycle, retrieval, transfer or path that is
 * not there, no embryo to transfer): why, in a heading and a line, and the
 * way on.
 */
export function NothingHere({
  title,
  heading,
  body,
  href,
  link,
}: {
  title: string;
  heading?: string;
  body?: string;
  href: string;
  link: string;
}) {
  const id = useId();
  return (
    <Page title={title}>
      <section className="card empty" aria-labelledby={heading ? id : undefined}>
        {heading && <h2 id={id}>{heading}</h2>}
        {body && <p>{body}</p>}
        <Link className="button" href={href}>
          {link}
        </Link>
      </section>
    </Page>
  );
}
