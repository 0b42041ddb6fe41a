import { type FormEvent, useEffect, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { Frame } from "./Frame.tsx";
import { defaultDeviceName, focusFirst, ServerField, serverOrigin, TextField } from "./fields.tsx";

type Errors = Partial<Record<string, string>>;

/**
 * Username and password; on success the account's record starts coming to
 * this device. After a sign-in ended, the account's name, server and device
 * name are filled in: only the password is asked for again.
 */
export function SignInForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const sync = useAccountSync();
  const { account, signInNeeded } = useSyncSnapshot();
  const again = signInNeeded ? account : null;
  const [fields, setFields] = useState({
    username: again?.username ?? "",
    password: "",
    deviceName: again?.deviceName ?? defaultDeviceName(t),
    server: again?.serverUrl ?? location.origin,
  });
  // The account can load after the first paint; fill in what is known then, once.
  const [filled, setFilled] = useState(again !== null);
  useEffect(() => {
    if (filled || !again) return;
    setFilled(true);
    setFields((f) => ({
      ...f,
      username: f.username || again.username,
      deviceName: again.deviceName,
      server: again.serverUrl,
    }));
  }, [filled, again]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof fields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!fields.username.trim()) found["signin-username"] = t("form.required");
    if (!fields.password) found["signin-password"] = t("form.required");
    if (!fields.deviceName.trim()) found["signin-device"] = t("form.required");
    if (!serverOrigin(fields.server)) found["account-server"] = t("account.server.invalid");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    if (!sync) return;
    setBusy(true);
    setProblem(null);
    const r = await sync.signIn({
      serverUrl: serverOrigin(fields.server)!,
      username: fields.username,
      password: fields.password,
      deviceName: fields.deviceName.trim(),
    });
    setBusy(false);
    if (r.ok) onDone();
    else setProblem(reasonText(t, r.error.reason));
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        id="signin-username"
        label={t("account.username")}
        value={fields.username}
        onChange={set("username")}
        errors={errors}
        autoComplete="username"
      />
      <TextField
        id="signin-password"
        label={t("account.password")}
        type="password"
        value={fields.password}
        onChange={set("password")}
        errors={errors}
        autoComplete="current-password"
      />
      <TextField
        id="signin-device"
        label={t("account.deviceName")}
        hint={t("account.deviceName.hint")}
        value={fields.deviceName}
        onChange={set("deviceName")}
        errors={errors}
      />
      <ServerField value={fields.server} onChange={set("server")} errors={errors} />
      <FormError>{problem}</FormError>
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !sync}>
          {busy ? t("account.signingIn") : t("account.signIn.submit")}
        </button>
      </div>
    </form>
  );
}

/** What a signed-in device is doing: bringing the record here, or waiting for one. */
export function SignedInPanel() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const hasJourney = useJourneyState().journey !== null;
  const coming = snapshot.vault !== null && !hasJourney;
  return (
    <section className="card stack" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title">{t("account.signedIn.title")}</h2>
      {snapshot.account && (
        <p>
          {t("account.signedInAs", {
            username: snapshot.account.username,
            server: new URL(snapshot.account.serverUrl).host,
          })}
        </p>
      )}
      {coming && <p role="status">{t("account.signedIn.coming")}</p>}
      {!snapshot.vault && !hasJourney && <p>{t("account.signedIn.empty")}</p>}
      {hasJourney ? (
        <Link href={routes.today} className="button button-primary">
          {t("sharing.toToday")}
        </Link>
      ) : (
        !snapshot.vault && (
          <Link href={routes.today} className="button">
            {t("account.signedIn.start")}
          </Link>
        )
      )}
    </section>
  );
}

export function SignInScreen() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const [done, setDone] = useState(false);
  const again = snapshot.signInNeeded === true || snapshot.status?.reason === "unauthenticated";
  return (
    <Frame
      title={t("account.signIn.title")}
      intro={again && !done ? t("account.signIn.again.intro") : t("account.signIn.intro")}
    >
      {done || (snapshot.account && !again) ? (
        <SignedInPanel />
      ) : (
        <>
          <div className="card">
            <SignInForm onDone={() => setDone(true)} />
          </div>
          <ul className="link-list account-links">
            <li>
              <Link href={routes.account.recover}>{t("account.signIn.forgot")}</Link>
            </li>
            <li>
              <Link href={routes.account.create}>{t("account.signIn.create")}</Link>
            </li>
          </ul>
        </>
      )}
    </Frame>
  );
}
