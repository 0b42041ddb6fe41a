/**
 * The one way a screen records: `useForm()` records through the client,
 * holds `busy` while it does, and shows what went wrong the same way on
 * every form, whether the form's own check found it ("This is needed.") or
 * the domain refused it: words beside the input they are about, focus moved
 * to the first such input, or the form's own line ("Not saved: ...") when
 * the refusal belongs to no input on the form. See the "Forms" section of
 * the web README for a whole form.
 */
import type { ClientProblem, TrellisClient } from "@trellis/client";
import type { Result } from "@trellis/domain";
import { useEffect, useId, useRef, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved, refusalText } from "../../i18n/refusals.ts";
import { useToast } from "../Toast.tsx";
import { describedBy } from "./Field.tsx";
import { fieldFor, type Placing } from "./place.ts";

/** `from` and `place` (see `Placing`) say where a refusal goes when the domain names a field otherwise than the form. */
export interface FormOptions<F extends string> extends Placing<F> {
  /** Other words beside a field than the refusal's own (`text`), e.g. to say which follicle. */
  words?: (text: string, p: ClientProblem, field: F) => string;
  /**
   * `"toast"` for actions with no form around them (remove, cancel, include
   * in a list): a refusal is said in a toast instead of the form's line.
   */
  formLine?: "inline" | "toast";
  /**
   * Other words for the form's own line (or its toast) than "Not saved:
   * {text}", for an action the person knows by name ("Quiet mode could not
   * be turned off: {text}").
   */
  formWords?: (text: string, p: ClientProblem) => string;
}

/** What a check found: words per field, and `form` for the form's own line; `undefined` is "fine". */
export type Found<F extends string> = Partial<Record<F | "form", string | undefined>>;

export interface Form<F extends string> {
  /** True while something is being recorded: the save button says "Saving…" and waits. */
  readonly busy: boolean;
  /** The words shown beside each field now. */
  readonly fieldErrors: Readonly<Partial<Record<F, string>>>;
  /** The form's own error line now, or null. */
  readonly formError: string | null;
  /** `client.record`; a refusal is shown where it belongs, success clears what was shown. */
  readonly record: TrellisClient["record"];
  /** `client.recordBatch`, the same way (a refusal names the event's index: see `batchIndexOf`). */
  readonly recordBatch: TrellisClient["recordBatch"];
  /** `client.changeDeviceSettings` (this device's own settings), the same way. */
  readonly changeDeviceSettings: TrellisClient["changeDeviceSettings"];
  /** A fresh id for something the person creates (`client.newId()`). */
  newId(): string;
  /** Runs any other saving work (an account call) with `busy` held; shows nothing by itself. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Shows what the form's own checks found, in place of what was shown, and
   * moves focus to the first field in error. True when anything was found:
   * `if (form.fail(found)) return;`. Nothing found clears the form.
   */
  fail(found: Found<F>): boolean;
  /** Shows a refusal that came from elsewhere (a parser, an import) as if recording had refused it. */
  refuse(p: ClientProblem): void;
  /** Takes away what is shown beside these fields, or everything when none is named. */
  clear(...fields: F[]): void;
  /** The id of a field's input (its error line is `<id>-error`). */
  id(field: F): string;
  /** `{ id, error }` for `Field`, `CountField`, `DateField`, `TextField` and `FieldError`. */
  field(field: F): { id: string; error: string | undefined };
  /** `field(name)` with the input's value and setter: `{...form.bind("text", text, setText)}`. */
  bind<V>(
    field: F,
    value: V,
    onChange: (value: V) => void,
  ): { id: string; error: string | undefined; value: V; onChange: (value: V) => void };
  /** `id`, `aria-invalid` and `aria-describedby` for a plain input; `also` names other lines that describe it. */
  input(
    field: F,
    ...also: (string | false | null | undefined)[]
  ): { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };
}

interface Shown<F extends string> {
  readonly fields: Partial<Record<F, string>>;
  readonly form: string | null;
}

const FOCUSABLE = "input, select, textarea, button, [tabindex]";

/** Focuses the first of these elements on the page (in reading order), opening a folded `<details>` around it. */
function focusFirst(ids: readonly string[]): void {
  const first = ids
    .map((id) => document.getElementById(id))
    .filter((el): el is HTMLElement => el !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (!first) return;
  const details = first.closest("details");
  if (details) details.open = true;
  const target = first.matches(FOCUSABLE) ? first : first.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}

export function useForm<F extends string = never>(options: FormOptions<F> = {}): Form<F> {
  const client = useClient();
  const i18n = useI18n();
  const toast = useToast();
  const base = useId();
  const [running, setRunning] = useState(0);
  const [shown, setShown] = useState<Shown<F>>({ fields: {}, form: null });
  const focusPending = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const id = (field: F) => `${base}-${field}`;

  // After the errors are on screen, so the input is read out with its error.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusFirst((Object.keys(shown.fields) as F[]).map(id));
  });

  function show(next: Shown<F>) {
    setShown(next);
    if (Object.keys(next.fields).length > 0) focusPending.current = true;
  }

  function refuse(p: ClientProblem) {
    const { words, formLine, formWords } = latest.current;
    const field = fieldFor(
      p,
      latest.current,
      (name) => document.getElementById(id(name as F)) !== null,
    );
    if (field) {
      const text = refusalText(i18n, p);
      show({
        fields: { [field]: words ? words(text, p, field) : text } as Shown<F>["fields"],
        form: null,
      });
    } else {
      const line = formWords ? formWords(refusalText(i18n, p), p) : notSaved(i18n, p);
      if (formLine === "toast") toast.show(line);
      else show({ fields: {}, form: line });
    }
  }

  async function run<T>(task: () => Promise<T>): Promise<T> {
    setRunning((n) => n + 1);
    try {
      return await task();
    } finally {
      setRunning((n) => n - 1);
    }
  }

  async function settle<T>(
    task: () => Promise<Result<T, ClientProblem>>,
  ): Promise<Result<T, ClientProblem>> {
    const r = await run(task);
    if (r.ok) setShown({ fields: {}, form: null });
    else refuse(r.error);
    return r;
  }

  const error = (field: F) => shown.fields[field];

  return {
    busy: running > 0,
    fieldErrors: shown.fields,
    formError: shown.form,
    record: (type, payload) => settle(() => client.record(type, payload)),
    recordBatch: (drafts) => settle(() => client.recordBatch(drafts)),
    changeDeviceSettings: (change) => settle(() => client.changeDeviceSettings(change)),
    newId: () => client.newId(),
    run,
    fail(found) {
      const { form, ...rest } = found;
      const fields = Object.fromEntries(
        Object.entries(rest).filter(([, words]) => Boolean(words)),
      ) as Shown<F>["fields"];
      show({ fields, form: form || null });
      return Boolean(form) || Object.keys(fields).length > 0;
    },
    refuse,
    clear(...fields) {
      if (fields.length === 0) return setShown({ fields: {}, form: null });
      setShown((s) => ({
        ...s,
        fields: Object.fromEntries(
          Object.entries(s.fields).filter(([k]) => !fields.includes(k as F)),
        ) as Shown<F>["fields"],
      }));
    },
    id,
    field: (field) => ({ id: id(field), error: error(field) }),
    bind: (field, value, onChange) => ({ id: id(field), error: error(field), value, onChange }),
    input: (field, ...also) => ({
      id: id(field),
      "aria-invalid": error(field) ? true : undefined,
      "aria-describedby": describedBy(...also, error(field) && `${id(field)}-error`),
    }),
  };
}
