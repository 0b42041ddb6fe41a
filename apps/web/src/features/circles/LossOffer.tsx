import { lossList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useClientValue, useJourneyState } from "../../app/client-context.tsx";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, TextAreaField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import { CircleChecks } from "./Compose.tsx";
import type { CircleSummary } from "./circles-api.ts";
import { answerOffer } from "./offer-store.ts";

/**
 * After a recorded loss, once: words the person may send to the circles
 * they choose, change first, or not send at all. Never in quiet mode (the
 * caller does not show it there); nothing is ticked, nothing is sent unless
 * the person sends it. Sent or declined, it is not offered again on this
 * device.
 */
export function LossOffer({ circles: own }: { circles: readonly CircleSummary[] }) {
  const t = useT();
  const state = useJourneyState();
  const circles = useCircles();
  const toast = useToast();
  const form = useForm<"to" | "text">();
  const id = useId();
  const client = useClient();
  const answeredIds = useClientValue((c) => c.deviceSettings.circleOffersAnswered);
  const latest = lossList(state).at(-1);
  const [text, setText] = useState(() => t("lossOffer.template"));
  const [to, setTo] = useState<readonly string[]>([]);
  if (!latest || answeredIds?.includes(latest.id)) return null;
  const outcomeId = latest.id;

  async function done() {
    await answerOffer(client, outcomeId);
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const words = text.trim();
    if (
      form.fail({
        to: to.length === 0 ? t("compose.toNeeded") : undefined,
        text: words ? undefined : t("compose.textNeeded"),
      })
    )
      return;
    if (!circles) return;
    const r = await callAccount(form, t, () =>
      circles.post({ circleIds: to, text: words, replies: false, reactions: false }),
    );
    if (!r.ok) return;
    toast.show(t("lossOffer.sent"));
    await done();
  }

  return (
    <form className="card stack-tight" onSubmit={send} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("lossOffer.title")}</h2>
      <p>{t("lossOffer.body")}</p>
      <TextAreaField {...form.bind("text", text, setText)} label={t("lossOffer.text")} rows={3} />
      <fieldset className="plain-fieldset stack-tight">
        <legend>{t("compose.to")}</legend>
        <CircleChecks
          circles={own}
          to={to}
          onChange={setTo}
          id={form.id("to")}
          error={form.field("to").error}
        />
      </fieldset>
      <FormButtons
        form={form}
        label={t("lossOffer.send")}
        disabled={!circles}
        onCancel={done}
        cancelLabel={t("lossOffer.dismiss")}
      />
    </form>
  );
}
