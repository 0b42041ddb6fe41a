import type { NewRecoveryKey } from "@trellis/client/sync";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AccountForm, typedField, useAccountForm } from "./AccountForm.tsx";
import { accountInput } from "./account-values.ts";
import { Frame } from "./Frame.tsx";

/**
 * Making an account, in three steps: name and password; the recovery key,
 * shown and saved before anything exists on the server; then creating it.
 * Nothing is sent until the person says the key is saved.
 */
export function CreateAccountFlow({ onDone }: { onDone: () => void }) {
  const t = useT();
  const account = useAccountForm("create");
  const { form, values, sync } = account;
  const [recovery, setRecovery] = useState<NewRecoveryKey | null>(null);
  const [step, setStep] = useState<"form" | "key">("form");
  const [saved, setSaved] = useState(false);

  function next(e: FormEvent) {
    e.preventDefault();
    if (!account.check() || !sync) return;
    // The same key if they come back to change the name: it may already be written down.
    setRecovery((r) => r ?? sync.newRecoveryKey());
    setStep("key");
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ form: saved ? undefined : t("account.recovery.savedFirst") })) return;
    if (!recovery) return;
    const r = await account.send(
      e,
      (s) => s.createAccount({ ...accountInput(values), password: values.password, recovery }),
      (reason) => {
        const field = typedField(reason);
        if (!field) return undefined;
        // Back to the first step, with the words beside the name (and focus there).
        setStep("form");
        return { [field]: reasonText(t, reason) };
      },
    );
    if (r?.ok) onDone();
  }

  if (step === "key" && recovery) {
    return (
      <form className="stack" onSubmit={create} noValidate>
        <h2>{t("account.recovery.title")}</h2>
        <p>{t("account.recovery.body")}</p>
        <RecoveryKeyCard text={recovery.text} username={values.username.trim()} />
        <label className="check-row">
          <input
            type="checkbox"
            checked={saved}
            onChange={(e) => {
              setSaved(e.target.checked);
              form.clear();
            }}
          />
          <span>{t("account.recovery.saved")}</span>
        </label>
        <FormError>{form.formError}</FormError>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t("account.creating") : t("account.recovery.create")}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={form.busy}
            onClick={() => setStep("form")}
          >
            {t("account.recovery.back")}
          </button>
        </div>
      </form>
    );
  }

  return <AccountForm account={account} onSubmit={next} label={t("account.create.next")} />;
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
