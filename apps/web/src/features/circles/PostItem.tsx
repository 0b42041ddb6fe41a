import { useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import {
  ConfirmButton,
  QuietButton,
  TextAreaField,
  useForm,
} from "../../components/forms/index.ts";
import { Switch } from "../../components/forms/Switch.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CirclePost } from "./circles-api.ts";
import { PostPhoto } from "./PostPhoto.tsx";
import { ReplyBox } from "./ReplyBox.tsx";

export const MAX_POST = 4000;

/** A post in its circle, as the post and its reactions take it. */
interface PostProps {
  circleId: string;
  post: CirclePost;
  /** The owner or a partner: may change and take back; never replies to their own. */
  writer: boolean;
  onChange: () => void;
}

/**
 * One post. The person who wrote it (or shares the circle) may change its
 * words and whether it takes replies and reactions, or take it back; a
 * reader may reply or react only where the post allows.
 */
export function PostItem({ circleId, post, writer, onChange }: PostProps) {
  const { t, dateTime } = useI18n();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = dateTime(Date.parse(post.postedAt), zone);
  const [editing, setEditing] = useState(false);
  const circles = useCircles();
  const action = useForm();
  const toast = useToast();

  async function takeBack() {
    if (!circles) return;
    const r = await callAccount(action, t, () => circles.takeBack(circleId, post.postId));
    if (!r.ok) return;
    toast.show(t("circle.post.takenBack"));
    onChange();
  }

  return (
    <article className="post stack-tight" aria-label={when}>
      <p className="small muted">
        <time dateTime={post.postedAt}>{when}</time>
        {post.editedAt &&
          ` · ${t("circle.post.edited", { when: dateTime(Date.parse(post.editedAt), zone) })}`}
      </p>
      {post.remembrance && <RemembranceLine remembrance={post.remembrance} />}
      {editing ? (
        <EditPost
          circleId={circleId}
          post={post}
          onDone={() => {
            setEditing(false);
            onChange();
          }}
        />
      ) : (
        post.text && <p className="post-text">{post.text}</p>
      )}
      {post.photo && (
        <PostPhoto key={post.photo.attachmentId} circleId={circleId} photo={post.photo} />
      )}
      <Reactions circleId={circleId} post={post} writer={writer} onChange={onChange} />
      {post.replyList.length > 0 && (
        <section className="stack-tight" aria-label={t("circle.replies")}>
          <ul className="plain-list post-replies">
            {post.replyList.map((r) => (
              <li key={r.replyId}>
                <span className="small muted">
                  {r.mine ? t("circle.reply.you") : (r.fromLabel ?? t("circle.reply.someone"))}
                </span>
                <p>{r.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!writer && post.replies && (
        <ReplyBox circleId={circleId} postId={post.postId} onSent={onChange} />
      )}
      {writer && (
        <>
          <p className="small muted">
            {[
              post.replies && t("circle.post.repliesOn"),
              post.reactions && t("circle.post.reactionsOn"),
            ]
              .filter(Boolean)
              .join(" · ") || t("circle.post.closed")}
          </p>
          {!editing && (
            <div className="row">
              <QuietButton
                label={t("circle.post.change")}
                spoken={t("circle.post.changeSpoken", { when })}
                onClick={() => setEditing(true)}
              />
              <ConfirmButton
                label={t("circle.post.takeBack")}
                spoken={t("circle.post.takeBackSpoken", { when })}
                title={t("circle.post.takeBack.title")}
                body={t("circle.post.takeBack.body")}
                cancelLabel={t("form.cancel")}
                onConfirm={() => void takeBack()}
                disabled={action.busy}
              />
            </div>
          )}
          {action.formError && (
            <p className="error" role="alert">
              {action.formError}
            </p>
          )}
        </>
      )}
    </article>
  );
}

function RemembranceLine({ remembrance }: { remembrance: NonNullable<CirclePost["remembrance"]> }) {
  const { t, day } = useI18n();
  const parts = [
    remembrance.name,
    remembrance.date && day(remembrance.date, true),
    remembrance.place,
  ].filter(Boolean);
  return (
    <div className="post-remembrance">
      <p className="small muted">{t("circle.post.remembrance")}</p>
      {parts.length > 0 && <p>{parts.join(" · ")}</p>}
      {remembrance.words && <p>{remembrance.words}</p>}
    </div>
  );
}

function EditPost({
  circleId,
  post,
  onDone,
}: {
  circleId: string;
  post: CirclePost;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const circles = useCircles();
  const form = useForm<"text">();
  const toast = useToast();
  const id = useId();
  const [text, setText] = useState(post.text);
  const [replies, setReplies] = useState(post.replies);
  const [reactions, setReactions] = useState(post.reactions);

  async function save() {
    if (!circles) return;
    if (form.fail({ text: text.trim() || post.photo ? undefined : t("compose.textNeeded") }))
      return;
    const r = await callAccount(form, t, () =>
      circles.editPost(circleId, post.postId, { text: text.trim(), replies, reactions }),
    );
    if (!r.ok) return;
    toast.show(t("circle.post.changed"));
    onDone();
  }

  return (
    <div className="stack-tight card-inset">
      <TextAreaField
        {...form.bind("text", text, setText)}
        label={t("circle.post.text")}
        rows={4}
        maxLength={MAX_POST}
      />
      <p className="hint" id={`${id}-allow`}>
        {t("compose.allowHint")}
      </p>
      <Switch
        on={replies}
        label={t("compose.replies")}
        describedBy={`${id}-allow`}
        onToggle={() => setReplies(!replies)}
      />
      <Switch
        on={reactions}
        label={t("compose.reactions")}
        describedBy={`${id}-allow`}
        onToggle={() => setReactions(!reactions)}
      />
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="button button-primary"
          disabled={form.busy}
          onClick={() => void save()}
        >
          {form.busy ? t("form.saving") : t("circle.post.changeSave")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("form.cancel")}
        </button>
      </div>
    </div>
  );
}

const reactionKinds = ["heart", "hug", "thinking-of-you"] as const;

/**
 * Reactions where the post allows them: counts for everyone (never who),
 * and for a reader one tap to send one, or take theirs back.
 */
function Reactions({ circleId, post, writer, onChange }: PostProps) {
  const { t } = useI18n();
  const circles = useCircles();
  const action = useForm();
  const counts = reactionKinds.filter((k) => (post.reactionCounts[k] ?? 0) > 0);
  if (!post.reactions && counts.length === 0) return null;

  async function react(kind: (typeof reactionKinds)[number]) {
    if (!circles) return;
    const next = post.myReaction === kind ? null : kind;
    const r = await callAccount(action, t, () => circles.react(circleId, post.postId, next));
    if (r.ok) onChange();
  }

  return (
    <div className="stack-tight">
      {counts.length > 0 && (
        <p className="small muted">
          {counts
            .map((k) =>
              t("circle.react.count", {
                reaction: t(`circle.react.${k}`),
                count: post.reactionCounts[k] ?? 0,
              }),
            )
            .join(" · ")}
        </p>
      )}
      {!writer && post.reactions && (
        <fieldset className="plain-fieldset">
          <legend className="small muted">{t("circle.react.label")}</legend>
          <div className="row">
            {reactionKinds.map((k) => (
              <button
                key={k}
                type="button"
                className={`button${post.myReaction === k ? " button-chosen" : ""}`}
                aria-pressed={post.myReaction === k}
                disabled={action.busy}
                onClick={() => void react(k)}
              >
                {t(`circle.react.${k}`)}
              </button>
            ))}
          </div>
          {action.formError && (
            <p className="error" role="alert">
              {action.formError}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
