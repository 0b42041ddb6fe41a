import { type ReactNode, type Ref, useState } from "react";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

/** How an action button looks: quiet (most list actions), plain, or danger (stops sharing, revokes). */
export type ButtonTone = "quiet" | "plain" | "danger";

const toneClass: Record<ButtonTone, string> = {
  quiet: "button button-quiet",
  plain: "button",
  danger: "button button-danger",
};

/**
 * A quiet button for an action on one entry of a list ("Edit", "Remove").
 * `spoken` names the entry for screen readers ("Remove the note of 3 March"),
 * since the visible word alone does not say which.
 */
export function QuietButton({
  label,
  spoken,
  onClick,
  buttonRef,
  tone = "quiet",
  disabled,
}: {
  label: ReactNode;
  spoken?: string | undefined;
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  /** Another look for the same kind of action (default quiet). */
  tone?: ButtonTone;
  disabled?: boolean | undefined;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className={toneClass[tone]}
      aria-label={spoken}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** A plain button on a line of its own: the one thing to do next ("Allow notifications"). */
export function ButtonLine({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <div>
      <QuietButton tone="plain" label={label} onClick={onClick} />
    </div>
  );
}

/**
 * A button that asks first (`ConfirmDialog`) and only then does what cannot
 * be undone; closing the question returns focus to the button. Quiet unless
 * `tone` says otherwise; `disabled` while the form it belongs to is busy.
 */
export function ConfirmButton({
  label,
  spoken,
  title,
  body,
  confirmLabel = label,
  cancelLabel,
  onConfirm,
  tone,
  disabled,
}: {
  label: string;
  spoken?: string | undefined;
  title: string;
  body: string;
  confirmLabel?: string;
  cancelLabel: string;
  onConfirm: () => void;
  tone?: ButtonTone;
  disabled?: boolean | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <QuietButton
        label={label}
        spoken={spoken}
        tone={tone}
        disabled={disabled}
        onClick={() => setOpen(true)}
      />
      <ConfirmDialog
        open={open}
        title={title}
        body={body}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        onConfirm={onConfirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
