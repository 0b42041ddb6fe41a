import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import {
  type AccountField,
  AccountFields,
  accountChecks,
  useAccountValues,
} from "./AccountFields.tsx";
import { callAccount } from "./calls.ts";
import { Frame } from "./Frame.tsx";

/** A new password: the same key underneath, wrapped again. */
export function ChangePasswordScreen() {
  const t = useT();
  const sync = useAccountSync();
  const form = useForm<AccountField>();
  const [values, set, fill] = useAccountValues(t);
  const [signOutOthers, setSignOutOthers] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (form.fail(accountChecks(t, "change", values)) || !sync) return;
    const r = await callAccount(form, t, () =>
      sync.changePassword({ newPassword: values.password, signOutOthers }),
    );
    if (!r.ok) return;
    fill(() => ({ password: "", again: "" }));
    setDone(true);
  }

  return (
    <Frame title={t("account.password.title")} intro={t("account.password.intro")}>
      <form className="card stack" onSubmit={submit} noValidate>
        <AccountFields form={form} mode="change" values={values} set={set} />
        <label className="check-row">
          <input
            type="checkbox"
            checked={signOutOthers}
            onChange={(e) => setSignOutOthers(e.target.checked)}
          />
          <span>{t("account.password.signOutOthers")}</span>
        </label>
        {done && <p role="status">{t("account.password.done")}</p>}
        <FormButtons
          form={form}
          label={t("account.password.submit")}
          busyLabel={t("account.password.changing")}
          disabled={!sync}
        />
      </form>
      <p className="account-footer">
        <Link href={routes.settings}>{t("account.back")}</Link>
      </p>
    </Frame>
  );
}
