import type { RemembrancePhoto } from "@trellis/domain";
import { type ChangeEvent, useId, useState } from "react";
import { PickFileButton, QuietButton, TextField, useForm } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { keepPhoto, PagePhoto } from "./remembrance-photos.tsx";

/**
 * The photos of a page being written: each kept sealed on this device as
 * soon as it is picked, with the person's words for it; taken off with one
 * button. Says plainly that photos stay on this device.
 */
export function PhotoList({
  photos,
  max,
  newId,
  onChange,
}: {
  photos: readonly RemembrancePhoto[];
  max: number;
  newId: () => string;
  onChange: (photos: readonly RemembrancePhoto[]) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // Preparing and sealing a photo takes a moment: the kit holds `busy` meanwhile.
  const work = useForm();
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setProblem(null);
    const added = await work.run(() => keepPhoto(file, newId()));
    if (added.ok) onChange([...photos, added.photo]);
    else setProblem(t(`remembrance.photos.${added.reason}`));
  }

  const setAlt = (i: number, alt: string) =>
    onChange(
      photos.map((p, j) => {
        if (j !== i) return p;
        const { alt: _, ...rest } = p;
        return alt.trim() ? { ...rest, alt: alt.trimStart() } : rest;
      }),
    );

  return (
    <fieldset className="stack-tight" aria-describedby={`${id}-hint`}>
      <legend>{t("remembrance.photos")}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t("remembrance.photos.hint")}
      </p>
      {photos.length > 0 && (
        <ul className="plain-list stack-tight">
          {photos.map((p, i) => (
            <li key={p.attachmentId} className="stack-tight remembrance-photo-edit">
              <PagePhoto
                photo={p}
                unnamed={t("remembrance.photos.unnamed")}
                elsewhere={t("remembrance.photos.elsewhere")}
              />
              <TextField
                id={`${id}-alt-${i}`}
                error={undefined}
                label={t("remembrance.photos.alt")}
                hint={t("remembrance.photos.alt.hint")}
                value={p.alt ?? ""}
                onChange={(alt) => setAlt(i, alt)}
              />
              <div>
                <QuietButton
                  label={t("remembrance.photos.remove")}
                  spoken={t("remembrance.photos.removeLabel", { n: i + 1 })}
                  onClick={() => onChange(photos.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {photos.length < max ? (
        <div>
          <PickFileButton
            label={t("remembrance.photos.add")}
            accept="image/*"
            onPick={(e) => void pick(e)}
          />
        </div>
      ) : (
        <p className="muted small">{t("remembrance.photos.full", { max })}</p>
      )}
      <p className="small" role="status">
        {work.busy ? t("remembrance.photos.adding") : ""}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
