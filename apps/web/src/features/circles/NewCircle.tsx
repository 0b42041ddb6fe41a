import { type FormEvent, useState } from "react";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";

const suggestions = ["parents", "friends", "work"] as const;
export const MAX_CIRCLE_NAME = 60;

/** Makes a circle: a name of the person's own, or one of a few suggestions in one tap. */
export function NewCircle({ onMade }: { onMade: (circleId: string) => void }) {
  const t = useT();
  const circles = useCircles();
  const form = useForm<"name">();
  const [name, setName] = useState("");

  async function make(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (
      form.fail({
        name: !trimmed
          ? t("circles.new.nameNeeded")
          : trimmed.length > MAX_CIRCLE_NAME
            ? t("circles.new.nameLong")
            : undefined,
      })
    )
      return;
    if (!circles) return;
    const r = await callAccount(form, t, () => circles.create(trimmed));
    if (!r.ok) return;
    setName("");
    onMade(r.value.circleId);
  }

  return (
    <form className="card stack-tight" onSubmit={make} noValidate aria-labelledby="circle-new">
      <h2 id="circle-new">{t("circles.new.title")}</h2>
      <TextField
        {...form.bind("name", name, setName)}
        label={t("circles.new.name")}
        hint={t("circles.new.hint")}
        maxLength={MAX_CIRCLE_NAME + 20}
      />
      <fieldset className="plain-fieldset stack-tight">
        <legend className="small muted">{t("circles.new.suggestions")}</legend>
        <div className="row">
          {suggestions.map((s) => {
            const words = t(`circles.new.suggest.${s}`);
            return (
              <button
                key={s}
                type="button"
                className={`button${name === words ? " button-chosen" : ""}`}
                aria-pressed={name === words}
                onClick={() => {
                  setName(words);
                  form.clear("name");
                }}
              >
                {words}
              </button>
            );
          })}
        </div>
      </fieldset>
      <FormButtons
        form={form}
        label={t("circles.new.create")}
        busyLabel={t("circles.new.creating")}
        disabled={!circles}
      />
    </form>
  );
}
