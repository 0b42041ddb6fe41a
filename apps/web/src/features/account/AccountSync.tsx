import { useRef, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText, syncLine } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";

/**
 * Settings → Account and sync. Without an account: what an account is for,
 * and what end-to-end encrypted means, with nothing loaded or sent. With
 * one: who is signed in, the sync status in words, and the ways on.
 */
export function AccountSync() {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const { account, vault, status } = snapshot;

  if (!account) {
    return (
      <section className="card stack" aria-labelledby="settings-account">
        <h2 id="settings-account">{t("account.section")}</h2>
        <p>{t("account.none.body")}</p>
        <p className="muted small">{t("account.e2e")}</p>
        <div className="row">
          <Link href={routes.account.create} className="button button-primary">
            {t("account.none.create")}
          </Link>
          <Link href={routes.account.signIn} className="button">
            {t("account.none.signIn")}
          </Link>
        </div>
      </section>
    );
  }

  const line = syncLine(t, snapshot);
  const signedOut = snapshot.signInNeeded === true || status?.reason === "unauthenticated";
  return (
    <section className="card stack" aria-labelledby="settings-account">
      <h2 id="settings-account">{t("account.section")}</h2>
      <div className="stack-tight">
        <p>
          {t("account.signedInAs", {
            username: account.username,
            server: new URL(account.serverUrl).host,
          })}
        </p>
        <p className="muted small">{t("account.thisDevice", { name: account.deviceName })}</p>
        {vault && <p className="muted small">{t(`account.role.${vault.role}`)}</p>}
        {line && (
          <p className="sync-now">
            <span
              className={`sync-dot sync-dot-${status?.phase ?? "waiting"}`}
              aria-hidden="true"
            />
            {line}
          </p>
        )}
        {status && status.phase === "error" && !status.fatal && status.reason && (
          <p className="hint">{reasonText(t, status.reason)}</p>
        )}
        {signedOut && (
          <div className="notice stack-tight">
            <p>{t("account.signInAgain.body")}</p>
            {status && status.pending > 0 && (
              <p>{t("account.signInAgain.waiting", { count: status.pending })}</p>
            )}
            <div>
              <Link href={routes.account.signIn} className="button button-primary">
                {t("account.signInAgain")}
              </Link>
            </div>
          </div>
        )}
        {status && status.held > 0 && (
          <p className="notice">
            {t("account.held", { count: status.held })} {t("account.held.update")}
          </p>
        )}
      </div>
      <ul className="link-list account-links">
        {vault?.role === "owner" && (
          <li>
            <Link href={routes.sharing.invite}>{t("sharing.share")}</Link>
          </li>
        )}
        {vault && (
          <li>
            <Link href={routes.sharing.members}>{t("sharing.members")}</Link>
          </li>
        )}
        <li>
          <Link href={routes.account.devices}>{t("account.devices")}</Link>
        </li>
        <li>
          <Link href={routes.account.password}>{t("account.changePassword")}</Link>
        </li>
        <li>
          <Link href={routes.account.delete}>{t("account.delete")}</Link>
        </li>
      </ul>
      <AccountActions />
      <p className="muted small">{t("account.e2e")}</p>
    </section>
  );
}

/** Signing out here, and a partner leaving someone's record: both ask first. */
function AccountActions() {
  const t = useT();
  const sync = useAccountSync();
  const { vault } = useSyncSnapshot();
  const toast = useToast();
  const leaveDialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOut() {
    if (!sync) return;
    const r = await sync.signOut();
    if (r.ok) toast.show(t("account.signOut.done"));
    else setProblem(reasonText(t, r.error.reason));
  }

  async function leave() {
    leaveDialog.current?.close();
    if (!sync) return;
    const r = await sync.leaveVault();
    if (r.ok) toast.show(t("sharing.left"));
    else setProblem(reasonText(t, r.error.reason));
  }

  return (
    <div className="stack">
      <div className="stack-tight">
        <button type="button" className="button" onClick={() => void signOut()}>
          {t("account.signOut")}
        </button>
        <p className="hint">{t("account.signOut.hint")}</p>
      </div>
      {vault && vault.role !== "owner" && (
        <div>
          <button
            type="button"
            className="button button-danger"
            onClick={() => leaveDialog.current?.showModal()}
          >
            {t("sharing.leave")}
          </button>
        </div>
      )}
      <FormError>{problem}</FormError>
      <dialog
        ref={leaveDialog}
        className="dialog"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
      >
        <h2 id="leave-title">{t("sharing.leave.title")}</h2>
        <p id="leave-body">{t("sharing.leave.body")}</p>
        <form method="dialog" className="row">
          <button type="submit" className="button">
            {t("form.cancel")}
          </button>
          <button type="button" className="button button-danger" onClick={() => void leave()}>
            {t("sharing.leave.confirm")}
          </button>
        </form>
      </dialog>
    </div>
  );
}
