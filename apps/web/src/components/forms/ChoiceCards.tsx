import { describedBy, FieldError } from "./Field.tsx";

/** One answer of a choice list: its title, and a line that says more about it. */
export interface ChoiceOption<V extends string> {
  readonly value: V;
  readonly title: string;
  readonly body?: string | undefined;
}

interface CardsProps<V extends string> {
  /** `form.id(name)`: a refusal about this field finds it, and focus goes to its first answer. */
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly ChoiceOption<V>[];
  /** The list's spacing: `choices` (a grid) or `stack-tight`. */
  className?: string | undefined;
}

/**
 * Answers as cards, each a real radio button or checkbox with a title and a
 * line about it, in a fieldset that is read with its legend, its hint and
 * what is wrong. The chosen cards stand out by their border and background.
 */
function Cards<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  className,
  type,
  isOn,
  onToggle,
}: CardsProps<V> & {
  type: "radio" | "checkbox";
  isOn: (value: V) => boolean;
  onToggle: (value: V, on: boolean) => void;
}) {
  return (
    <fieldset
      id={id}
      className={className}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((o) => (
        <label key={o.value} className={`choice${isOn(o.value) ? " choice-on" : ""}`}>
          <input
            type={type}
            name={id}
            value={o.value}
            checked={isOn(o.value)}
            onChange={(e) => onToggle(o.value, e.target.checked)}
          />
          <span>
            <span className="choice-title">{o.title}</span>
            {o.body && <span className="choice-body">{o.body}</span>}
          </span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** One answer of a few, each a card with a line about it (what a transfer led to). */
export function ChoiceGroup<V extends string>({
  value,
  onChange,
  ...props
}: CardsProps<V> & { value: V | null; onChange: (value: V) => void }) {
  return <Cards {...props} type="radio" isOn={(v) => v === value} onToggle={(v) => onChange(v)} />;
}

/** Any number of answers from a list, each a card (which embryos go into a transfer). */
export function ChoiceChecks<V extends string>({
  values,
  onChange,
  ...props
}: CardsProps<V> & { values: readonly V[]; onChange: (values: V[]) => void }) {
  return (
    <Cards
      {...props}
      type="checkbox"
      isOn={(v) => values.includes(v)}
      onToggle={(v, on) => onChange(on ? [...values, v] : values.filter((x) => x !== v))}
    />
  );
}
