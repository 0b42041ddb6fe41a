import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Frame } from "../account/index.ts";

/** The owner makes a one-time link for a partner (or someone who only reads along). */
export function InviteScreen() {
  const { t, dateTime } = useI18n();
  const sync = useAccountSync();
  const [role, setRole] = useState<"partner" | "viewer">("partner");
  const [invite, setInvite] = useState<{ link: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!sync) return;
    setBusy(true);
    setProblem(null);
    const r = await sync.createInvite(role, location.origin);
    setBusy(false);
    if (r.ok) {
      setInvite(r.value);
      setCopied(false);
    } else setProblem(reasonText(t, r.error.reason));
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
        <FormError>{problem}</FormError>
        <div>
          <button type="submit" className="button button-primary" disabled={busy || !sync}>
            {busy ? t("sharing.invite.creating") : t("sharing.invite.create")}
          </button>
        </div>
      </form>

      {invite && (
        <section className="card stack" aria-labelledby="invite-link-title">
          <h2 id="invite-link-title">{t("sharing.invite.link")}</h2>
          <p className="hint" id="invite-link-hint">
            {t("sharing.invite.linkHint", { date: dateTime(Date.parse(invite.expiresAt), zone) })}
          </p>
          <textarea
            id="invite-link"
            className="invite-link"
            readOnly
            rows={6}
            value={invite.link}
            aria-labelledby="invite-link-title"
            aria-describedby="invite-link-hint"
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
              {t("sharing.invite.copy")}
            </button>
          </div>
          {copied && <p role="status">{t("sharing.invite.copied")}</p>}
          <p>{t("sharing.invite.next")}</p>
          <Link href={routes.sharing.members} className="button button-primary">
            {t("sharing.invite.toMembers")}
          </Link>
        </section>
      )}
    </Frame>
  );
}
