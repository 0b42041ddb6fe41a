import type { ReactNode } from "react";

/** The ids an input is described by, joined; `undefined` when there are none. */
export const describedBy = (...ids: readonly (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(" ") || undefined;

/** What a field's input spreads on itself (`<input {...input} />`): its id and what describes it. */
export interface FieldInput {
  readonly id: string;
  readonly "aria-describedby": string | undefined;
  readonly "aria-invalid": true | undefined;
}

/**
 * A labelled form field with its hint and error tied to the input for
 * assistive tech: `children` gets the input's id and aria attributes to
 * spread. `also` names other lines that describe the input (a shared hint,
 * what was understood), read before the field's own hint and error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  also,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  also?: readonly (string | false | null | undefined)[];
  children: (input: FieldInput) => ReactNode;
}) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy(
          ...(also ?? []),
          hint && `${id}-hint`,
          error && `${id}-error`,
        ),
        "aria-invalid": error ? true : undefined,
      })}
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * The words beside one input saying what is wrong (a local check or a
 * refusal), with the id `<input id>-error` the input's `aria-describedby`
 * names; nothing when all is well.
 */
export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** The form's own error line (a refusal that belongs to no single input), read out at once; nothing when all is well. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="error" role="alert">
      {children}
    </p>
  );
}
