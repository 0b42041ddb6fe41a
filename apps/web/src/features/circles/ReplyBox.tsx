import { type FormEvent, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, TextAreaField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";

export const MAX_REPLY = 1000;

/** A reader's reply to a post that takes replies. */
export function ReplyBox({
  circleId,
  postId,
  onSent,
}: {
  circleId: string;
  postId: string;
  onSent: () => void;
}) {
  const t = useT();
  const circles = useCircles();
  const form = useForm<"reply">();
  const toast = useToast();
  const [text, setText] = useState("");

  async function send(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (form.fail({ reply: trimmed ? undefined : t("circle.reply.empty") })) return;
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.reply(circleId, postId, trimmed));
    if (!r.ok) return;
    setText("");
    toast.show(t("circle.reply.sent"));
    onSent();
  }

  return (
    <form className="stack-tight" onSubmit={send} noValidate>
      <TextAreaField
        {...form.bind("reply", text, setText)}
        label={t("circle.reply.label")}
        maxLength={MAX_REPLY}
      />
      <FormButtons form={form} label={t("circle.reply.send")} disabled={!circles} />
    </form>
  );
}
