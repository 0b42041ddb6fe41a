import { useId } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CircleView } from "./circles-api.ts";
import { PostItem } from "./PostItem.tsx";

/**
 * A circle as a reader sees it: the status first, then the how-to-help
 * note, then the posts (photos opened on this device), replies and
 * reactions only where a post allows them. `headingLevel` 3 when several
 * circles share one page.
 */
export function ReaderCircle({
  circle,
  onChange,
  headingLevel = 2,
}: {
  circle: CircleView;
  onChange: () => void;
  headingLevel?: 2 | 3;
}) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const H = headingLevel === 2 ? "h2" : "h3";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="stack">
      {circle.status && (
        <section className="card circle-status-card" aria-labelledby={`${id}-status`}>
          <H id={`${id}-status`} className="small muted circle-status-label">
            {t("reader.status")}
          </H>
          <p className="circle-status-text">{circle.status.text}</p>
          <p className="small muted">
            {t("circle.status.setAt", { when: dateTime(Date.parse(circle.status.setAt), zone) })}
          </p>
        </section>
      )}
      {circle.helpNote?.text && (
        <section className="card stack-tight" aria-labelledby={`${id}-help`}>
          <H id={`${id}-help`}>{t("reader.help")}</H>
          <p className="help-note-text">{circle.helpNote.text}</p>
        </section>
      )}
      <section className="card stack-tight" aria-labelledby={`${id}-posts`}>
        <H id={`${id}-posts`}>{t("circle.posts.title")}</H>
        {circle.posts.length === 0 ? (
          <p className="muted">{t("circle.posts.emptyReader")}</p>
        ) : (
          <ul className="plain-list post-list">
            {circle.posts.map((p) => (
              <li key={p.postId}>
                <PostItem circleId={circle.circleId} post={p} writer={false} onChange={onChange} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
