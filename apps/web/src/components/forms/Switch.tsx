/**
 * An on/off switch that acts at once (no Save): a button with role
 * "switch", its state in `aria-checked`, described by the hint beside it.
 */
export function Switch({
  on,
  label,
  describedBy,
  onToggle,
  disabled,
}: {
  on: boolean;
  label: string;
  describedBy?: string;
  onToggle: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-describedby={describedBy}
      className={`switch${on ? " switch-on" : ""}`}
      onClick={onToggle}
      disabled={disabled}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{label}</span>
    </button>
  );
}
