import { type ChangeEvent, useRef } from "react";

/**
 * A button that opens the device's file chooser. The file input itself is
 * kept out of sight and out of the Tab order: the button is the control.
 */
export function PickFileButton({
  label,
  accept,
  onPick,
}: {
  label: string;
  accept: string;
  onPick: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={label}
        onChange={onPick}
      />
    </>
  );
}
