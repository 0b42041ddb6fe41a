import { type FormEvent, useState } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { FormError, TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "./calls.ts";
import { Frame } from "./Frame.tsx";

/** Deleting the account on the server; the record on this device stays. */
export function DeleteAccountScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const form = useForm<"username">();
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState(false);
  const username = snapshot.account?.username ?? "";

  async function submit(e: FormEvent) {
    e.preventDefault();
    const mismatch = typed.trim().toLowerCase() !== username;
    if (form.fail({ username: mismatch ? t("account.delete.mismatch") : undefined })) return;
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.deleteAccount(username));
    if (r.ok) setDone(true);
  }

  return (
    <Frame backToSettings title={t("account.delete.title")}>
      {done ? (
        <p className="card" role="status">
          {t("account.delete.done")}
        </p>
      ) : (
        <form className="card stack" onSubmit={submit} noValidate>
          <p>{t("account.delete.intro")}</p>
          <TextField
            {...form.field("username")}
            label={t("account.delete.confirm", { username })}
            value={typed}
            onChange={setTyped}
            verbatim
          />
          <FormError>{form.formError}</FormError>
          <div>
            <button
              type="submit"
              className="button button-danger"
              disabled={form.busy || !username}
            >
              {t("account.delete.submit")}
            </button>
          </div>
        </form>
      )}
    </Frame>
  );
}
