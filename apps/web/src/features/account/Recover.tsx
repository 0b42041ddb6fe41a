import { type FormEvent, useState } from "react";
import { useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AccountForm, useAccountForm } from "./AccountForm.tsx";
import { accountInput } from "./account-values.ts";
import { Frame } from "./Frame.tsx";
import { SignedInPanel } from "./SignIn.tsx";

/** A key the server or the app could not use: said beside the key. */
const aboutTheKey = (reason: string) =>
  reason.startsWith("recovery-key") || reason === "wrong-recovery-key";

/** A forgotten password: the recovery key sets a new one and brings the record back. */
export function RecoverScreen() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const account = useAccountForm("recover");
  const { values } = account;
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    const r = await account.send(
      e,
      (s) =>
        s.recover({
          ...accountInput(values),
          recoveryKeyText: values.key,
          newPassword: values.password,
        }),
      (reason) => (aboutTheKey(reason) ? { key: reasonText(t, reason) } : undefined),
    );
    if (r?.ok) setDone(true);
  }

  const signedIn = snapshot.account && snapshot.status?.reason !== "unauthenticated";
  if (done || (signedIn && !account.form.busy)) {
    return (
      <Frame title={t("account.recover.title")}>
        <SignedInPanel />
      </Frame>
    );
  }

  return (
    <Frame title={t("account.recover.title")} intro={t("account.recover.intro")}>
      <AccountForm
        account={account}
        onSubmit={submit}
        label={t("account.recover.submit")}
        busyLabel={t("account.recovering")}
        className="card stack"
      />
    </Frame>
  );
}
