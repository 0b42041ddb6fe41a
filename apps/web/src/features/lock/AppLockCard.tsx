import { type FormEvent, useEffect, useId, useState } from "react";
import {
  ButtonLine,
  FormButtons,
  FormError,
  PasswordField,
  useForm,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { canUnlockWithDevice } from "./device-unlock.ts";
import { LockChoices } from "./LockChoices.tsx";
import type { UnlockFailure } from "./lock-api.ts";
import { useLock } from "./lock-context.tsx";
import { checkPassphrase, NewPassphraseFields, TurnOnLock } from "./TurnOnLock.tsx";

/**
 * Settings' "App lock" card: off by default; on, it offers Lock now, when to
 * lock, erasing, a new passphrase, unlocking with this device, and turning
 * the lock off (which asks the passphrase).
 */
export function AppLockCard() {
  const t = useT();
  const lock = useLock();
  const idBase = useId();
  if (!lock) return null;
  const { status } = lock;
  return (
    <section className="card stack" aria-labelledby="settings-lock">
      <h2 id="settings-lock">{t("lock.title")}</h2>
      {!status.on ? (
        <>
          <p>{t("lock.off.body")}</p>
          <TurnOnLock />
        </>
      ) : (
        <>
          <p role="status">{t("lock.on.body")}</p>
          <ButtonLine label={t("lock.now")} onClick={lock.lockNow} />
          <LockChoices
            idBase={idBase}
            settings={status.settings}
            onChange={(settings) => void lock.changeSettings(settings)}
          />
          <DeviceUnlock />
          <ChangePassphrase />
          <TurnOff />
        </>
      )}
    </section>
  );
}

function DeviceUnlock() {
  const t = useT();
  const lock = useLock()!;
  const form = useForm();
  const [problem, setProblem] = useState<"unsupported" | "cancelled" | null>(null);
  // Asked when the card shows: an authenticator can come and go while the app is open.
  const [possible, setPossible] = useState<boolean | null>(null);
  useEffect(() => {
    void canUnlockWithDevice().then(setPossible);
  }, []);
  if (lock.status.deviceUnlock)
    return (
      <div className="stack-tight">
        <p>{t("lock.device.on")}</p>
        <ButtonLine
          label={t("lock.device.remove")}
          onClick={() => void lock.removeDeviceUnlock()}
        />
      </div>
    );
  if (possible === null) return null;
  if (!possible) return <p className="hint">{t("lock.device.notHere")}</p>;
  async function add() {
    setProblem(null);
    const r = await form.run(() => lock.addDeviceUnlock());
    if (!r.ok) setProblem(r.error);
  }
  return (
    <div className="stack-tight">
      <button type="button" className="button" onClick={add} disabled={form.busy}>
        {t("lock.device.add")}
      </button>
      <p className="hint">{t("lock.device.hint")}</p>
      <FormError>
        {problem &&
          t(problem === "unsupported" ? "lock.device.unsupported" : "lock.device.cancelled")}
      </FormError>
    </div>
  );
}

function ChangePassphrase() {
  const t = useT();
  const lock = useLock()!;
  const form = useForm<"passphrase" | "again">();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (form.fail(checkPassphrase(t, passphrase, again))) return;
    const r = await form.run(() => lock.changePassphrase(passphrase));
    if (!r.ok) return form.refuse(r.error);
    setPassphrase("");
    setAgain("");
    setDone(true);
  }
  return (
    <details className="stack-tight">
      <summary>{t("lock.change")}</summary>
      <form className="stack-tight" onSubmit={submit} noValidate>
        <NewPassphraseFields
          form={form}
          label={t("lock.change.new")}
          passphrase={[passphrase, setPassphrase]}
          again={[again, setAgain]}
        />
        <FormButtons form={form} label={t("lock.change.save")} />
        {done && <p role="status">{t("lock.change.done")}</p>}
      </form>
    </details>
  );
}

/** What the card says after a wrong passphrase when turning the lock off. */
function failureWords(t: ReturnType<typeof useT>, f: UnlockFailure): string {
  const seconds = "nextTryAt" in f ? Math.max(0, Math.ceil((f.nextTryAt - Date.now()) / 1000)) : 0;
  const wait = seconds > 0 ? ` ${t("lock.wait", { seconds })}` : "";
  const left =
    f.reason === "wrong" && f.triesLeft !== undefined
      ? ` ${t("lock.triesLeft", { count: f.triesLeft })}`
      : "";
  return `${t("lock.wrong")}${wait}${left}`;
}

function TurnOff() {
  const t = useT();
  const lock = useLock()!;
  const form = useForm<"current">();
  const [current, setCurrent] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ current: current.trim() ? undefined : t("form.required") })) return;
    const r = await form.run(() => lock.turnOff(current));
    if (r.ok) return;
    const f = r.error;
    if ("reason" in f && (f.reason === "wrong" || f.reason === "wait" || f.reason === "erased"))
      form.fail({ current: failureWords(t, f as UnlockFailure) });
    else form.refuse(f);
  }
  return (
    <details className="stack-tight">
      <summary>{t("lock.off")}</summary>
      <form className="stack-tight" onSubmit={submit} noValidate>
        <p className="hint">{t("lock.off.hint")}</p>
        <PasswordField
          {...form.bind("current", current, setCurrent)}
          label={t("lock.passphrase")}
          autoComplete="current-password"
        />
        <FormButtons form={form} label={t("lock.off.save")} busyLabel={t("lock.turningOff")} />
      </form>
    </details>
  );
}
