import { type FormEvent, useState } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
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
import { serverOrigin } from "./fields.tsx";
import { SignedInPanel } from "./SignIn.tsx";

/** A key the server or the app could not use: said beside the key. */
const aboutTheKey = (reason: string) =>
  reason.startsWith("recovery-key") || reason === "wrong-recovery-key";

/** A forgotten password: the recovery key sets a new one and brings the record back. */
export function RecoverScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const form = useForm<AccountField>();
  const [values, set] = useAccountValues(t);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.fail(accountChecks(t, "recover", values)) || !sync) return;
    const r = await callAccount(
      form,
      t,
      () =>
        sync.recover({
          serverUrl: serverOrigin(values.server)!,
          username: values.username,
          recoveryKeyText: values.key,
          newPassword: values.password,
          deviceName: values.deviceName.trim(),
        }),
      (reason) => (aboutTheKey(reason) ? { key: reasonText(t, reason) } : undefined),
    );
    if (r.ok) setDone(true);
  }

  if (done || (snapshot.account && snapshot.status?.reason !== "unauthenticated" && !form.busy)) {
    return (
      <Frame title={t("account.recover.title")}>
        <SignedInPanel />
      </Frame>
    );
  }

  return (
    <Frame title={t("account.recover.title")} intro={t("account.recover.intro")}>
      <form className="card stack" onSubmit={submit} noValidate>
        <AccountFields form={form} mode="recover" values={values} set={set} />
        <FormButtons
          form={form}
          label={t("account.recover.submit")}
          busyLabel={t("account.recovering")}
          disabled={!sync}
        />
      </form>
    </Frame>
  );
}
