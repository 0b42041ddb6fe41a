import { remembranceForTransfer, remembranceFromRecord, remembranceList } from "@trellis/domain";
import { useId, useState } from "react";
import { useSearch } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { AddDisclosure } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";
import { RemembranceCard } from "./RemembranceCard.tsx";
import { emptyDraft, type PageDraft, RemembranceForm } from "./RemembranceForm.tsx";

/**
 * A quiet place to remember a pregnancy or a baby: a name, dates, the weeks,
 * a place, a few words and photos, as the person wants. Reached from a loss,
 * never pushed: coming from one (`?transfer=`), the page opens filled in
 * with what the record knows (the day of the loss, the transfer day, the
 * weeks), every field theirs to change, kept only when they save. Each
 * stays on this device unless the person chooses to share it; viewers read
 * shared ones, with no Change.
 */
export function Remembrance() {
  const { t } = useI18n();
  const state = useJourneyState();
  const search = useSearch();
  const id = useId();
  const entries = remembranceList(state);
  const fromTransfer = new URLSearchParams(search).get("transfer");
  const known = fromTransfer ? remembranceFromRecord(state, fromTransfer) : null;
  const kept = fromTransfer ? remembranceForTransfer(state, fromTransfer) : null;
  const [offerClosed, setOfferClosed] = useState(false);
  const offer = known && !kept && !offerClosed;

  return (
    <Page title={t("remembrance.title")} intro={t("remembrance.intro")}>
      <ReadOnlyNote />
      {offer && (
        <WhenCanRecord>
          <section className="card">
            <RemembranceForm
              initial={draftFrom(known)}
              transferId={known.transferId}
              recordDueDate={known.dueDate}
              title={t("remembrance.offer.title")}
              hint={t("remembrance.offer.hint")}
              onDone={() => setOfferClosed(true)}
              onCancel={() => setOfferClosed(true)}
            />
          </section>
        </WhenCanRecord>
      )}
      {entries.length === 0 ? (
        !offer && <p className="card empty">{t("remembrance.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight remembrance-list">
          {entries.map((r) => (
            <RemembranceCard key={r.id} page={r} />
          ))}
        </ul>
      )}
      {!offer && (
        <WhenCanRecord>
          <section className="card">
            <AddDisclosure label={t("remembrance.add")}>
              {(close) => <RemembranceForm initial={emptyDraft} onDone={close} onCancel={close} />}
            </AddDisclosure>
          </section>
        </WhenCanRecord>
      )}
      <section className="card" aria-labelledby={`${id}-support`}>
        <h2 id={`${id}-support`} className="visually-hidden">
          {t("loss.support")}
        </h2>
        <SupportLines headingLevel={3} />
      </section>
    </Page>
  );
}

/** The form filled in from the record: the day of the loss, the transfer day and the weeks; not the due date. */
function draftFrom(known: NonNullable<ReturnType<typeof remembranceFromRecord>>): PageDraft {
  return {
    ...emptyDraft,
    date: known.date,
    transferDate: known.transferDate,
    weeks: known.weeks ? String(known.weeks.weeks) : "",
    days: known.weeks ? String(known.weeks.days) : "",
  };
}
