/** Expected failures are values, not exceptions. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});

/**
 * Why something recorded was refused. `field` names the path inside the event
 * (e.g. `payload.text`) so a screen can put the message next to the right input.
 */
export interface Problem {
  readonly reason: string;
  readonly field: string;
  readonly message: string;
}

export const problem = (reason: string, field: string, message: string): Problem => ({
  reason,
  field,
  message,
});
