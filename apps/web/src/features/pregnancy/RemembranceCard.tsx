import type { Remembrance } from "@trellis/domain";
import { useId, useState } from "react";
import { Link } from "wouter";
import { routes } from "../../app/routes.ts";
import { useCanRecord, useSyncSnapshot } from "../../app/sync-context.tsx";
import { ChangeOrRemove, QuietButton, SelectField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { downloadKeepsake, type Paper, pageFacts, usualPaper } from "./keepsake.ts";
import { type PageDraft, RemembranceForm } from "./RemembranceForm.tsx";
import { RemembranceYearly } from "./RemembranceYearly.tsx";
import { forgetPhotos, PagePhoto } from "./remembrance-photos.tsx";

export function draftOf(page: Remembrance): PageDraft {
  return {
    name: page.name ?? "",
    date: page.date ?? "",
    transferDate: page.transferDate ?? "",
    weeks: page.weeks ? String(page.weeks.weeks) : "",
    days: page.weeks ? String(page.weeks.days) : "",
    dueDate: page.dueDate ?? "",
    place: page.place ?? "",
    note: page.note ?? "",
    photos: page.photos,
  };
}

/**
 * One remembrance page: its name, facts, words and photos; its yearly
 * reminder; the keepsake PDF; sharing with a circle (only with an account,
 * only if the person follows the link); change and take away.
 */
export function RemembranceCard({ page }: { page: Remembrance }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const canRecord = useCanRecord();
  const [editing, setEditing] = useState(false);
  const name = page.name ?? t("remembrance.unnamed");

  async function remove() {
    const r = await action.record("RemembranceRemoved", { remembranceId: page.id });
    if (!r.ok) return;
    void forgetPhotos(page.photos);
    toast.show(t("remembrance.removed"));
  }

  return (
    <li className="card remembrance stack">
      <h2 className="remembrance-name">{name}</h2>
      {pageFacts(i18n, page).map((f) => (
        <p key={f.label} className="muted remembrance-fact">
          {f.label}: {f.value}
        </p>
      ))}
      {page.note && <p className="note-text">{page.note}</p>}
      {page.photos.length > 0 && (
        <div className="stack-tight">
          {page.photos.map((p) => (
            <figure key={p.attachmentId} className="remembrance-figure">
              <PagePhoto
                photo={p}
                unnamed={t("remembrance.photos.unnamed")}
                elsewhere={t("remembrance.photos.elsewhere")}
              />
              {p.alt && <figcaption className="muted small">{p.alt}</figcaption>}
            </figure>
          ))}
          <p className="muted small">{t("remembrance.photos.onDevice")}</p>
        </div>
      )}
      <p className="muted small">
        {t(page.private ? "remembrance.privateMark" : "remembrance.sharedMark")}
      </p>
      {editing ? (
        <RemembranceForm
          initial={draftOf(page)}
          editing={page.id}
          headingLevel={3}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <RemembranceYearly page={page} />
          <Keepsake page={page} />
          <ShareWithCircle pageId={page.id} />
          {canRecord && (
            <ChangeOrRemove
              words="remembrance"
              name={name}
              onEdit={() => setEditing(true)}
              onRemove={() => void remove()}
            />
          )}
        </>
      )}
    </li>
  );
}

function Keepsake({ page }: { page: Remembrance }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const id = useId();
  const [paper, setPaper] = useState<Paper>(() => usualPaper(i18n.locale));
  const work = useForm({ formLine: "toast" });
  const busy = work.busy;

  async function make() {
    const done = await work.run(() => downloadKeepsake(i18n, page, paper));
    toast.show(t(done ? "remembrance.keepsake.done" : "remembrance.keepsake.failed"));
  }

  return (
    <section className="stack-tight" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("remembrance.keepsake")}</h3>
      <p className="hint">{t("remembrance.keepsake.hint")}</p>
      <SelectField
        id={`${id}-paper`}
        label={t("remembrance.keepsake.paper")}
        options={[
          { value: "a4", label: t("remembrance.keepsake.a4") },
          { value: "letter", label: t("remembrance.keepsake.letter") },
        ]}
        value={paper}
        onChange={setPaper}
      />
      <div>
        <QuietButton
          tone="plain"
          disabled={busy}
          label={busy ? t("remembrance.keepsake.making") : t("remembrance.keepsake.download")}
          onClick={() => void make()}
        />
      </div>
    </section>
  );
}

/** A plain link, only on a device with an account: nothing is shared unless the person sends it there. */
function ShareWithCircle({ pageId }: { pageId: string }) {
  const { t } = useI18n();
  const { account } = useSyncSnapshot();
  const canRecord = useCanRecord();
  const id = useId();
  if (!account || !canRecord) return null;
  return (
    <p>
      <Link href={routes.circles.shareRemembrance(pageId)} aria-describedby={`${id}-hint`}>
        {t("remembrance.share")}
      </Link>{" "}
      <span id={`${id}-hint`} className="muted small">
        {t("remembrance.share.hint")}
      </span>
    </p>
  );
}
