import type { AnniversaryDay, Remembrance } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import {
  ChoiceGroup,
  FormButtons,
  QuietButton,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * A page's yearly reminder: off until the person sets it, in their own words,
 * on the day they choose (the page's date, or its due date when it has one).
 * In quiet mode it is paused on this device, and the card says so.
 */
export function RemembranceYearly({ page }: { page: Remembrance }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const canRecord = useCanRecord();
  const toast = useToast();
  const id = useId();
  const action = useForm({ formLine: "toast" });
  const [open, setOpen] = useState(false);
  const a = page.anniversary;
  const day = a ? (a.on === "date" ? page.date : page.dueDate) : null;
  const hasDay = page.date !== null || page.dueDate !== null;

  async function turnOff() {
    const r = await action.record("RemembranceChanged", {
      remembranceId: page.id,
      anniversary: null,
    });
    if (r.ok) toast.show(t("remembrance.yearly.turnedOff"));
  }

  return (
    <section className="stack-tight" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("remembrance.yearly")}</h3>
      {a && day ? (
        <p>{t("remembrance.yearly.on", { date: monthDay(i18n.locale, day), words: a.words })}</p>
      ) : (
        <p className="muted">{t("remembrance.yearly.off")}</p>
      )}
      {a && state.preferences.quietMode && (
        <p className="muted small">{t("remembrance.yearly.quiet")}</p>
      )}
      {canRecord &&
        (open ? (
          <YearlyForm page={page} onDone={() => setOpen(false)} />
        ) : !hasDay ? (
          <p className="muted small">{t("remembrance.yearly.needsDate")}</p>
        ) : (
          <div className="row">
            <QuietButton
              tone="plain"
              label={t(a ? "remembrance.yearly.change" : "remembrance.yearly.set")}
              onClick={() => setOpen(true)}
            />
            {a && (
              <QuietButton label={t("remembrance.yearly.turnOff")} onClick={() => void turnOff()} />
            )}
          </div>
        ))}
    </section>
  );
}

function YearlyForm({ page, onDone }: { page: Remembrance; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const id = useId();
  const form = useForm<"on" | "words">({
    from: { "anniversary.on": "on", "anniversary.words": "words" },
  });
  const days: { value: AnniversaryDay; title: string; body: string }[] = [];
  if (page.date) {
    days.push({
      value: "date",
      title: t("remembrance.yearly.which.date"),
      body: i18n.day(page.date, true),
    });
  }
  if (page.dueDate) {
    days.push({
      value: "due-date",
      title: t("remembrance.yearly.which.dueDate"),
      body: i18n.day(page.dueDate, true),
    });
  }
  const [on, setOn] = useState<AnniversaryDay | null>(
    page.anniversary?.on ?? days[0]?.value ?? null,
  );
  const [words, setWords] = useState(page.anniversary?.words ?? "");

  async function save(e: FormEvent) {
    e.preventDefault();
    const found = {
      on: on ? undefined : t("form.required"),
      words: words.trim() ? undefined : t("form.required"),
    };
    if (form.fail(found) || !on) return;
    const r = await form.record("RemembranceChanged", {
      remembranceId: page.id,
      anniversary: { on, words: words.trim() },
    });
    if (!r.ok) return;
    toast.show(t("remembrance.yearly.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t("remembrance.yearly.form")}</h4>
      {days.length === 1 && (
        <p className="hint">
          {days[0]!.title}: {days[0]!.body}
        </p>
      )}
      {days.length > 1 && (
        <ChoiceGroup
          {...form.field("on")}
          className="choices"
          legend={t("remembrance.yearly.which")}
          options={days}
          value={on}
          onChange={setOn}
        />
      )}
      <TextField
        {...form.bind("words", words, setWords)}
        label={t("remembrance.yearly.words")}
        hint={t("remembrance.yearly.words.hint")}
      />
      <FormButtons form={form} label={t("remembrance.yearly.save")} onCancel={onDone} />
    </form>
  );
}

/** "September 18": the day and month only, since the weekday changes from year to year. */
function monthDay(locale: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, d),
  );
}
