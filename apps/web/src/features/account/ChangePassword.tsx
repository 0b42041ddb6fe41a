import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Frame } from "./Frame.tsx";
import { focusFirst, MIN_PASSWORD, TextField } from "./fields.tsx";

type Errors = Partial<Record<string, string>>;

/** A new password: the same key underneath, wrapped again. */
export function ChangePasswordScreen() {
  const t = useT();
  const sync = useAccountSync();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (password.length < MIN_PASSWORD) found["password-new"] = t("account.password.short");
    else if (again !== password) found["password-again"] = t("account.password.mismatch");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    if (!sync) return;
    setBusy(true);
    const r = await sync.changePassword({ newPassword: password, signOutOthers });
    setBusy(false);
    if (r.ok) {
      setPassword("");
      setAgain("");
      setMessage({ ok: true, text: t("account.password.done") });
    } else {
      setMessage({ ok: false, text: reasonText(t, r.error.reason) });
    }
  }

  return (
    <Frame title={t("account.password.title")} intro={t("account.password.intro")}>
      <form className="card stack" onSubmit={submit} noValidate>
        <TextField
          id="password-new"
          label={t("account.newPassword")}
          hint={t("account.password.hint")}
          type="password"
          value={password}
          onChange={setPassword}
          errors={errors}
          autoComplete="new-password"
        />
        <TextField
          id="password-again"
          label={t("account.password.again")}
          type="password"
          value={again}
          onChange={setAgain}
          errors={errors}
          autoComplete="new-password"
        />
        <label className="check-row">
          <input
            type="checkbox"
            checked={signOutOthers}
            onChange={(e) => setSignOutOthers(e.target.checked)}
          />
          <span>{t("account.password.signOutOthers")}</span>
        </label>
        {message && (
          <p className={message.ok ? undefined : "error"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={busy || !sync}>
            {busy ? t("account.password.changing") : t("account.password.submit")}
          </button>
        </div>
      </form>
      <p className="account-footer">
        <Link href={routes.settings}>{t("account.back")}</Link>
      </p>
    </Frame>
  );
}
