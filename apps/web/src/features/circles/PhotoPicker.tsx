import type { PreparedPhoto } from "@trellis/client/attachments";
import { useEffect, useId, useState } from "react";
import { TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** What `preparePhoto` made of the chosen file: smaller, upright, without metadata. */
export type ChosenPhoto = PreparedPhoto;

/**
 * An optional photo for a post: prepared on this device (resized, the place
 * and camera details taken out) as soon as it is chosen, and shown as it
 * will be sent, with a description for people who cannot see it.
 */
export function PhotoPicker({
  photo,
  alt,
  onPhoto,
  onAlt,
}: {
  photo: ChosenPhoto | null;
  alt: string;
  onPhoto: (photo: ChosenPhoto | null) => void;
  onAlt: (alt: string) => void;
}) {
  const t = useT();
  const id = useId();
  // Preparing a photo takes a moment: the kit's form holds "busy" and says what went wrong.
  const form = useForm<"file">();
  const error = form.field("file").error;
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!photo) return setUrl(null);
    const made = URL.createObjectURL(
      new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.type }),
    );
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [photo]);

  async function choose(file: File | undefined) {
    if (!file) return;
    form.clear();
    const r = await form.run(async () => {
      const { preparePhoto, canvasImagePort } = await import("@trellis/client/attachments");
      const bytes = new Uint8Array(await file.arrayBuffer());
      return preparePhoto({ bytes, type: file.type }, canvasImagePort);
    });
    if (r.ok) onPhoto(r.value);
    else form.fail({ file: t(`compose.photo.${r.reason}`) });
  }

  return (
    <div className="stack-tight">
      <div className="field">
        <label htmlFor={form.id("file")}>{t("compose.photo")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("compose.photoHint")}
        </p>
        <input
          id={form.id("file")}
          type="file"
          accept="image/*"
          aria-describedby={`${id}-hint${error ? ` ${form.id("file")}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {error && (
          <p className="error" id={`${form.id("file")}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      {form.busy && <p role="status">{t("compose.photoPreparing")}</p>}
      {photo && url && (
        <figure className="photo-preview stack-tight">
          <img src={url} alt={alt.trim() || t("circle.post.photo")} />
          <figcaption className="small muted">
            {t("compose.photoPreview", { width: photo.width, height: photo.height })}
          </figcaption>
          <TextField
            id={`${id}-alt`}
            label={t("compose.alt")}
            hint={t("compose.altHint")}
            value={alt}
            onChange={onAlt}
            maxLength={300}
          />
          <div>
            <button type="button" className="button button-quiet" onClick={() => onPhoto(null)}>
              {t("compose.photoRemove")}
            </button>
          </div>
        </figure>
      )}
    </div>
  );
}
