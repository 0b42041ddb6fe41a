import { type FormEvent, useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
import { InviteLinkBox } from "../../components/InviteLinkBox.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";

/**
 * A one-time invite link for one person: copied, or handed to the phone's
 * share sheet where there is one, with the day it stops working.
 */
export function InviteCard({ circleId }: { circleId: string }) {
  const { t, dateTime } = useI18n();
  const circles = useCircles();
  const form = useForm();
  const id = useId();
  const [invite, setInvite] = useState<{ link: string; expiresAt: string } | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function make(e: FormEvent) {
    e.preventDefault();
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.invite(circleId, location.origin));
    if (!r.ok) return;
    setInvite(r.value);
  }

  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("circle.invite.title")}</h2>
      <p className="hint">{t("circle.invite.intro")}</p>
      <form onSubmit={make} noValidate>
        <FormButtons
          form={form}
          label={t("circle.invite.create")}
          busyLabel={t("circle.invite.creating")}
          disabled={!circles}
        />
      </form>
      {invite && (
        <div className="stack-tight">
          <label htmlFor={`${id}-link`}>{t("circle.invite.link")}</label>
          <p className="hint" id={`${id}-expiry`}>
            {t("circle.invite.expiry", { date: dateTime(Date.parse(invite.expiresAt), zone) })}
          </p>
          <InviteLinkBox
            key={invite.link}
            link={invite.link}
            textareaId={`${id}-link`}
            describedBy={`${id}-expiry`}
            rows={5}
            copyLabel={t("circle.invite.copy")}
            copiedLabel={t("circle.invite.copied")}
            share={{ label: t("circle.invite.share"), title: t("circle.invite.shareText") }}
          />
          <p className="small">{t("circle.invite.next")}</p>
        </div>
      )}
    </section>
  );
}
