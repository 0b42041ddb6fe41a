import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
import { InviteLinkBox } from "../../components/InviteLinkBox.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount, Frame } from "../account/index.ts";

/** The owner makes a one-time link for a partner (or someone who only reads along). */
export function InviteScreen() {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const form = useForm();
  const [role, setRole] = useState<"partner" | "viewer">("partner");
  const [invite, setInvite] = useState<{ link: string; expiresAt: string } | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.createInvite(role, location.origin));
    if (!r.ok) return;
    setInvite(r.value);
  }

  return (
    <Frame title={t("sharing.invite.title")} intro={t("sharing.invite.intro")}>
      <form className="card stack" onSubmit={create} noValidate>
        <fieldset className="stack-tight plain-fieldset">
          <legend>{t("sharing.role")}</legend>
          {(["partner", "viewer"] as const).map((r) => (
            <label key={r} className="check-row">
              <input
                type="radio"
                name="invite-role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              <span>
                <span className="choice-title">{t(`sharing.role.${r}`)}</span>
                <span className="hint">{t(`sharing.role.${r}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormButtons
          form={form}
          label={t("sharing.invite.create")}
          busyLabel={t("sharing.invite.creating")}
          disabled={!sync}
        />
      </form>

      {invite && (
        <section className="card stack" aria-labelledby="invite-link-title">
          <h2 id="invite-link-title">{t("sharing.invite.link")}</h2>
          <p className="hint" id="invite-link-hint">
            {t("sharing.invite.linkHint", { date: dateTime(Date.parse(invite.expiresAt), zone) })}
          </p>
          <InviteLinkBox
            key={invite.link}
            link={invite.link}
            textareaId="invite-link"
            labelledBy="invite-link-title"
            describedBy="invite-link-hint"
            rows={6}
            copyLabel={t("sharing.invite.copy")}
            copiedLabel={t("sharing.invite.copied")}
          />
          <p>{t("sharing.invite.next")}</p>
          <Link href={routes.sharing.members} className="button button-primary">
            {t("sharing.invite.toMembers")}
          </Link>
        </section>
      )}
    </Frame>
  );
}
