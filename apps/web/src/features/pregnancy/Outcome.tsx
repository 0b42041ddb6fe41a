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
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { CountField, DateField } from "../../components/forms/inputs.tsx";
import { parseCount } from "../../components/forms/parse.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";
import { outcomeRefusal } from "./refusals.ts";
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
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const outcomes = [...state.outcomes.values()]
    .filter((o) => o.transferId === transfer.id && !o.retracted)
    .sort((a, b) => a.on.localeCompare(b.on));
  const latest = latestOutcome(state, transfer.id);
  const closed = latest !== null && finalOutcomes.includes(latest.outcome);
  const hard = latest !== null && (isLoss(latest.outcome) || latest.outcome === "negative");

  async function remove(outcomeId: string) {
    const r = await client.record("OutcomeRetracted", { outcomeId });
    if (r.ok) {
      onRecorded(null);
      toast.show(t("outcome.removed"));
    }
  }

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
                <p className="record-value outcome-line">{outcomeLine(i18n, o)}</p>
                {o.note && <p className="note-text small">{o.note}</p>}
                <WhenCanRecord>
                  <div className="record-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t("outcome.removeLabel", { date: i18n.day(o.on, true) })}
                      onClick={() => void remove(o.id)}
                    >
                      {t("outcome.remove")}
                    </button>
                  </div>
                </WhenCanRecord>
              </li>
            ))}
          </ul>
        )}
        {!closed && (
          <WhenCanRecord>
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
          </WhenCanRecord>
        )}
      </section>
      {hard && latest && (
        <LossCare kind={latest.outcome} transferId={transfer.id} open={justRecorded !== null} />
      )}
    </>
  );
}

function OutcomeForm({
  transfer,
  onDone,
}: {
  transfer: Transfer;
  onDone: (kind: OutcomeKind) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const [date, setDate] = useState(todayIso(state.journey!.homeZone));
  const [weeks, setWeeks] = useState("");
  const [days, setDays] = useState("");
  const [babies, setBabies] = useState("1");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!kind) return setErrors({ kind: t("form.required") });
    const found: Record<string, string> = {};
    const w = parseCount(weeks);
    const d = parseCount(days);
    const b = parseCount(babies);
    if (w !== null && Number.isNaN(w)) found.weeks = t("embryos.form.notACount");
    else if (w !== null && w > GESTATION_MAX_WEEKS)
      found.weeks = t("refusal.weeks-out-of-range", { maxWeeks: GESTATION_MAX_WEEKS });
    if (d !== null && Number.isNaN(d)) found.days = t("embryos.form.notACount");
    else if (d !== null && d > GESTATION_MAX_DAYS)
      found.days = t("outcome.form.daysRange", { max: GESTATION_MAX_DAYS });
    if (date > todayIso(state.journey!.homeZone)) found.on = t("refusal.outcome-in-future");
    if (kind === "live-birth" && (b === null || Number.isNaN(b)))
      found.babies = t("embryos.form.notACount");
    if (Object.keys(found).length > 0) return setErrors(found);
    const r = await client.record("OutcomeRecorded", {
      outcomeId: client.newId(),
      transferId: transfer.id,
      outcome: kind,
      on: date,
      ...(withAge.includes(kind) && w !== null && { gestationalAge: { weeks: w, days: d ?? 0 } }),
      ...(kind === "live-birth" && { babies: b! }),
      ...(note.trim() && { note: note.trim() }),
    });
    if (!r.ok) {
      const refused = outcomeRefusal(i18n, r.error);
      return setErrors({ [refused.field]: refused.text });
    }
    toast.show(t("outcome.saved"));
    onDone(kind);
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-label={t("outcome.record")}>
      <p className="hint">{t("outcome.form.hint")}</p>
      <fieldset className="choices" aria-describedby={errors.kind ? `${id}-kind-error` : undefined}>
        <legend>{t("outcome.form.kind")}</legend>
        {outcomeKinds.map((k) => (
          <label key={k} className={`choice${kind === k ? " choice-on" : ""}`}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>
              <span className="choice-title">{t(`outcome.form.kind.${k}`)}</span>
              <span className="choice-body">{t(`outcome.form.kind.${k}.hint`)}</span>
            </span>
          </label>
        ))}
        {errors.kind && (
          <p className="error" id={`${id}-kind-error`}>
            {errors.kind}
          </p>
        )}
      </fieldset>
      <DateField
        id={`${id}-date`}
        label={t("outcome.form.date")}
        value={date}
        onChange={setDate}
        error={errors.on}
      />
      {kind && withAge.includes(kind) && (
        <fieldset className="stack-tight">
          <legend>{t("outcome.form.age")}</legend>
          <p className="hint">{t("outcome.form.age.hint")}</p>
          <div className="form-pair">
            <CountField
              id={`${id}-weeks`}
              label={t("outcome.form.weeks")}
              value={weeks}
              onChange={setWeeks}
              error={errors.weeks}
            />
            <CountField
              id={`${id}-days`}
              label={t("outcome.form.days")}
              value={days}
              onChange={setDays}
              error={errors.days}
            />
          </div>
        </fieldset>
      )}
      {kind === "live-birth" && (
        <CountField
          id={`${id}-babies`}
          label={t("outcome.form.babies")}
          value={babies}
          onChange={setBabies}
          error={errors.babies}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("outcome.form.note")}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormError>{errors.form}</FormError>
      <div>
        <button type="submit" className="button button-primary">
          {t("outcome.form.save")}
        </button>
      </div>
    </form>
  );
}

