import { useEffect, useRef, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { useT } from "../../i18n/i18n.tsx";
import type { CirclePhotoRef } from "./circles-api.ts";

/**
 * A post's photo: its sealed bytes fetched and opened on this device, shown
 * from memory (an object URL, let go when the post leaves the screen).
 */
export function PostPhoto({ circleId, photo }: { circleId: string; photo: CirclePhotoRef }) {
  const t = useT();
  const circles = useCircles();
  const [state, setState] = useState<{ url: string } | "loading" | "failed">("loading");
  // The circle is asked again every few seconds: the same photo is not fetched again
  // (a new photo is a new element: its parent keys it by attachment).
  const latest = useRef(photo);
  latest.current = photo;

  useEffect(() => {
    if (!circles) return;
    let url: string | null = null;
    let cancelled = false;
    void circles.photo(circleId, latest.current).then((r) => {
      if (cancelled) return;
      if (!r.ok) return setState("failed");
      url = URL.createObjectURL(
        new Blob([r.value as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }),
      );
      setState({ url });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [circles, circleId]);

  if (state === "loading")
    return (
      <p className="small muted post-photo-wait" role="status">
        {t("circle.post.photoLoading")}
      </p>
    );
  if (state === "failed") return <p className="small muted">{t("circle.post.photoFailed")}</p>;
  return (
    <img
      className="post-photo"
      src={state.url}
      width={photo.width}
      height={photo.height}
      alt={photo.alt?.trim() || t("circle.post.photo")}
    />
  );
}
