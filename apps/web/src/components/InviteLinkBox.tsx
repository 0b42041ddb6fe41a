import { useState } from "react";

/**
 * A one-time invite link, shown whole (selected on focus) with a Copy
 * button, and the phone's share sheet where there is one. Used for a
 * partner's invite and a circle's. The caller names it (a label for
 * `textareaId`, or `labelledBy`) and describes it (`describedBy`: the day it
 * stops working). Give it `key={link}` so "Copied" goes with a new link.
 */
export function InviteLinkBox(props: {
  readonly link: string;
  readonly textareaId: string;
  readonly labelledBy?: string;
  readonly describedBy: string;
  readonly rows: number;
  readonly copyLabel: string;
  readonly copiedLabel: string;
  /** Offer the share sheet (where the browser has one) with this title. */
  readonly share?: { readonly label: string; readonly title: string };
}) {
  const [copied, setCopied] = useState(false);
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";
  const { link, share } = props;
  return (
    <>
      <textarea
        id={props.textareaId}
        className="invite-link"
        readOnly
        rows={props.rows}
        value={link}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        onFocus={(e) => e.target.select()}
      />
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {props.copyLabel}
        </button>
        {share && canShare && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void navigator.share({ title: share.title, url: link }).catch(() => undefined)
            }
          >
            {share.label}
          </button>
        )}
      </div>
      {copied && <p role="status">{props.copiedLabel}</p>}
    </>
  );
}
