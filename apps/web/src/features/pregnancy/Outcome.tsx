import {
  finalOutcomes,
  GESTATION_MAX_DAYS,
  GESTATION_MAX_WEEKS,
  isLoss,
  latestOutcome,
  type OutcomeKind,
  outcomeKinds,
  type Transfer,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import {
  AddDisclosure,
  ChoiceGroup,
  CountField,
  DateField,
  FormButtons,
  parseCount,
  TextAreaField,
  useForm,
} from "../../components/forms/index.ts";
import { LoggedBy } from "../../components/LoggedBy.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { LossCare } from "./LossCare.tsx";
import { RemoveEntry } from "./shared.tsx";
import { outcomeLine } from "./words.ts";

const withAge: readonly OutcomeKind[] = ["miscarriage", "termination", "stillbirth", "ectopic"];

/**
 * What a transfer led to, recorded with the same care whatever it was. After
 * a loss (or a negative test) the form gives way to a quiet page: quiet mode
 * in one tap, remembrance offered, support lines. A birth is recorded plainly.
 */
export function OutcomeSection({
  transfer,
  justRecorded,
  onRecorded,
}: {
  transfer: Transfer;
  /** Set by the page right after a loss or a negative test is saved: the quiet page opens, focused. */
  justRecorded: OutcomeKind | null;
  onRecorded: (kind: OutcomeKind | null) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const outcomes = [...state.outcomes.values()]
    .filter((o) => o.transferId === transfer.id && !o.retracted)
    .sort((a, b) => a.on.localeCompare(b.on));
  const latest = latestOutcome(state, transfer.id);
  const closed = latest !== null && finalOutcomes.includes(latest.outcome);
  const hard = latest !== null && (isLoss(latest.outcome) || latest.outcome === "negative");

  return (
    <>
      <section className="card stack" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("outcome.title")}</h2>
        {outcomes.length === 0 ? (
          <p className="muted">{t("outcome.none")}</p>
        ) : (
          <ul className="records">
            {outcomes.map((o) => (
              <li key={o.id} className="record">
                <p className="record-value outcome-line">
                  {outcomeLine(i18n, o)}
                  <LoggedBy eventId={o.eventId} />
                </p>
                {o.note && <p className="note-text small">{o.note}</p>}
                <RemoveEntry
                  label={t("outcome.remove")}
                  spoken={t("outcome.removeLabel", { date: i18n.day(o.on, true) })}
                  removed={t("outcome.removed")}
                  remove={(action) => action.record("OutcomeRetracted", { outcomeId: o.id })}
                  onRemoved={() => onRecorded(null)}
                />
              </li>
            ))}
          </ul>
        )}
        {!closed && (
          <AddDisclosure label={t("outcome.record")}>
            {(close) => (
              <OutcomeForm
                transfer={transfer}
                onDone={(kind) => {
                  close();
                  if (isLoss(kind) || kind === "negative") onRecorded(kind);
                }}
              />
            )}
          </AddDisclosure>
        )}
      </section>
      {hard && latest && (
        <LossCare kind={latest.outcome} transferId={transfer.id} open={justRecorded !== null} />
      )}
    </>
  );
}

/** How long a pregnancy had gone on, as typed: a whole number no larger than `max`, or empty. */
function ageProblem(n: number | null, max: number, tooBig: string, notACount: string) {
  if (n === null) return undefined;
  return Number.isNaN(n) ? notACount : n > max ? tooBig : undefined;
}

function OutcomeForm({
  transfer,
  onDone,
}: {
  transfer: Transfer;
  onDone: (kind: OutcomeKind) => void;
}) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const form = useForm<"outcome" | "on" | "weeks" | "days" | "babies" | "note">({
    from: { gestationalAge: "weeks", "gestationalAge.days": "days" },
  });
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const [date, setDate] = useState(todayIso(state.journey!.homeZone));
  const [weeks, setWeeks] = useState("");
  const [days, setDays] = useState("");
  const [babies, setBabies] = useState("1");
  const [note, setNote] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const w = parseCount(weeks);
    const d = parseCount(days);
    const b = parseCount(babies);
    const notACount = t("embryos.form.notACount");
    const found = {
      outcome: kind ? undefined : t("form.required"),
      on: date > todayIso(state.journey!.homeZone) ? t("refusal.outcome-in-future") : undefined,
      weeks: ageProblem(
        w,
        GESTATION_MAX_WEEKS,
        t("refusal.weeks-out-of-range", { maxWeeks: GESTATION_MAX_WEEKS }),
        notACount,
      ),
      days: ageProblem(
        d,
        GESTATION_MAX_DAYS,
        t("outcome.form.daysRange", { max: GESTATION_MAX_DAYS }),
        notACount,
      ),
      babies: kind === "live-birth" && (b === null || Number.isNaN(b)) ? notACount : undefined,
    };
    if (form.fail(found) || !kind) return;
    const r = await form.record("OutcomeRecorded", {
      outcomeId: form.newId(),
      transferId: transfer.id,
      outcome: kind,
      on: date,
      ...(withAge.includes(kind) && w !== null && { gestationalAge: { weeks: w, days: d ?? 0 } }),
      ...(kind === "live-birth" && { babies: b! }),
      ...(note.trim() && { note: note.trim() }),
    });
    if (!r.ok) return;
    toast.show(t("outcome.saved"));
    onDone(kind);
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-label={t("outcome.record")}>
      <p className="hint">{t("outcome.form.hint")}</p>
      <ChoiceGroup
        {...form.field("outcome")}
        className="choices"
        legend={t("outcome.form.kind")}
        options={outcomeKinds.map((k) => ({
          value: k,
          title: t(`outcome.form.kind.${k}`),
          body: t(`outcome.form.kind.${k}.hint`),
        }))}
        value={kind}
        onChange={setKind}
      />
      <DateField {...form.bind("on", date, setDate)} label={t("outcome.form.date")} />
      {kind && withAge.includes(kind) && (
        <fieldset className="stack-tight">
          <legend>{t("outcome.form.age")}</legend>
          <p className="hint">{t("outcome.form.age.hint")}</p>
          <div className="form-pair">
            <CountField
              {...form.field("weeks")}
              label={t("outcome.form.weeks")}
              value={weeks}
              onChange={setWeeks}
            />
            <CountField
              {...form.field("days")}
              label={t("outcome.form.days")}
              value={days}
              onChange={setDays}
            />
          </div>
        </fieldset>
      )}
      {kind === "live-birth" && (
        <CountField
          {...form.field("babies")}
          label={t("outcome.form.babies")}
          value={babies}
          onChange={setBabies}
        />
      )}
      <TextAreaField
        {...form.bind("note", note, setNote)}
        label={t("outcome.form.note")}
        rows={3}
      />
      <FormButtons form={form} label={t("outcome.form.save")} />
    </form>
  );
}
