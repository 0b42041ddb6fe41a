import type { InviteView } from "@trellis/client/sync";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { ConfirmButton, FormError, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount, useSyncList } from "../account/index.ts";

/**
 * For the owner, on the members screen: the invite links they made, where
 * each stands, and a way to revoke one not yet used (it went to the wrong
 * person, or they changed their mind). Nothing shows until there is a link.
 */
export function InviteList() {
  const { t } = useI18n();
  const { items: invites, form, reload } = useSyncList((s) => s.invites(), { live: true });

  if (!form.formError && (invites === null || invites.length === 0)) return null;
  return (
    <section className="stack-tight" aria-labelledby="invites-title">
      <h2 id="invites-title">{t("sharing.invites.title")}</h2>
      <p className="muted small">{t("sharing.invites.intro")}</p>
      <FormError>{form.formError}</FormError>
      <ul className="plain-list stack-tight">
        {invites?.map((invite) => (
          <InviteRow key={invite.inviteId} invite={invite} onChange={reload} />
        ))}
      </ul>
    </section>
  );
}

function InviteRow({ invite, onChange }: { invite: InviteView; onChange: () => Promise<void> }) {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const form = useForm();
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
    if (!sync) return;
    const r = await callAccount(
      form,
      t,
      () => sync.revokeInvite(invite.inviteId),
      (reason) => ({
        form: reason === "invite-used" ? t("sharing.invites.alreadyUsed") : reasonText(t, reason),
      }),
    );
    if (r.ok) toast.show(t("sharing.invites.revoked.done"));
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
          <ConfirmButton
            tone="danger"
            label={t("sharing.invites.revoke")}
            spoken={t("sharing.invites.revokeLabel", { date: made })}
            disabled={form.busy}
            title={t("sharing.invites.revoke.title")}
            body={t("sharing.invites.revoke.body")}
            confirmLabel={t("sharing.invites.revoke.confirm")}
            cancelLabel={t("form.cancel")}
            onConfirm={() => void revoke()}
          />
        )}
      </div>
      <FormError>{form.formError}</FormError>
    </li>
  );
}
