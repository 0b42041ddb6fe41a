/**
 * Account and sharing screens call the sync client, not `record`: these run
 * such a call through a form of the kit, so it looks like every other form
 * (busy while it runs, what went wrong on the form's line or beside a field).
 */
import type { AccountSync, SyncFailure } from "@trellis/client/sync";
import type { Result } from "@trellis/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { type Form, type Found, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/**
 * Runs an account call with `form` busy. When it fails, its reason is said
 * in words on the form's line, or where `words` puts it (beside a field,
 * other words for one reason); when it succeeds, what was shown goes.
 */
export async function callAccount<T, F extends string>(
  form: Pick<Form<F>, "run" | "fail">,
  t: ReturnType<typeof useT>,
  call: () => Promise<Result<T, SyncFailure>>,
  words?: (reason: string) => Found<F> | undefined,
): Promise<Result<T, SyncFailure>> {
  const r = await form.run(call);
  if (r.ok) form.fail({});
  else {
    const said: Found<F> = { form: reasonText(t, r.error.reason) } as Found<F>;
    form.fail(words?.(r.error.reason) ?? said);
  }
  return r;
}

/** How often a `live` list is asked again while open. */
const REFRESH_MS = 3_000;

/**
 * A list the server keeps (devices, members, invites), asked for when the
 * screen opens and, when `live`, again every few seconds while it is open
 * (so someone who just joined, or a link just used, shows). `form` says why
 * the list could not be had on its line, and is there for the screen's own
 * calls on the list (sign a device out).
 */
export function useSyncList<T>(
  load: (sync: AccountSync) => Promise<Result<T[], SyncFailure>>,
  { live = false }: { live?: boolean } = {},
): { items: T[] | null; form: Form<never>; reload: () => Promise<void> } {
  const t = useT();
  const sync = useAccountSync();
  const form = useForm();
  const [items, setItems] = useState<T[] | null>(null);
  // The latest of each without asking again on every paint.
  const latest = useRef({ load, form });
  latest.current = { load, form };

  const reload = useCallback(async () => {
    if (!sync) return;
    const r = await latest.current.load(sync);
    if (r.ok) setItems(r.value);
    const { form } = latest.current;
    if (r.ok) form.clear();
    else form.fail({ form: reasonText(t, r.error.reason) });
  }, [sync, t]);

  useEffect(() => {
    void reload();
    if (!live) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload, live]);

  return { items, form, reload };
}
