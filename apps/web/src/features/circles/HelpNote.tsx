import { type FormEvent, useEffect, useId, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, TextAreaField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CircleView } from "./circles-api.ts";

export const MAX_HELP_NOTE = 1000;

/** The person's "how to help" note for one circle, editable; members read it under the status. */
export function HelpNote({ circle, onChange }: { circle: CircleView; onChange: () => void }) {
  const t = useT();
  const circles = useCircles();
  const form = useForm<"note">();
  const toast = useToast();
  const id = useId();
  const saved = circle.helpNote?.text ?? "";
  const [text, setText] = useState(saved);
  // A note changed on another device shows here, unless the person is writing.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setText(saved);
  }, [saved, touched]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.setHelpNote(circle.circleId, text.trim()));
    if (!r.ok) return;
    setTouched(false);
    toast.show(t("circle.help.saved"));
    onChange();
  }

  return (
    <form className="card stack-tight" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("circle.help.title")}</h2>
      <TextAreaField
        {...form.bind("note", text, (v) => {
          setText(v);
          setTouched(true);
        })}
        label={t("circle.help.label")}
        hint={t("circle.help.hint")}
        rows={4}
        maxLength={MAX_HELP_NOTE}
      />
      <FormButtons
        form={form}
        label={t("circle.help.save")}
        disabled={!circles || text.trim() === saved}
      />
    </form>
  );
}