/**
 * After a loss: sorry, plainly; quiet mode one tap away; remembrance offered,
 * never pushed; people to talk to. Open and focused right after recording;
 * folded on later visits. Quiet mode and remembrance are the record keepers'
 * to choose, so a viewer sees the words and the people to talk to.
 */
function LossCare({
  kind,
  transferId,
  open,
}: {
  kind: OutcomeKind;
  transferId: string;
  open: boolean;
}) {
  const { t } = useI18n();
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const quiet = state.preferences.quietMode;
  const negative = kind === "negative";
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  async function quietOn() {
    const r = await client.record("PreferencesUpdated", { quietMode: true });
    if (r.ok) toast.show(t("quiet.on"));
  }

  const body = (
    <div className="stack">
      <p>{t(negative ? "loss.negative.body" : "loss.body")}</p>
      <WhenCanRecord>
        <section className="stack-tight" aria-labelledby={`${id}-quiet`}>
          <h3 id={`${id}-quiet`}>{t("loss.quiet")}</h3>
          {quiet ? (
            <p>{t("loss.quiet.isOn")}</p>
          ) : (
            <>
              <p className="small">{t("loss.quiet.body")}</p>
              <div>
                <button type="button" className="button" onClick={() => void quietOn()}>
                  {t("loss.quiet.on")}
                </button>
              </div>
            </>
          )}
        </section>
        {!negative && (
          <section className="stack-tight" aria-labelledby={`${id}-remember`}>
            <h3 id={`${id}-remember`}>{t("loss.remember")}</h3>
            <p className="small">{t("loss.remember.body")}</p>
            <Link href={routes.remembrance.forTransfer(transferId)}>{t("loss.remember.link")}</Link>
          </section>
        )}
      </WhenCanRecord>
      <SupportLines headingLevel={3} />
    </div>
  );

  return (
    <section className="card loss-care" aria-labelledby={`${id}-title`}>
      {open ? (
        <>
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {t(negative ? "loss.negative.title" : "loss.title")}
          </h2>
          {body}
        </>
      ) : (
        <details>
          <summary>
            <h2 id={`${id}-title`} className="summary-heading">
              {t("loss.support")}
            </h2>
          </summary>
          {body}
        </details>
      )}
    </section>
  );
}
