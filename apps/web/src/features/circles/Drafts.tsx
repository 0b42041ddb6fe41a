import { useEffect, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { QuietButton } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CircleDraft } from "./circles-api.ts";

/** Posts not yet sent, kept on this device only: open one to go on, or discard it. */
export function Drafts({
  current,
  changed,
  onOpen,
}: {
  /** The draft being written now (not listed). */
  current: string | undefined;
  /** Counts up whenever a draft was kept, so the list is read again. */
  changed: number;
  onOpen: (draft: CircleDraft) => void;
}) {
  const { t, dateTime } = useI18n();
  const circles = useCircles();
  const [drafts, setDrafts] = useState<CircleDraft[]>([]);
  const [discarded, setDiscarded] = useState(0);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changed` and `discarded` say when to read again.
  useEffect(() => {
    if (!circles) return;
    let cancelled = false;
    void circles.drafts.list().then((d) => {
      if (!cancelled) setDrafts(d);
    });
    return () => {
      cancelled = true;
    };
  }, [circles, changed, discarded]);

  const others = drafts.filter((d) => d.draftId !== current);
  if (others.length === 0) return null;
  return (
    <section className="card stack-tight" aria-labelledby="compose-drafts">
      <h2 id="compose-drafts">{t("compose.draftList")}</h2>
      <ul className="plain-list stack-tight">
        {others.map((d) => {
          const when = dateTime(Date.parse(d.savedAt), zone);
          return (
            <li key={d.draftId} className="draft-line">
              <p className="clamp">{d.text.trim() || t("compose.draftEmpty")}</p>
              <p className="small muted">{when}</p>
              <div className="row">
                <QuietButton
                  label={t("compose.draftOpen")}
                  spoken={t("compose.draftOpenSpoken", { when })}
                  onClick={() => onOpen(d)}
                />
                <QuietButton
                  label={t("compose.draftDiscard")}
                  spoken={t("compose.draftDiscardSpoken", { when })}
                  onClick={() =>
                    void circles?.drafts.discard(d.draftId).then(() => setDiscarded((n) => n + 1))
                  }
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
