import { useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { ConfirmButton, TextField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CircleMember } from "./circles-api.ts";
import { SafetyCodeCheck } from "./SafetyCodeCheck.tsx";
import { useCircleData } from "./use-circle-data.ts";

export const MAX_LABEL = 60;

/**
 * Who is in a circle. Someone who opened an invite link waits until the
 * person names them and lets them in (comparing a safety code first if they
 * wish); anyone can be removed, after a calm question, and then sees
 * nothing new.
 */
export function Members({ circleId }: { circleId: string }) {
  const { t } = useI18n();
  const id = useId();
  const {
    value: members,
    error,
    reload,
  } = useCircleData((c) => c.members(circleId), `members:${circleId}`);
  const waiting = members?.filter((m) => m.status === "pending") ?? [];
  const active = members?.filter((m) => m.status === "active") ?? [];
  const others = active.filter((m) => !m.isMe);
  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("circle.members.title")}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {waiting.map((m) => (
        <Waiting key={m.accountId} circleId={circleId} member={m} onDone={reload} />
      ))}
      {members && others.length === 0 && waiting.length === 0 && (
        <p className="muted">{t("circle.members.empty")}</p>
      )}
      {others.length > 0 && (
        <ul className="plain-list stack-tight">
          {others.map((m) => (
            <li key={m.accountId}>
              <Active circleId={circleId} member={m} onDone={reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One member's line: the circle, the member, and what to do once they are let in or removed. */
interface MemberProps {
  circleId: string;
  member: CircleMember;
  onDone: () => Promise<void>;
}

function Waiting({ circleId, member, onDone }: MemberProps) {
  const { t, dateTime } = useI18n();
  const circles = useCircles();
  const form = useForm<"label">();
  const toast = useToast();
  const id = useId();
  const [label, setLabel] = useState("");
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = dateTime(Date.parse(member.joinedAt), zone);

  async function letIn() {
    const name = label.trim();
    if (
      form.fail({
        label: !name
          ? t("circle.members.labelNeeded")
          : name.length > MAX_LABEL
            ? t("circles.new.nameLong")
            : undefined,
      })
    )
      return;
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.letIn(circleId, member.accountId, name));
    if (!r.ok) return;
    toast.show(t("circle.members.letInDone", { name }));
    await onDone();
  }

  return (
    <section className="card-inset stack-tight" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("circle.members.waitingTitle")}</h3>
      <p>{t("circle.members.waiting", { when })}</p>
      <TextField
        {...form.bind("label", label, setLabel)}
        label={t("circle.members.label")}
        maxLength={MAX_LABEL + 20}
      />
      <SafetyCodeCheck
        summary={t("circle.members.compare")}
        body={t("circle.members.compareBody")}
        load={() => circles?.safetyCode(circleId, member.accountId) ?? null}
      />
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={form.busy || !circles}
          aria-label={t("circle.members.letInSpoken", { when })}
          onClick={() => void letIn()}
        >
          {t("circle.members.letIn")}
        </button>
      </div>
    </section>
  );
}

function Active({ circleId, member, onDone }: MemberProps) {
  const { t, dateTime } = useI18n();
  const circles = useCircles();
  const form = useForm();
  const toast = useToast();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = member.label?.trim() || t("circle.members.unnamed");

  async function remove() {
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.removeMember(circleId, member.accountId));
    if (!r.ok) return;
    toast.show(t("circle.members.removed", { name }));
    await onDone();
  }

  return (
    <div className="member-line">
      <div>
        <p className="member-name">{name}</p>
        <p className="small muted">
          {t(`circle.members.role.${member.role}`)} ·{" "}
          {t("circle.members.joined", { when: dateTime(Date.parse(member.joinedAt), zone) })}
        </p>
      </div>
      {member.role !== "owner" && (
        <ConfirmButton
          label={t("circle.members.remove")}
          spoken={t("circle.members.removeSpoken", { name })}
          title={t("circle.members.remove.title", { name })}
          body={t("circle.members.remove.body")}
          cancelLabel={t("form.cancel")}
          onConfirm={() => void remove()}
          disabled={form.busy}
        />
      )}
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
    </div>
  );
}
