import { type RefObject, useEffect, useId, useRef } from "react";

/**
 * A native `<dialog>` shown as a modal while `open` is true and closed when
 * it turns false; the ref goes on the dialog. Escape closes it too (its
 * `onClose` should then set `open` back to false).
 */
export function useModal(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

/**
 * Asks before something that cannot be undone (there is no "restore" event for
 * a removed result or a cancelled appointment). Open while `open` is true;
 * Escape or the quiet button closes it without doing anything.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useModal(open);
  const id = useId();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <form method="dialog" className="row">
        <button type="submit" className="button">
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            ref.current?.close();
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
      </form>
    </dialog>
  );
}
