import { Link, useLocation } from "wouter";
import { routes } from "../../app/routes.ts";
import { useCircles } from "../../app/sync-context.tsx";
import { ConfirmButton, useForm } from "../../components/forms/index.ts";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { Circles, CircleView } from "./circles-api.ts";
import { HelpNote } from "./HelpNote.tsx";
import { InviteCard } from "./InviteCard.tsx";
import { Members } from "./Members.tsx";
import { PostItem } from "./PostItem.tsx";
import { ReaderCircle } from "./ReaderCircle.tsx";
import { StatusCard } from "./StatusCard.tsx";
import { useCircleView } from "./use-circle-data.ts";
import { WaitingToJoin } from "./WaitingToJoin.tsx";

/**
 * One circle. For the person who owns it (or shares it): the status line,
 * the how-to-help note, the posts, who is in it and the invite link. For a
 * reader: what they may read, the status first.
 */
export function CircleScreen({ circleId }: { circleId: string }) {
  const t = useT();
  const { value: circle, error, reason, reload } = useCircleView(circleId);
  if (!circle) {
    if (reason === "circle-waiting")
      return (
        <Page title={t("join.waiting.title")}>
          <BackLink />
          <WaitingToJoin circleId={circleId} onLetIn={() => void reload()} />
        </Page>
      );
    if (error)
      return (
        <NothingHere
          title={t("circles.title")}
          body={t("circle.notFound")}
          href={routes.circle}
          link={t("circle.back")}
        />
      );
    return (
      <Page title={t("circles.title")}>
        <p role="status">{t("circles.loading")}</p>
      </Page>
    );
  }
  if (circle.role === "viewer") {
    return (
      <Page title={circle.name}>
        <BackLink />
        <ReaderCircle circle={circle} onChange={reload} />
        <LeaveCircle circleId={circleId} />
      </Page>
    );
  }
  return (
    <Page title={circle.name}>
      <BackLink />
      <StatusCard circle={circle} onChange={reload} />
      <HelpNote circle={circle} onChange={reload} />
      <OwnPosts circle={circle} onChange={reload} />
      {circle.role === "owner" && (
        <>
          <Members circleId={circleId} />
          <InviteCard circleId={circleId} />
          <DeleteCircle circleId={circleId} />
        </>
      )}
    </Page>
  );
}

function BackLink() {
  const t = useT();
  return (
    <p>
      <Link href={routes.circle}>{t("circle.back")}</Link>
    </p>
  );
}

function OwnPosts({ circle, onChange }: { circle: CircleView; onChange: () => void }) {
  const t = useT();
  return (
    <section className="card stack-tight" aria-labelledby="circle-posts">
      <h2 id="circle-posts">{t("circle.posts.title")}</h2>
      <p>
        <Link href={routes.circles.compose} className="button button-primary">
          {t("circles.write")}
        </Link>
      </p>
      {circle.posts.length === 0 ? (
        <p className="muted">{t("circle.posts.empty")}</p>
      ) : (
        <ul className="plain-list post-list">
          {circle.posts.map((p) => (
            <li key={p.postId}>
              <PostItem circleId={circle.circleId} post={p} writer onChange={onChange} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteCircle({ circleId }: { circleId: string }) {
  return <EndCircle action={(circles) => circles.deleteCircle(circleId)} words="delete" danger />;
}

export function LeaveCircle({ circleId }: { circleId: string }) {
  return <EndCircle action={(circles) => circles.leave(circleId)} words="leave" />;
}

/**
 * Taking a circle away or leaving it: asked once more, then done, said in a
 * toast, and back to the circles.
 */
function EndCircle({
  action,
  words,
  danger = false,
}: {
  action: (circles: Circles) => ReturnType<Circles["leave"]>;
  words: "delete" | "leave";
  danger?: boolean;
}) {
  const t = useT();
  const circles = useCircles();
  const form = useForm();
  const toast = useToast();
  const [, navigate] = useLocation();
  async function end() {
    if (!circles) return;
    const r = await callAccount(form, t, () => action(circles));
    if (!r.ok) return;
    toast.show(t(words === "delete" ? "circle.deleted" : "circle.left"));
    navigate(routes.circle);
  }
  return (
    <section className="stack-tight circle-end">
      <ConfirmButton
        label={t(`circle.${words}`)}
        title={t(`circle.${words}.title`)}
        body={t(`circle.${words}.body`)}
        cancelLabel={t("form.cancel")}
        onConfirm={() => void end()}
        {...(danger && { tone: "danger" as const })}
        disabled={form.busy}
      />
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
    </section>
  );
}
