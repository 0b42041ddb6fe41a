import { type FormEvent, useEffect, useId, useState, useTransition } from "react";
import { setDocumentTitle, shownAppName } from "../../app/discreet.ts";
import { FormError, PasswordField } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { deviceAnswer } from "./device-unlock.ts";
import type { DeviceKey, DeviceLock, LockStatus, UnlockFailure } from "./lock-api.ts";

/** What the screen says under the form after a try. */
type Said =
  | { readonly kind: "wrong"; readonly triesLeft?: number | undefined }
  | { readonly kind: "device"; readonly problem: "unsupported" | "cancelled" }
  | null;

/** Whole seconds until `at`, counted down on screen; 0 once it has passed. */
function useSecondsUntil(at: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (at <= Date.now()) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= at) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [at]);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Tries left before the device erases itself, from the status alone (after a reload). */
function triesLeftOf(status: LockStatus): number | undefined {
  const limit = status.settings.eraseAfterTries;
  return limit === null ? undefined : limit - status.wrongTries;
}

/**
 * The only thing a locked Trellis shows: its name and the way in. No names,
 * nothing of the record. Wrong tries are said kindly; when a wait applies,
 * the seconds count down and the button waits with them.
 */
export function LockScreen({
  lock,
  status,
  onUnlocked,
  onErased,
}: {
  lock: Pick<DeviceLock, "unlock" | "unlockWithDevice">;
  status: LockStatus;
  onUnlocked: (key: DeviceKey) => void;
  onErased: () => void;
}) {
  const t = useT();
  const id = useId();
  const [passphrase, setPassphrase] = useState("");
  // Not a form that records (there is no record open yet): the kit's useForm needs a client.
  const [busy, startTrying] = useTransition();
  const [nextTryAt, setNextTryAt] = useState(status.nextTryAt);
  const [said, setSaid] = useState<Said>(() =>
    status.wrongTries > 0 ? { kind: "wrong", triesLeft: triesLeftOf(status) } : null,
  );
  const [missing, setMissing] = useState(false);
  const wait = useSecondsUntil(nextTryAt);

  useEffect(() => {
    setDocumentTitle(t("app.name"));
  }, [t]);

  function settle(
    task: () => Promise<{ ok: true; value: DeviceKey } | { ok: false; error: UnlockFailure }>,
  ) {
    startTrying(async () => {
      const r = await task();
      if (r.ok) return onUnlocked(r.value);
      const failure = r.error;
      if (failure.reason === "erased") return onErased();
      setNextTryAt(failure.nextTryAt);
      if (failure.reason === "wrong") {
        setSaid({ kind: "wrong", triesLeft: failure.triesLeft });
        setPassphrase("");
      }
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || wait > 0) return;
    // Spaces alone can never be the passphrase: not counted as a try.
    if (!passphrase.trim()) return setMissing(true);
    setMissing(false);
    settle(() => lock.unlock(passphrase));
  }

  async function withDevice() {
    const device = status.deviceUnlock;
    if (!device || busy || wait > 0) return;
    const answer = await deviceAnswer(device.credentialId, device.prfSalt);
    if (!answer.ok) return setSaid({ kind: "device", problem: answer.error });
    settle(() => lock.unlockWithDevice(answer.value));
  }

  const waiting = wait > 0;
  return (
    <main id="main" className="setup lock-screen">
      <form className="setup-card stack" onSubmit={submit} noValidate>
        <h1>{shownAppName(t("app.name"))}</h1>
        <PasswordField
          id={`${id}-passphrase`}
          label={t("lock.passphrase")}
          value={passphrase}
          onChange={setPassphrase}
          error={missing ? t("form.required") : undefined}
          autoComplete="current-password"
        />
        <div role="status" className="stack-tight">
          {said?.kind === "wrong" && <p>{t("lock.wrong")}</p>}
          {said?.kind === "wrong" && said.triesLeft !== undefined && (
            <p className="notice">{t("lock.triesLeft", { count: said.triesLeft })}</p>
          )}
          {said?.kind === "device" && (
            <FormError>
              {t(
                said.problem === "unsupported"
                  ? "lock.device.unsupported"
                  : "lock.device.cancelled",
              )}
            </FormError>
          )}
        </div>
        {waiting && (
          <p role="timer" className="hint">
            {t("lock.wait", { seconds: wait })}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy || waiting}>
          {busy ? t("lock.unlocking") : t("lock.unlock")}
        </button>
        {status.deviceUnlock && (
          <button type="button" className="button" onClick={withDevice} disabled={busy || waiting}>
            {t("lock.device.unlock")}
          </button>
        )}
      </form>
    </main>
  );
}

/** After the last allowed wrong try: what happened, calmly, and the way to begin again. */
export function ErasedScreen() {
  const t = useT();
  return (
    <main id="main" className="setup">
      <div className="setup-card stack">
        <h1>{t("lock.erased.title")}</h1>
        <p>{t("lock.erased.body")}</p>
        <p>{t("lock.erased.account")}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => location.assign("/")}
        >
          {t("lock.erased.again")}
        </button>
      </div>
    </main>
  );
}
