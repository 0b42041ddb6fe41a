import { type FormEvent, useId, useState } from "react";
import { type Form, FormButtons, PasswordField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { LockChoices } from "./LockChoices.tsx";
import { DEFAULT_LOCK_SETTINGS, LOCK_PASSPHRASE_MIN, type LockSettings } from "./lock-api.ts";
import { useLock } from "./lock-context.tsx";

/**
 * Turning the lock on: the passphrase (or PIN) twice, when to lock, and
 * whether to erase after wrong tries. Used in Settings and at set-up.
 */
export function TurnOnLock() {
  const t = useT();
  const lock = useLock();
  const idBase = useId();
  const form = useForm<"passphrase" | "again">();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [settings, setSettings] = useState<LockSettings>(DEFAULT_LOCK_SETTINGS);
  if (!lock) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkPassphrase(t, passphrase, again);
    if (form.fail(found)) return;
    const r = await form.run(() => lock!.turnOn(passphrase, settings));
    if (!r.ok) form.refuse(r.error);
  }

  return (
    <form className="stack-tight" onSubmit={submit} noValidate>
      <NewPassphraseFields
        form={form}
        label={t("lock.new")}
        passphrase={[passphrase, setPassphrase]}
        again={[again, setAgain]}
      />
      <LockChoices idBase={idBase} settings={settings} onChange={setSettings} />
      <FormButtons form={form} label={t("lock.turnOn")} busyLabel={t("lock.turningOn")} />
    </form>
  );
}

/** The form's own checks of a new passphrase typed twice. */
export function checkPassphrase(
  t: ReturnType<typeof useT>,
  passphrase: string,
  again: string,
): { passphrase?: string | undefined; again?: string | undefined } {
  return {
    // Spaces alone are no passphrase (and the lock could never be told apart from empty).
    passphrase: !passphrase.trim()
      ? t("form.required")
      : passphrase.length < LOCK_PASSPHRASE_MIN
        ? t("lock.new.short", { min: LOCK_PASSPHRASE_MIN })
        : undefined,
    again:
      passphrase && again !== passphrase
        ? t("lock.again.mismatch")
        : again
          ? undefined
          : t("form.required"),
  };
}

/** A new passphrase and the same again: turning the lock on, and changing its passphrase. */
export function NewPassphraseFields({
  form,
  label,
  passphrase: [passphrase, setPassphrase],
  again: [again, setAgain],
}: {
  form: Form<"passphrase" | "again">;
  label: string;
  passphrase: readonly [string, (value: string) => void];
  again: readonly [string, (value: string) => void];
}) {
  const t = useT();
  return (
    <>
      <PasswordField
        {...form.bind("passphrase", passphrase, setPassphrase)}
        label={label}
        hint={t("lock.new.hint")}
        autoComplete="new-password"
      />
      <PasswordField
        {...form.bind("again", again, setAgain)}
        label={t("lock.again")}
        autoComplete="new-password"
      />
    </>
  );
}
