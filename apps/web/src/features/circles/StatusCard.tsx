import { useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { TextAreaField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CircleView, StatusTemplate } from "./circles-api.ts";
import { statusTemplates, templateKey } from "./status-words.ts";

export const MAX_STATUS = 280;

/**
 * The line a circle's members see first: set in one tap from the kind
 * templates or in the person's own words, and cleared in one tap.
 */
export function StatusCard({ circle, onChange }: { circle: CircleView; onChange: () => void }) {
  const { t, dateTime } = useI18n();
  const circles = useCircles();
  const form = useForm<"own">();
  const toast = useToast();
  const id = useId();
  const [own, setOwn] = useState("");
  const status = circle.status;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function set(text: string, template: StatusTemplate) {
    if (!circles) return;
    const r = await callAccount(form, t, () =>
      circles.setStatus(circle.circleId, { text, template }),
    );
    if (!r.ok) return;
    toast.show(t("circle.status.set"));
    onChange();
  }

  async function setOwnWords() {
    const text = own.trim();
    if (form.fail({ own: text ? undefined : t("circle.status.empty") })) return;
    await set(text, "own");
    setOwn("");
  }

  async function clear() {
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.clearStatus(circle.circleId));
    if (!r.ok) return;
    toast.show(t("circle.status.cleared"));
    onChange();
  }

  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("circle.status.title")}</h2>
      <p className="hint">{t("circle.status.hint")}</p>
      {status ? (
        <figure className="circle-status">
          <figcaption className="small muted">{t("circle.status.current")}</figcaption>
          <p className="circle-status-text">{status.text}</p>
          <p className="small muted">
            {t("circle.status.setAt", { when: dateTime(Date.parse(status.setAt), zone) })}
          </p>
        </figure>
      ) : (
        <p className="muted">{t("circle.status.none")}</p>
      )}
      <ul className="plain-list stack-tight">
        {statusTemplates.map((template) => {
          const words = t(templateKey(template));
          const current = status?.text === words;
          return (
            <li key={template}>
              <button
                type="button"
                className={`button status-choice${current ? " button-chosen" : ""}`}
                aria-pressed={current}
                disabled={form.busy || !circles}
                onClick={() => void set(words, template)}
              >
                {words}
              </button>
            </li>
          );
        })}
      </ul>
      <TextAreaField
        {...form.bind("own", own, setOwn)}
        label={t("circle.status.own")}
        maxLength={MAX_STATUS}
      />
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={form.busy || !circles}
          onClick={() => void setOwnWords()}
        >
          {t("circle.status.setOwn")}
        </button>
        {status && (
          <button
            type="button"
            className="button button-quiet"
            disabled={form.busy || !circles}
            onClick={() => void clear()}
          >
            {t("circle.status.clear")}
          </button>
        )}
      </div>
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
    </section>
  );
}
