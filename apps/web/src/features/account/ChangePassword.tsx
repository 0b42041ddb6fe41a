import { type FormEvent, useState } from "react";
import { reasonText } from "../../app/sync-words.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AccountForm, useAccountForm } from "./AccountForm.tsx";
import { Frame } from "./Frame.tsx";

/** A new password: the same key underneath, wrapped again. */
export function ChangePasswordScreen() {
  const t = useT();
  const account = useAccountForm("change");
  const [signOutOthers, setSignOutOthers] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    setDone(false);
    const { current: currentPassword, password: newPassword } = account.values;
    const r = await account.send(
      e,
      (s) => s.changePassword({ currentPassword, newPassword, signOutOthers }),
      // A wrong current password is said beside it.
      (reason) => (reason === "wrong-password" ? { current: reasonText(t, reason) } : undefined),
    );
    if (!r?.ok) return;
    account.fill(() => ({ current: "", password: "", again: "" }));
    setDone(true);
  }

  return (
    <Frame backToSettings title={t("account.password.title")} intro={t("account.password.intro")}>
      <AccountForm
        account={account}
        onSubmit={submit}
        label={t("account.password.submit")}
        busyLabel={t("account.password.changing")}
        className="card stack"
      >
        <label className="check-row">
          <input
            type="checkbox"
            checked={signOutOthers}
            onChange={(e) => setSignOutOthers(e.target.checked)}
          />
          <span>{t("account.password.signOutOthers")}</span>
        </label>
        {done && <p role="status">{t("account.password.done")}</p>}
      </AccountForm>
    </Frame>
  );
}
