import { oddsAskFirst, oddsAwaitingYes, oddsFromRecord } from "@trellis/domain";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import { nowZoned, todayIso } from "../../app/time.ts";
import { ButtonLine, FormError, useForm } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { BankSection } from "./BankSection.tsx";
import { EggSection } from "./EggSection.tsx";
import { PlanSection } from "./PlanSection.tsx";

/**
 * Odds: from the person's own record, the chance of one, two or three babies
 * from the embryos in the bank, each embryo's chance per transfer, what more
 * retrievals could add, and what frozen eggs could give. Every figure is a
 * natural frequency with its range, its denominator in words and its sources
 * one tap away. In quiet mode, none of it shows; after a loss, none of it
 * shows until the person says they want it (`oddsAskFirst`).
 */
export function Odds() {
  const { t } = useI18n();
  const state = useJourneyState();
  if (state.preferences.quietMode) return <QuietOdds />;
  if (oddsAskFirst(state)) return <AskFirst />;
  const zone = state.journey?.homeZone ?? "UTC";
  return (
    <Page title={t("odds.title")} intro={t("odds.intro")}>
      <p className="odds-disclaimer">{t("odds.notAdvice")}</p>
      <OddsSections today={todayIso(zone)} />
    </Page>
  );
}

function OddsSections({ today }: { today: string }) {
  const state = useJourneyState();
  const record = useMemo(() => oddsFromRecord(state, { today }), [state, today]);
  return (
    <>
      <BankSection record={record} />
      <PlanSection record={record} amhUnit={state.preferences.amhUnit} />
      <EggSection record={record} />
    </>
  );
}

/** The losses a yes answers (at most what the event holds; a yes again answers any left). */
const MAX_LOSSES_PER_YES = 50;

/**
 * The person's yes to seeing the odds again: `sayYes` records it, naming the
 * losses it answers, through `form`, whose line says a refusal in the words
 * of what failed (`failed`: "The numbers could not be shown: ...").
 */
function useYesToOdds(failed: "odds.ask.failed" | "odds.quiet.failed") {
  const { t } = useI18n();
  const state = useJourneyState();
  const form = useForm({ formWords: (message) => t(failed, { message }) });
  const sayYes = () =>
    form.record("OddsResumed", {
      at: nowZoned(state.journey?.homeZone ?? "UTC"),
      outcomeIds: oddsAwaitingYes(state)
        .map((o) => o.id)
        .slice(-MAX_LOSSES_PER_YES),
    });
  return { form, sayYes };
}

/**
 * After a loss: no number about chances until the person asks for them. One
 * calm sentence and one button, nothing that urges; saying yes is recorded
 * (`OddsResumed`, naming the losses it answers), so every device follows, and
 * a loss recorded later asks again. A viewer cannot answer, and is told so.
 */
function AskFirst() {
  const { t } = useI18n();
  const state = useJourneyState();
  const { form, sayYes } = useYesToOdds("odds.ask.failed");
  const canRecord = useCanRecord();
  const id = useId();
  const name = state.journey?.displayName;

  return (
    <Page title={t("odds.title")}>
      <section className="card stack odds-ask" aria-labelledby={`${id}-ask`}>
        <h2 id={`${id}-ask`}>{t("odds.ask.title")}</h2>
        <p>{t("odds.ask.body")}</p>
        {canRecord ? (
          <ButtonLine label={t("odds.ask.show")} onClick={() => void sayYes()} />
        ) : (
          <p className="read-only-note">
            {name ? t("odds.ask.viewer", { name }) : t("odds.ask.viewer.noName")}
          </p>
        )}
        <FormError>{form.formError}</FormError>
      </section>
    </Page>
  );
}

/**
 * Quiet mode is on: the page says so plainly and offers the odds, asking
 * first, because showing them turns quiet mode off everywhere. A viewer
 * cannot turn it off, so is not offered. Saying yes here is also the yes to
 * the odds after a loss: the person asked for them twice already.
 */
function QuietOdds() {
  const { t } = useI18n();
  const state = useJourneyState();
  const { form, sayYes } = useYesToOdds("odds.quiet.failed");
  const toast = useToast();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  async function turnOff() {
    // The yes to the odds goes first, so the numbers follow at once rather than a second
    // question; if it fails, the page asks once more after quiet mode: nothing shows unasked.
    if (oddsAskFirst(state)) await sayYes();
    const r = await form.changeDeviceSettings({ quietMode: false });
    if (r.ok) toast.show(t("odds.quiet.turnedOff"));
  }

  return (
    <Page title={t("odds.title")}>
      <section className="card stack odds-quiet" aria-labelledby={`${id}-quiet`}>
        <h2 id={`${id}-quiet`}>{t("odds.quiet.title")}</h2>
        <p>{t("odds.quiet.body")}</p>
        <ReadOnlyNote about="quiet-mode" />
        <WhenCanRecord>
          {asking ? (
            <div className="stack-tight">
              <p ref={question} tabIndex={-1} className="odds-quiet-question">
                {t("odds.quiet.confirm")}
              </p>
              <div className="row">
                <button type="button" className="button button-primary" onClick={turnOff}>
                  {t("odds.quiet.confirmYes")}
                </button>
                <button type="button" className="button" onClick={() => setAsking(false)}>
                  {t("odds.quiet.keep")}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button" onClick={() => setAsking(true)}>
              {t("odds.quiet.show")}
            </button>
          )}
        </WhenCanRecord>
        <FormError>{form.formError}</FormError>
      </section>
    </Page>
  );
}
