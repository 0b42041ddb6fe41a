import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Frame } from "./Frame.tsx";
import { focusFirst, TextField } from "./fields.tsx";

/** Deleting the account on the server; the record on this device stays. */
export function DeleteAccountScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const [typed, setTyped] = useState("");
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const username = snapshot.account?.username ?? "";

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== username) {
      const found = { "delete-username": t("account.delete.mismatch") };
      setErrors(found);
      return focusFirst(found);
    }
    if (!sync) return;
    setBusy(true);
    const r = await sync.deleteAccount(username);
    setBusy(false);
    if (r.ok) setDone(true);
    else setProblem(reasonText(t, r.error.reason));
  }

  return (
    <Frame title={t("account.delete.title")}>
      {done ? (
        <p className="card" role="status">
          {t("account.delete.done")}
        </p>
      ) : (
        <form className="card stack" onSubmit={submit} noValidate>
          <p>{t("account.delete.intro")}</p>
          <TextField
            id="delete-username"
            label={t("account.delete.confirm", { username })}
            value={typed}
            onChange={setTyped}
            errors={errors}
            autoComplete="off"
          />
          <FormError>{problem}</FormError>
          <div>
            <button type="submit" className="button button-danger" disabled={busy || !username}>
              {t("account.delete.submit")}
            </button>
          </div>
        </form>
      )}
      <p className="account-footer">
        <Link href={routes.settings}>{t("account.back")}</Link>
      </p>
    </Frame>
  );
}
