import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText, syncLine } from "../../app/sync-words.ts";
import { ConfirmButton, FormError, QuietButton, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { AccountLinks } from "./AccountLinks.tsx";
import { callAccount } from "./calls.ts";

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
      <AccountLinks
        links={[
          vault?.role === "owner" && [routes.sharing.invite, "sharing.share"],
          vault && [routes.sharing.members, "sharing.members"],
          [routes.account.devices, "account.devices"],
          [routes.account.password, "account.changePassword"],
          [routes.account.delete, "account.delete"],
        ]}
      />
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
  const form = useForm();

  async function signOut() {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.signOut());
    if (r.ok) toast.show(t("account.signOut.done"));
  }

  async function leave() {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.leaveVault());
    if (r.ok) toast.show(t("sharing.left"));
  }

  return (
    <div className="stack">
      <div className="stack-tight">
        <QuietButton tone="plain" label={t("account.signOut")} onClick={() => void signOut()} />
        <p className="hint">{t("account.signOut.hint")}</p>
      </div>
      {vault && vault.role !== "owner" && (
        <div>
          <ConfirmButton
            tone="danger"
            label={t("sharing.leave")}
            title={t("sharing.leave.title")}
            body={t("sharing.leave.body")}
            confirmLabel={t("sharing.leave.confirm")}
            cancelLabel={t("form.cancel")}
            onConfirm={() => void leave()}
          />
        </div>
      )}
      <FormError>{form.formError}</FormError>
    </div>
  );
}
