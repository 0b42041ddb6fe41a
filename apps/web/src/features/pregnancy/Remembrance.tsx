import { type Remembrance as Kept, remembranceList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useSearch } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { ConfirmDialog } from "../../components/forms/ConfirmDialog.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import { DateField, TextField } from "../../components/forms/inputs.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";
import { SupportLines } from "../clinics/index.ts";

/**
 * A quiet place to remember a pregnancy or a baby: a name, a date, a few
 * words, as the person wants. Reached from a loss, never pushed. The date of a
 * loss is offered when the person comes from one.
 */
export function Remembrance() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const search = useSearch();
  const id = useId();
  const entries = remembranceList(state);
  const fromTransfer = new URLSearchParams(search).get("transfer");
  const loss = fromTransfer
    ? [...state.outcomes.values()].find(
        (o) => o.transferId === fromTransfer && !o.retracted && o.outcome !== "ongoing",
      )
    : undefined;

  return (
    <Page title={t("remembrance.title")} intro={t("remembrance.intro")}>
      <ReadOnlyNote />
      {entries.length === 0 ? (
        <p className="card empty">{t("remembrance.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight remembrance-list">
          {entries.map((r) => (
            <KeptCard key={r.id} kept={r} />
          ))}
        </ul>
      )}
      <WhenCanRecord>
        <section className="card">
          <AddDisclosure label={t("remembrance.add")}>
            {(close) => (
              <RemembranceForm
                initial={{ name: "", date: loss?.on ?? "", note: "" }}
                transferId={loss ? (fromTransfer ?? undefined) : undefined}
                onDone={close}
              />
            )}
          </AddDisclosure>
        </section>
      </WhenCanRecord>
      <section className="card" aria-labelledby={`${id}-support`}>
        <h2 id={`${id}-support`} className="visually-hidden">
          {t("loss.support")}
        </h2>
        <SupportLines headingLevel={3} />
      </section>
    </Page>
  );
}

function KeptCard({ kept }: { kept: Kept }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const name = kept.name ?? t("remembrance.unnamed");

  async function remove() {
    const r = await client.record("RemembranceRemoved", { remembranceId: kept.id });
    if (r.ok) toast.show(t("remembrance.removed"));
  }

  return (
    <li className="card remembrance">
      <h2 className="remembrance-name">{name}</h2>
      {kept.date && <p className="muted">{i18n.day(kept.date, true)}</p>}
      {kept.note && <p className="note-text">{kept.note}</p>}
      {editing ? (
        <RemembranceForm
          initial={{ name: kept.name ?? "", date: kept.date ?? "", note: kept.note ?? "" }}
          editing={kept.id}
          onDone={() => setEditing(false)}
        />
      ) : (
        <WhenCanRecord>
          <div className="row record-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-label={t("remembrance.editLabel", { name })}
              onClick={() => setEditing(true)}
            >
              {t("remembrance.edit")}
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-label={t("remembrance.removeLabel", { name })}
              onClick={() => setConfirm(true)}
            >
              {t("remembrance.remove")}
            </button>
          </div>
        </WhenCanRecord>
      )}
      <ConfirmDialog
        open={confirm}
        title={t("remembrance.removeTitle")}
        body={t("remembrance.removeBody")}
        confirmLabel={t("remembrance.remove")}
        cancelLabel={t("remembrance.keep")}
        onConfirm={() => void remove()}
        onClose={() => setConfirm(false)}
      />
    </li>
  );
}

function RemembranceForm({
  initial,
  editing,
  transferId,
  onDone,
}: {
  initial: { name: string; date: string; note: string };
  editing?: string;
  transferId?: string | undefined;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [date, setDate] = useState(initial.date);
  const [note, setNote] = useState(initial.note);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() && !date && !note.trim()) return setError(t("remembrance.form.empty"));
    const r = editing
      ? await client.record("RemembranceChanged", {
          remembranceId: editing,
          name: name.trim() || null,
          date: date || null,
          note: note.trim() || null,
        })
      : await client.record("RemembranceAdded", {
          remembranceId: client.newId(),
          ...(name.trim() && { name: name.trim() }),
          ...(date && { date }),
          ...(note.trim() && { note: note.trim() }),
          ...(transferId && { transferId }),
        });
    if (!r.ok) return setError(refusalText(i18n, r.error));
    toast.show(t("remembrance.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("remembrance.form.title")}</h3>
      <TextField
        id={`${id}-name`}
        label={t("remembrance.form.name")}
        value={name}
        onChange={setName}
      />
      <DateField
        id={`${id}-date`}
        label={t("remembrance.form.date")}
        value={date}
        onChange={setDate}
      />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("remembrance.form.note")}</label>
        <textarea
          id={`${id}-note`}
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormError>{error}</FormError>
      <div>
        <button type="submit" className="button button-primary">
          {t("remembrance.form.save")}
        </button>
      </div>
    </form>
  );
}
