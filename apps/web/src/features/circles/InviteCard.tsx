import { type FormEvent, useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, useForm } from "../../components/forms/index.ts";
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
  const [copied, setCopied] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";

  async function make(e: FormEvent) {
    e.preventDefault();
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.invite(circleId, location.origin));
    if (!r.ok) return;
    setInvite(r.value);
    setCopied(false);
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
          <textarea
            id={`${id}-link`}
            className="invite-link"
            readOnly
            rows={5}
            value={invite.link}
            aria-describedby={`${id}-expiry`}
            onFocus={(e) => e.target.select()}
          />
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(invite.link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {t("circle.invite.copy")}
            </button>
            {canShare && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void navigator
                    .share({ title: t("circle.invite.shareText"), url: invite.link })
                    .catch(() => undefined)
                }
              >
                {t("circle.invite.share")}
              </button>
            )}
          </div>
          {copied && <p role="status">{t("circle.invite.copied")}</p>}
          <p className="small">{t("circle.invite.next")}</p>
        </div>
      )}
    </section>
  );
}
