import type { MemberView } from "@trellis/client/sync";
import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { ConfirmButton, FormError, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount, Frame, useSyncList } from "../account/index.ts";
import { CostsSharing } from "./CostsSharing.tsx";
import { InviteList } from "./InviteList.tsx";
import { SafetyCode } from "./SafetyCode.tsx";

/**
 * Everyone in the record. For the owner: compare the safety code with
 * someone who joined and confirm (this sends them the key), compare again
 * with someone confirmed before the membership log existed, or remove them;
 * and the invite links made, any of which can be revoked before it is used.
 */
export function MembersScreen() {
  const { t } = useI18n();
  const snapshot = useSyncSnapshot();
  const isOwner = snapshot.vault?.role === "owner";
  const { items: members, form, reload } = useSyncList((s) => s.members(), { live: true });
  const problem = form.formError;

  const others = members?.filter((m) => !m.isMe) ?? [];
  return (
    <Frame
      backToSettings
      title={t("sharing.members.title")}
      intro={isOwner ? t("sharing.members.intro") : t("sharing.members.introMember")}
    >
      <FormError>{problem}</FormError>
      {members === null && !problem && <p className="muted">{t("account.loading")}</p>}
      {members && others.length === 0 && <p className="card">{t("sharing.none")}</p>}
      <ul className="plain-list stack-tight">
        {others.map((m) => (
          <MemberRow
            key={m.accountId}
            member={m}
            isOwner={isOwner}
            verifying={snapshot.vault?.state === "verify" && m.role === "owner"}
            onChange={reload}
          />
        ))}
      </ul>
      <CostsSharing />
      {isOwner && <InviteList />}
      {isOwner && (
        <p className="account-footer">
          <Link href={routes.sharing.invite}>{t("sharing.share")}</Link>
        </p>
      )}
    </Frame>
  );
}

function MemberRow({
  member,
  isOwner,
  verifying,
  onChange,
}: {
  member: MemberView;
  isOwner: boolean;
  /** This is a member's new device: compare the code with the owner again first. */
  verifying: boolean;
  onChange: () => Promise<void>;
}) {
  const { t, day } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const form = useForm();
  /** Confirmed before the membership log: compare the code again, then confirm. */
  const again = isOwner && member.needsCompare === true;
  const [comparing, setComparing] = useState(
    (member.status === "pending" && isOwner) || verifying || again,
  );
  const [code, setCode] = useState<string | null>(null);
  const joined = day(member.joinedAt.slice(0, 10), true);
  const roleName = t(`sharing.member.${member.role}`);
  const pending = member.status === "pending";
  const confirmable = isOwner && (pending || again);
  const shown = useRef(form);
  shown.current = form;

  useEffect(() => {
    if (!comparing || code || !sync) return;
    // Argon2id inside: a quarter of a second, so only when asked for, and after a paint.
    const timer = setTimeout(() => {
      const r = sync.safetyCodeWith(member);
      if (r.ok) setCode(r.value);
      else shown.current.fail({ form: reasonText(t, r.error.reason) });
    }, 30);
    return () => clearTimeout(timer);
  }, [comparing, code, sync, member, t]);

  async function confirm() {
    if (!sync) return;
    const r = await callAccount(
      form,
      t,
      () => sync.confirmMember(member.accountId),
      (reason) =>
        reason === "safety-code-changed"
          ? { form: t("sharing.code.changed", { who: roleName.toLowerCase() }) }
          : undefined,
    );
    if (!r.ok) {
      // The keys changed since this code was made: make and show the new one.
      if (r.error.reason === "safety-code-changed") {
        setCode(null);
        await onChange();
      }
      return;
    }
    setComparing(false);
    toast.show(t("sharing.confirmed"));
    await onChange();
  }

  async function verifyOwner() {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.verifyOwner());
    if (r.ok) setComparing(false);
  }

  async function remove() {
    if (!sync) return;
    const r = await callAccount(form, t, () => sync.removeMember(member.accountId));
    if (!r.ok) return;
    toast.show(t("sharing.removed"));
    await onChange();
  }

  // "The codes don't match" and "Remove" ask the same question.
  const removing = {
    title: t("sharing.remove.title"),
    body: pending ? t("sharing.code.noMatch.body") : t("sharing.remove.body"),
    confirmLabel: t("sharing.remove.confirm"),
    cancelLabel: t("form.cancel"),
    disabled: form.busy,
    onConfirm: () => void remove(),
  };
  const titleId = `member-${member.accountId}`;
  return (
    <li className="card stack member" aria-labelledby={titleId}>
      <div>
        <p className="member-role" id={titleId}>
          {roleName}
        </p>
        <p className="muted small">
          {pending
            ? isOwner
              ? t("sharing.member.pending")
              : t("sharing.member.pendingOther")
            : again
              ? t("sharing.member.compareAgain")
              : t("sharing.member.joined", { date: joined })}
        </p>
      </div>
      {comparing && (
        <div className="stack">
          <p>{t("sharing.code.body")}</p>
          {verifying && <p>{t("sharing.code.verifyAgain")}</p>}
          {again && <p>{t("sharing.code.again")}</p>}
          <SafetyCode code={code} />
          {verifying && (
            <button
              type="button"
              className="button button-primary"
              disabled={!code || form.busy}
              onClick={() => void verifyOwner()}
            >
              {t("sharing.code.matchOwner")}
            </button>
          )}
          {confirmable && (
            <div className="row">
              <button
                type="button"
                className="button button-primary"
                disabled={!code || form.busy}
                onClick={() => void confirm()}
              >
                {again ? t("sharing.code.matchAgain") : t("sharing.code.match")}
              </button>
              <ConfirmButton {...removing} tone="plain" label={t("sharing.code.noMatch")} />
            </div>
          )}
        </div>
      )}
      <FormError>{form.formError}</FormError>
      <div className="row">
        {!comparing && (
          <button type="button" className="button" onClick={() => setComparing(true)}>
            {t("sharing.member.showCode")}
          </button>
        )}
        {isOwner && member.role !== "owner" && !(comparing && confirmable) && (
          <ConfirmButton
            {...removing}
            tone="danger"
            label={t("sharing.member.remove")}
            spoken={t("sharing.member.removeLabel", { role: roleName, date: joined })}
          />
        )}
      </div>
    </li>
  );
}
