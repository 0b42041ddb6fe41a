/** Pieces the pregnancy screens share: a page with nothing to show, and the "Remove" under an entry. */
import type { ClientProblem } from "@trellis/client";
import type { Result } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { type Form, QuietButton, useForm } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";

/**
 * A page with nothing to show (a transfer or path that is not there, no
 * embryo to transfer): why, in a heading and a line, and the way on.
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

/**
 * The quiet "Remove" under a beta, an outcome or a step, for those who keep
 * the record: `remove` records the retraction through the action's form; once
 * saved, `removed` is said in a toast (a refusal is said there too).
 */
export function RemoveEntry({
  label,
  spoken,
  removed,
  remove,
  onRemoved,
  row = true,
}: {
  label: string;
  spoken: string;
  removed: string;
  remove: (action: Form<never>) => Promise<Result<unknown, ClientProblem>>;
  onRemoved?: () => void;
  /** In its own row of actions under the entry (`record-actions`), or bare where the entry sets it out. */
  row?: boolean;
}) {
  const action = useForm({ formLine: "toast" });
  const toast = useToast();
  async function click() {
    const r = await remove(action);
    if (!r.ok) return;
    onRemoved?.();
    toast.show(removed);
  }
  const button = <QuietButton label={label} spoken={spoken} onClick={() => void click()} />;
  return (
    <WhenCanRecord>{row ? <div className="record-actions">{button}</div> : button}</WhenCanRecord>
  );
}
