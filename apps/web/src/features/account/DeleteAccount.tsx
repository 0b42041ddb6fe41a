import { type FormEvent, useState } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError, PasswordField, TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "./calls.ts";
import { Frame } from "./Frame.tsx";

/** Deleting the account on the server; the record on this device stays. */
export function DeleteAccountScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const form = useForm<"username" | "password">();
  const [typed, setTyped] = useState("");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const username = snapshot.account?.username ?? "";

  async function submit(e: FormEvent) {
    e.preventDefault();
    const mismatch = typed.trim().toLowerCase() !== username;
    const found = {
      username: mismatch ? t("account.delete.mismatch") : undefined,
      password: password ? undefined : t("form.required"),
    };
    if (form.fail(found)) return;
    if (!sync) return;
    // The server wants the password proven just now, not only this device's session.
    const r = await callAccount(
      form,
      t,
      () => sync.deleteAccount({ confirmUsername: username, password }),
      (reason) => (reason === "wrong-password" ? { password: reasonText(t, reason) } : undefined),
    );
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
            {...form.bind("username", typed, setTyped)}
            label={t("account.delete.confirm", { username })}
            verbatim
          />
          <PasswordField
            {...form.bind("password", password, setPassword)}
            label={t("account.currentPassword")}
            hint={t("account.delete.passwordHint")}
            autoComplete="current-password"
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
