import { Children, type ReactNode, useId } from "react";

export interface PillOption<V extends string | number> {
  readonly value: V;
  readonly label: string;
}

/**
 * A question with a few answers, as large pills: real radio buttons in a
 * fieldset, so a screen reader hears the question with each answer and the
 * arrow keys move between them. The chosen pill carries a tick as well as a
 * colour. `children` sits inside the group (a follow-up such as "getting worse").
 */
export function PillGroup<V extends string | number>({
  legend,
  hint,
  name,
  options,
  value,
  onChange,
  children,
}: {
  legend: string;
  hint?: string | undefined;
  name: string;
  options: readonly PillOption<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  children?: ReactNode;
}) {
  const group = useId();
  return (
    <PillFrame
      legend={legend}
      hint={hint}
      pills={options.map((o) => (
        <label className="pill-option" key={String(o.value)}>
          <input
            type="radio"
            name={`${name}-${group}`}
            value={String(o.value)}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    >
      {children}
    </PillFrame>
  );
}

/**
 * A question answered with any of a few pills: the `PillCheck`s given as
 * children, in a fieldset with the question and its hint. Nothing at all
 * when there is no pill to show (none asked at this stage).
 */
export function PillChecks({
  legend,
  hint,
  children,
}: {
  legend: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  if (Children.count(children) === 0) return null;
  return <PillFrame legend={legend} hint={hint} pills={children} />;
}

/** The fieldset both kinds of pill question share: legend, hint read with the group, the row of pills, then a follow-up. */
function PillFrame({
  legend,
  hint,
  pills,
  children,
}: {
  legend: string;
  hint: string | undefined;
  pills: ReactNode;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="pill-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="pill-row">{pills}</div>
      {children}
    </fieldset>
  );
}

/** A yes-or-no answer as a single pill: a real checkbox. */
export function PillCheck({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="pill-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
