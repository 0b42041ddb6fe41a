import type { NewRecoveryKey } from "@trellis/client/sync";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
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

type Errors = Partial<Record<string, string>>;

/**
 * Making an account, in three steps: name and password; the recovery key,
 * shown and saved before anything exists on the server; then creating it.
 * Nothing is sent until the person says the key is saved.
 */
export function CreateAccountFlow({ onDone }: { onDone: () => void }) {
  const t = useT();
  const sync = useAccountSync();
  const [fields, setFields] = useState({
    username: "",
    password: "",
    again: "",
    deviceName: defaultDeviceName(t),
    server: location.origin,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [recovery, setRecovery] = useState<NewRecoveryKey | null>(null);
  const [step, setStep] = useState<"form" | "key">("form");
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof fields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));

  function next(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!fields.username.trim()) found["account-username"] = t("form.required");
    if (fields.password.length < MIN_PASSWORD)
      found["account-password"] = t("account.password.short");
    else if (fields.again !== fields.password) {
      found["account-again"] = t("account.password.mismatch");
    }
    if (!fields.deviceName.trim()) found["account-device"] = t("form.required");
    if (!serverOrigin(fields.server)) found["account-server"] = t("account.server.invalid");
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    if (!sync) return;
    // The same key if they come back to change the name: it may already be written down.
    setRecovery((r) => r ?? sync.newRecoveryKey());
    setProblem(null);
    setStep("key");
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!saved) {
      setProblem(t("account.recovery.savedFirst"));
      return;
    }
    if (!sync || !recovery) return;
    setBusy(true);
    setProblem(null);
    const r = await sync.createAccount({
      serverUrl: serverOrigin(fields.server)!,
      username: fields.username,
      password: fields.password,
      deviceName: fields.deviceName.trim(),
      recovery,
    });
    setBusy(false);
    if (r.ok) return onDone();
    if (r.error.reason === "username-taken") {
      setStep("form");
      const found = { "account-username": reasonText(t, r.error.reason) };
      setErrors(found);
      setTimeout(() => focusFirst(found));
      return;
    }
    setProblem(reasonText(t, r.error.reason));
  }

  if (step === "key" && recovery) {
    return (
      <form className="stack" onSubmit={create} noValidate>
        <h2>{t("account.recovery.title")}</h2>
        <p>{t("account.recovery.body")}</p>
        <RecoveryKeyCard text={recovery.text} username={fields.username.trim()} />
        <label className="check-row">
          <input
            type="checkbox"
            checked={saved}
            onChange={(e) => {
              setSaved(e.target.checked);
              setProblem(null);
            }}
          />
          <span>{t("account.recovery.saved")}</span>
        </label>
        <FormError>{problem}</FormError>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("account.creating") : t("account.recovery.create")}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => setStep("form")}
          >
            {t("account.recovery.back")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="stack" onSubmit={next} noValidate>
      <TextField
        id="account-username"
        label={t("account.username")}
        hint={t("account.username.hint")}
        value={fields.username}
        onChange={set("username")}
        errors={errors}
        autoComplete="username"
      />
      <TextField
        id="account-password"
        label={t("account.password")}
        hint={t("account.password.hint")}
        type="password"
        value={fields.password}
        onChange={set("password")}
        errors={errors}
        autoComplete="new-password"
      />
      <TextField
        id="account-again"
        label={t("account.password.again")}
        type="password"
        value={fields.again}
        onChange={set("again")}
        errors={errors}
        autoComplete="new-password"
      />
      <TextField
        id="account-device"
        label={t("account.deviceName")}
        hint={t("account.deviceName.hint")}
        value={fields.deviceName}
        onChange={set("deviceName")}
        errors={errors}
      />
      <ServerField value={fields.server} onChange={set("server")} errors={errors} />
      <div>
        <button type="submit" className="button button-primary" disabled={!sync}>
          {t("account.create.next")}
        </button>
      </div>
    </form>
  );
}

/** The key, large and grouped, with ways to keep it. Shown once. */
function RecoveryKeyCard({ text, username }: { text: string; username: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  function download() {
    const blob = new Blob([t("account.recovery.fileText", { username, key: text })], {
      type: "text/plain",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "trellis-recovery-key.txt";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <figure className="recovery-key card-inset stack-tight">
      <figcaption className="muted small">{t("account.recovery.label")}</figcaption>
      <p className="recovery-key-text">
        {text.split("-").map((group, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are positional and never reorder.
          <span key={i}>{group}</span>
        ))}
      </p>
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(text).catch(() => undefined);
            setCopied(true);
          }}
        >
          {t("account.recovery.copy")}
        </button>
        <button type="button" className="button" onClick={download}>
          {t("account.recovery.download")}
        </button>
      </div>
      {copied && <p role="status">{t("account.recovery.copied")}</p>}
    </figure>
  );
}

export function CreateAccountScreen() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const hasJourney = useJourneyState().journey !== null;
  const [created, setCreated] = useState(false);
  return (
    <Frame
      title={t("account.create.title")}
      intro={created ? undefined : t("account.create.intro")}
    >
      {created || snapshot.account ? (
        <section className="card stack" aria-labelledby="created-title">
          <h2 id="created-title">{t("account.created.title")}</h2>
          <p>{t("account.created.body")}</p>
          <p className="muted small">{t("account.e2e")}</p>
          {hasJourney ? (
            <Link href={routes.settings} className="button button-primary">
              {t("account.back")}
            </Link>
          ) : (
            <Link href={routes.today} className="button button-primary">
              {t("account.signedIn.start")}
            </Link>
          )}
        </section>
      ) : (
        <div className="card">
          <CreateAccountFlow onDone={() => setCreated(true)} />
        </div>
      )}
    </Frame>
  );
}
