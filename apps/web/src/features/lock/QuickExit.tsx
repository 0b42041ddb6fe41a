import { useT } from "../../i18n/i18n.tsx";
import { useLock } from "./lock-context.tsx";
import { TurnOnLock } from "./TurnOnLock.tsx";

/**
 * One tap to leave at once: a plain page in place of the record (locked
 * first when the lock is on). On every screen of the shell, early in the
 * tab order; Escape twice does the same.
 */
export function QuickExitButton() {
  const t = useT();
  const lock = useLock();
  if (!lock) return null;
  return (
    <button type="button" className="quick-exit" onClick={lock.quickExit}>
      {t("lock.quickExit")}
    </button>
  );
}

/** At set-up: the lock, offered and easy to pass by. */
export function LockOffer() {
  const t = useT();
  const lock = useLock();
  if (!lock) return null;
  if (lock.status.on)
    return (
      <p role="status" className="hint">
        {t("lock.offer.on")}
      </p>
    );
  return (
    <details className="restore stack-tight lock-offer">
      <summary>{t("lock.offer")}</summary>
      <p className="hint">{t("lock.offer.hint")}</p>
      <TurnOnLock />
    </details>
  );
}
