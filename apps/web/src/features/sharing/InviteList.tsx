import type { InviteView } from "@trellis/client/sync";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/** How often the list is asked again while open, so a link someone just used shows as used. */
const REFRESH_MS = 3_000;

/**
 * For the owner, on the members screen: the invite links they made, where
 * each stands, and a way to revoke one not yet used (it went to the wrong
 * person, or they changed their mind). Nothing shows until there is a link.
 */
export function InviteList() {
  const { t } = useI18n();
  const sync = useAccountSync();
  const [invites, setInvites] = useState<InviteView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!sync) return;
    const r = await sync.invites();
    if (r.ok) {
      setInvites(r.value);
      setProblem(null);
    } else setProblem(reasonText(t, r.error.reason));
  }, [sync, t]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!problem && (invites === null || invites.length === 0)) return null;
  return (
    <section className="stack-tight" aria-labelledby="invites-title">
      <h2 id="invites-title">{t("sharing.invites.title")}</h2>
      <p className="muted small">{t("sharing.invites.intro")}</p>
      <FormError>{problem}</FormError>
      <ul className="plain-list stack-tight">
        {invites?.map((invite) => (
          <InviteRow key={invite.inviteId} invite={invite} onChange={load} />
        ))}
      </ul>
    </section>
  );
}

function InviteRow({ invite, onChange }: { invite: InviteView; onChange: () => Promise<void> }) {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const made = dateTime(Date.parse(invite.createdAt), zone);
  const until = dateTime(Date.parse(invite.expiresAt), zone);
  const standing = {
    pending: () => t("sharing.invites.pending", { date: until }),
    used: () => t("sharing.invites.used"),
    expired: () => t("sharing.invites.expired", { date: until }),
    revoked: () => t("sharing.invites.revoked"),
  }[invite.status]();

  async function revoke() {
    dialog.current?.close();
    if (!sync) return;
    setBusy(true);
    setProblem(null);
    const r = await sync.revokeInvite(invite.inviteId);
    setBusy(false);
    if (r.ok) toast.show(t("sharing.invites.revoked.done"));
    else {
      setProblem(
        r.error.reason === "invite-used"
          ? t("sharing.invites.alreadyUsed")
          : reasonText(t, r.error.reason),
      );
    }
    await onChange();
  }

  const titleId = `invite-${invite.inviteId}`;
  return (
    <li className="card stack-tight member" aria-labelledby={titleId}>
      <div className="device-row">
        <div>
          <p className="member-role" id={titleId}>
            {t(`sharing.invites.for.${invite.role}`)}
          </p>
          <p className="muted small">
            {t("sharing.invites.made", { date: made })}
            <br />
            {standing}
          </p>
        </div>
        {invite.status === "pending" && (
          <button
            type="button"
            className="button button-danger"
            aria-label={t("sharing.invites.revokeLabel", { date: made })}
            disabled={busy}
            onClick={() => dialog.current?.showModal()}
          >
            {t("sharing.invites.revoke")}
          </button>
        )}
      </div>
      <FormError>{problem}</FormError>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${titleId}-revoke`}
        aria-describedby={`${titleId}-revoke-body`}
      >
        <h2 id={`${titleId}-revoke`}>{t("sharing.invites.revoke.title")}</h2>
        <p id={`${titleId}-revoke-body`}>{t("sharing.invites.revoke.body")}</p>
        <form method="dialog" className="row">
          <button type="submit" className="button">
            {t("form.cancel")}
          </button>
          <button type="button" className="button button-danger" onClick={() => void revoke()}>
            {t("sharing.invites.revoke.confirm")}
          </button>
        </form>
      </dialog>
    </li>
  );
}
