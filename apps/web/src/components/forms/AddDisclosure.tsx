import { type ReactNode, useId, useRef, useState } from "react";
import { WhenCanRecord } from "../ReadOnly.tsx";

/**
 * "Add a scan" and friends: a button that opens its form just below, so the
 * screen stays short until the person wants to write. Closing the form (saved
 * or cancelled) returns focus to the button. Its form records, so a viewer
 * never sees it (as inside `WhenCanRecord`).
 */
export function AddDisclosure({
  label,
  children,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
}) {
  return (
    <WhenCanRecord>
      <Disclosure label={label}>{children}</Disclosure>
    </WhenCanRecord>
  );
}

function Disclosure({
  label,
  children,
}: {
  label: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="add-disclosure">
      <button
        ref={button}
        type="button"
        className={`button${open ? "" : " button-primary"}`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="add-sign">
          {open ? "−" : "+"}
        </span>
        {label}
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
