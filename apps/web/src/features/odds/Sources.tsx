import type { EvidenceTag, Note, Source } from "@trellis/domain";
import { useI18n } from "../../i18n/i18n.tsx";
import { tagWords } from "./words.ts";

const evidenceTags: readonly EvidenceTag[] = ["checked", "secondary", "unverified"];

/**
 * The sources behind a figure, one tap away: each citation with its evidence
 * tag (checked, secondary, unverified), each tag explained once in words, then the engine's plain-language notes on
 * what the figure assumes and does not know. Citations and notes come from the
 * odds engine as written there (English), so they never drift from the model.
 */
export function Sources({
  sources,
  notes,
}: {
  sources: readonly Source[];
  notes: readonly Note[];
}) {
  const { t } = useI18n();
  const tags = evidenceTags.filter((tag) => sources.some((s) => s.tag === tag));
  return (
    <details className="odds-sources">
      <summary className="odds-summary">
        {t("odds.sources.summary", { count: sources.length })}
      </summary>
      <div className="stack-tight small">
        <h3 className="odds-sources-title">{t("odds.sources.listTitle")}</h3>
        <p className="muted">{t("odds.sources.tags")}</p>
        <dl className="odds-tag-glossary">
          {tags.map((tag) => (
            <div key={tag}>
              <dt>
                <span className={`odds-tag odds-tag-${tag}`}>{tagWords(t, tag)}</span>
              </dt>
              <dd>{t(`odds.tag.${tag}.means`)}</dd>
            </div>
          ))}
        </dl>
        <ul className="odds-source-list">
          {sources.map((s) => (
            <li key={s.id}>
              <span className="odds-citation">{s.citation}</span>
              <span className={`odds-tag odds-tag-${s.tag}`}>{tagWords(t, s.tag)}</span>
            </li>
          ))}
        </ul>
        <h3 className="odds-sources-title">{t("odds.sources.notesTitle")}</h3>
        <ul className="odds-note-list">
          {notes.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
