import { type ReactNode, type Ref, useState } from "react";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

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
}: {
  label: ReactNode;
  spoken?: string | undefined;
  onClick: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button button-quiet"
      aria-label={spoken}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/**
 * A quiet button that asks first (`ConfirmDialog`) and only then does what
 * cannot be undone; closing the question returns focus to the button.
 */
export function ConfirmButton({
  label,
  spoken,
  title,
  body,
  confirmLabel = label,
  cancelLabel,
  onConfirm,
}: {
  label: string;
  spoken?: string | undefined;
  title: string;
  body: string;
  confirmLabel?: string;
  cancelLabel: string;
  onConfirm: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <QuietButton label={label} spoken={spoken} onClick={() => setOpen(true)} />
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
