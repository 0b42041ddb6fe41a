import { type FormEvent, useState } from "react";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { Field, FormError } from "../../components/forms/Field.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Frame } from "./Frame.tsx";
import {
  defaultDeviceName,
  focusFirst,
  MIN_PASSWORD,
  ServerField,
  serverOrigin,
  TextField,
} from "./fields.tsx";
import { SignedInPanel } from "./SignIn.tsx";

type Errors = Partial<Record<string, string>>;

/** A forgotten password: the recovery key sets a new one and brings the record back. */
export function RecoverScreen() {
  const t = useT();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const [fields, setFields] = useState({
    username: "",
    key: "",
    password: "",
    again: "",
    deviceName: defaultDeviceName(t),
    server: location.origin,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof fields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!fields.username.trim()) found["recover-username"] = t("form.required");
    if (!fields.key.trim()) found["recover-key"] = t("form.required");
    if (fields.password.length < MIN_PASSWORD)
      found["recover-password"] = t("account.password.short");
    else if (fields.again !== fields.password)
      found["recover-again"] = t("account.password.mismatch");
    if (!fields.deviceName.trim()) found["recover-device"] = t("form.required");
    if (!serverOrigin(fields.server)) found["account-server"] = t("account.server.invalid");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    if (!sync) return;
    setBusy(true);
    setProblem(null);
    const r = await sync.recover({
      serverUrl: serverOrigin(fields.server)!,
      username: fields.username,
      recoveryKeyText: fields.key,
      newPassword: fields.password,
      deviceName: fields.deviceName.trim(),
    });
    setBusy(false);
    if (r.ok) return setDone(true);
    if (r.error.reason.startsWith("recovery-key") || r.error.reason === "wrong-recovery-key") {
      const keyError = { "recover-key": reasonText(t, r.error.reason) };
      setErrors(keyError);
      return focusFirst(keyError);
    }
    setProblem(reasonText(t, r.error.reason));
  }

  if (done || (snapshot.account && snapshot.status?.reason !== "unauthenticated" && !busy)) {
    return (
      <Frame title={t("account.recover.title")}>
        <SignedInPanel />
      </Frame>
    );
  }

  return (
    <Frame title={t("account.recover.title")} intro={t("account.recover.intro")}>
      <form className="card stack" onSubmit={submit} noValidate>
        <TextField
          id="recover-username"
          label={t("account.username")}
          value={fields.username}
          onChange={set("username")}
          errors={errors}
          autoComplete="username"
        />
        <Field
          id="recover-key"
          label={t("account.recoveryKey")}
          hint={t("account.recoveryKey.hint")}
          error={errors["recover-key"]}
        >
          {(input) => (
            <textarea
              {...input}
              className="recovery-input"
              rows={3}
              value={fields.key}
              onChange={(e) => set("key")(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <TextField
          id="recover-password"
          label={t("account.newPassword")}
          hint={t("account.password.hint")}
          type="password"
          value={fields.password}
          onChange={set("password")}
          errors={errors}
          autoComplete="new-password"
        />
        <TextField
          id="recover-again"
          label={t("account.password.again")}
          type="password"
          value={fields.again}
          onChange={set("again")}
          errors={errors}
          autoComplete="new-password"
        />
        <TextField
          id="recover-device"
          label={t("account.deviceName")}
          value={fields.deviceName}
          onChange={set("deviceName")}
          errors={errors}
        />
        <ServerField value={fields.server} onChange={set("server")} errors={errors} />
        <FormError>{problem}</FormError>
        <div>
          <button type="submit" className="button button-primary" disabled={busy || !sync}>
            {busy ? t("account.recovering") : t("account.recover.submit")}
          </button>
        </div>
      </form>
    </Frame>
  );
}
