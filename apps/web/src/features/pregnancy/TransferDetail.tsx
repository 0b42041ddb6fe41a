import {
  embryoBank,
  finalOutcomes,
  latestOutcome,
  type OutcomeKind,
  type Transfer,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  ConfirmButton,
  DateField,
  FormError,
  QuietButton,
  useForm,
} from "../../components/forms/index.ts";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useSaved } from "../../components/use-saved.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { EmbryoCard } from "../embryology/index.ts";
import { BetaSection } from "./Betas.tsx";
import { DatingCard } from "./Dating.tsx";
import { OutcomeSection } from "./Outcome.tsx";
import { LiningField, readLining } from "./transfer-fields.tsx";
import { transferTitle } from "./words.ts";

/** One transfer: its embryos and details; once done, its betas, dates while pregnant, and what happened. */
export function TransferDetail({ transferId }: { transferId: string }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const transfer = state.transfers.get(transferId);
  if (!transfer || transfer.retracted || transfer.status === "cancelled") {
    return (
      <NothingHere
        title={t("transfers.title")}
        heading={t("transfers.notFound")}
        body={t("transfers.notFound.body")}
        href={routes.transfers.list}
        link={t("transfers.back")}
      />
    );
  }
  return <TransferPage transfer={transfer} />;
}

function TransferPage({ transfer }: { transfer: Transfer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const saved = useSaved();
  const id = useId();
  const action = useForm({ formLine: "toast" });
  // Kept here, not in the outcome section: that section moves up once the transfer has ended.
  const [justRecorded, setJustRecorded] = useState<OutcomeKind | null>(null);
  const outcome = (
    <OutcomeSection transfer={transfer} justRecorded={justRecorded} onRecorded={setJustRecorded} />
  );
  const entries = embryoBank(state).filter((b) => transfer.embryoIds.includes(b.embryo.id));
  const latest = latestOutcome(state, transfer.id);
  const ended = latest !== null && finalOutcomes.includes(latest.outcome);
  const facts = [
    transfer.recipient.kind === "carrier"
      ? t("transfers.detail.recipient.carrier", { name: transfer.recipient.name })
      : t("transfers.detail.recipient.self"),
    transfer.status === "done"
      ? t("transfers.detail.kind", {
          fresh: transfer.fresh ? "yes" : "no",
          protocol:
            transfer.protocol && transfer.protocol !== "fresh"
              ? t(`transfers.new.protocol.${transfer.protocol}`)
              : "none",
        })
      : transfer.protocol
        ? t(`transfers.new.protocol.${transfer.protocol}`)
        : null,
    transfer.liningMm !== null
      ? t("transfers.detail.lining", { mm: i18n.number(transfer.liningMm) })
      : null,
    transfer.clinic,
  ].filter(Boolean);

  async function remove() {
    const r = await action.record("TransferRetracted", { transferId: transfer.id });
    if (r.ok) saved(t("transfers.detail.removed"), routes.transfers.list);
  }

  return (
    <Page title={transferTitle(i18n, transfer)} intro={facts.join(" · ")}>
      <ReadOnlyNote />
      {transfer.note && <p className="card note-text">{transfer.note}</p>}
      {transfer.status === "planned" && (
        <WhenCanRecord>
          <PlannedActions transfer={transfer} />
        </WhenCanRecord>
      )}
      {transfer.status === "done" &&
        (ended ? (
          // A transfer that has ended opens on what happened, not on the numbers before it.
          <>
            {outcome}
            <BetaSection transfer={transfer} />
          </>
        ) : (
          <>
            <DatingCard transfer={transfer} />
            <BetaSection transfer={transfer} />
            {outcome}
          </>
        ))}
      <section className="stack-tight" aria-labelledby={`${id}-embryos`}>
        <h2 id={`${id}-embryos`}>{t("transfers.detail.embryos")}</h2>
        <ul className="plain-list embryo-list">
          {entries.map((entry) => (
            <EmbryoCard
              key={entry.embryo.id}
              entry={entry}
              showSex={false}
              showCohort
              actions={false}
            />
          ))}
        </ul>
      </section>
      {transfer.status === "done" && (
        <WhenCanRecord>
          <p>
            <ConfirmButton
              label={t("transfers.detail.remove")}
              title={t("transfers.detail.removeTitle")}
              body={t("transfers.detail.removeBody")}
              confirmLabel={t("embryos.actions.confirmRemove")}
              cancelLabel={t("transfers.detail.keep")}
              onConfirm={() => void remove()}
            />
          </p>
        </WhenCanRecord>
      )}
    </Page>
  );
}

/** A planned transfer: mark it done on the day (the embryos then leave the bank), or cancel the plan. */
function PlannedActions({ transfer }: { transfer: Transfer }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"transferredOn" | "liningMm">();
  const today = todayIso(state.journey!.homeZone);
  const [date, setDate] = useState([transfer.date, today].sort()[0]!);
  const [lining, setLining] = useState("");

  async function done(e: FormEvent) {
    e.preventDefault();
    const liningMm = readLining(t, lining);
    if (form.fail({ liningMm: liningMm.problem })) return;
    const r = await form.record("TransferRecorded", {
      transferId: transfer.id,
      transferredOn: date,
      embryoIds: [...transfer.embryoIds],
      recipient: transfer.recipient,
      ...(transfer.cycleId && { cycleId: transfer.cycleId }),
      ...(transfer.protocol && { protocol: transfer.protocol }),
      ...(transfer.clinic && { clinic: transfer.clinic }),
      ...(transfer.note && { note: transfer.note }),
      ...(liningMm.mm !== null && { liningMm: liningMm.mm }),
    });
    if (r.ok) toast.show(t("transfers.new.saved"));
  }

  async function cancel() {
    const r = await form.record("TransferCancelled", { transferId: transfer.id });
    if (r.ok) toast.show(t("transfers.detail.cancelled"));
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("transfers.standing.planned")}</h2>
      <form className="stack" onSubmit={done} noValidate>
        <DateField
          {...form.bind("transferredOn", date, setDate)}
          label={t("transfers.detail.markDone.date")}
        />
        <LiningField {...form.field("liningMm")} value={lining} onChange={setLining} />
        <FormError>{form.formError}</FormError>
        <div className="row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t("form.saving") : t("transfers.detail.markDone")}
          </button>
          <QuietButton label={t("transfers.detail.cancel")} onClick={() => void cancel()} />
        </div>
      </form>
    </section>
  );
}
