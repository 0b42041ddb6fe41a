import type { MemberView } from "@trellis/client/sync";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useAccountSync, useSyncSnapshot } from "../../app/sync-context.tsx";
import { reasonText } from "../../app/sync-words.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Frame } from "../account/index.ts";
import { InviteList } from "./InviteList.tsx";
import { SafetyCode } from "./SafetyCode.tsx";

/** How often the list is asked again while open, so someone who just joined shows up. */
const REFRESH_MS = 3_000;

/**
 * Everyone in the record. For the owner: compare the safety code with
 * someone who joined and confirm (this sends them the key), or remove them;
 * and the invite links made, any of which can be revoked before it is used.
 */
export function MembersScreen() {
  const { t } = useI18n();
  const sync = useAccountSync();
  const snapshot = useSyncSnapshot();
  const isOwner = snapshot.vault?.role === "owner";
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!sync) return;
    const r = await sync.members();
    if (r.ok) {
      setMembers(r.value);
      setProblem(null);
    } else setProblem(reasonText(t, r.error.reason));
  }, [sync, t]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const others = members?.filter((m) => !m.isMe) ?? [];
  return (
    <Frame
      title={t("sharing.members.title")}
      intro={isOwner ? t("sharing.members.intro") : t("sharing.members.introMember")}
    >
      <FormError>{problem}</FormError>
      {members === null && !problem && <p className="muted">{t("account.loading")}</p>}
      {members && others.length === 0 && <p className="card">{t("sharing.none")}</p>}
      <ul className="plain-list stack-tight">
        {others.map((m) => (
          <MemberRow key={m.accountId} member={m} isOwner={isOwner} onChange={load} />
        ))}
      </ul>
      {isOwner && <InviteList />}
      {isOwner && (
        <p className="account-footer">
          <Link href={routes.sharing.invite}>{t("sharing.share")}</Link>
        </p>
      )}
      <p className="account-footer">
        <Link href={routes.settings}>{t("account.back")}</Link>
      </p>
    </Frame>
  );
}

function MemberRow({
  member,
  isOwner,
  onChange,
}: {
  member: MemberView;
  isOwner: boolean;
  onChange: () => Promise<void>;
}) {
  const { t, day } = useI18n();
  const sync = useAccountSync();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [comparing, setComparing] = useState(member.status === "pending" && isOwner);
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const joined = day(member.joinedAt.slice(0, 10), true);
  const roleName = t(`sharing.member.${member.role}`);

  useEffect(() => {
    if (!comparing || code || !sync) return;
    // Argon2id inside: a quarter of a second, so only when asked for, and after a paint.
    const timer = setTimeout(() => {
      const r = sync.safetyCodeWith(member);
      if (r.ok) setCode(r.value);
      else setProblem(reasonText(t, r.error.reason));
    }, 30);
    return () => clearTimeout(timer);
  }, [comparing, code, sync, member, t]);

  async function confirm() {
    if (!sync) return;
    setBusy(true);
    const r = await sync.confirmMember(member.accountId);
    setBusy(false);
    if (!r.ok) return setProblem(reasonText(t, r.error.reason));
    setComparing(false);
    toast.show(t("sharing.confirmed"));
    await onChange();
  }

  async function remove() {
    dialog.current?.close();
    if (!sync) return;
    setBusy(true);
    const r = await sync.removeMember(member.accountId);
    setBusy(false);
    if (!r.ok) return setProblem(reasonText(t, r.error.reason));
    toast.show(t("sharing.removed"));
    await onChange();
  }

  const titleId = `member-${member.accountId}`;
  return (
    <li className="card stack member" aria-labelledby={titleId}>
      <div>
        <p className="member-role" id={titleId}>
          {roleName}
        </p>
        <p className="muted small">
          {member.status === "pending"
            ? isOwner
              ? t("sharing.member.pending")
              : t("sharing.member.pendingOther")
            : t("sharing.member.joined", { date: joined })}
        </p>
      </div>
      {comparing && (
        <div className="stack">
          <p>{t("sharing.code.body")}</p>
          <SafetyCode code={code} />
          {isOwner && member.status === "pending" && (
            <div className="row">
              <button
                type="button"
                className="button button-primary"
                disabled={!code || busy}
                onClick={() => void confirm()}
              >
                {t("sharing.code.match")}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => dialog.current?.showModal()}
              >
                {t("sharing.code.noMatch")}
              </button>
            </div>
          )}
        </div>
      )}
      <FormError>{problem}</FormError>
      <div className="row">
        {!comparing && (
          <button type="button" className="button" onClick={() => setComparing(true)}>
            {t("sharing.member.showCode")}
          </button>
        )}
        {isOwner && member.role !== "owner" && !(comparing && member.status === "pending") && (
          <button
            type="button"
            className="button button-danger"
            aria-label={t("sharing.member.removeLabel", { role: roleName, date: joined })}
            disabled={busy}
            onClick={() => dialog.current?.showModal()}
          >
            {t("sharing.member.remove")}
          </button>
        )}
      </div>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${titleId}-remove`}
        aria-describedby={`${titleId}-remove-body`}
      >
        <h2 id={`${titleId}-remove`}>{t("sharing.remove.title")}</h2>
        <p id={`${titleId}-remove-body`}>
          {member.status === "pending" ? t("sharing.code.noMatch.body") : t("sharing.remove.body")}
        </p>
        <form method="dialog" className="row">
          <button type="submit" className="button">
            {t("form.cancel")}
          </button>
          <button type="button" className="button button-danger" onClick={() => void remove()}>
            {t("sharing.remove.confirm")}
          </button>
        </form>
      </dialog>
    </li>
  );
}
