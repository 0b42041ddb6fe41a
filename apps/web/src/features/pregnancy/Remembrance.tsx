import { type Remembrance as Kept, remembranceList } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useSearch } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { useCanRecord } from "../../app/sync-context.tsx";
import {
  AddDisclosure,
  ChangeOrRemove,
  CheckField,
  DateField,
  FormButtons,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";

/**
 * A quiet place to remember a pregnancy or a baby: a name, a date, a few
 * words, as the person wants. Reached from a loss, never pushed. The date of a
 * loss is offered when the person comes from one. Each stays on this device
 * unless the person chooses to share it (with their partner and their other
 * devices); the card says which. Viewers read shared ones, with no Change.
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
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const canRecord = useCanRecord();
  const [editing, setEditing] = useState(false);
  const name = kept.name ?? t("remembrance.unnamed");

  async function remove() {
    const r = await action.record("RemembranceRemoved", { remembranceId: kept.id });
    if (r.ok) toast.show(t("remembrance.removed"));
  }

  return (
    <li className="card remembrance">
      <h2 className="remembrance-name">{name}</h2>
      {kept.date && <p className="muted">{i18n.day(kept.date, true)}</p>}
      {kept.note && <p className="note-text">{kept.note}</p>}
      <p className="muted small">
        {t(kept.private ? "remembrance.privateMark" : "remembrance.sharedMark")}
      </p>
      {!canRecord ? null : editing ? (
        <RemembranceForm
          initial={{ name: kept.name ?? "", date: kept.date ?? "", note: kept.note ?? "" }}
          editing={kept.id}
          onDone={() => setEditing(false)}
        />
      ) : (
        <ChangeOrRemove
          words="remembrance"
          name={name}
          onEdit={() => setEditing(true)}
          onRemove={() => void remove()}
        />
      )}
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
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const form = useForm<"name" | "date" | "note">();
  const [name, setName] = useState(initial.name);
  const [date, setDate] = useState(initial.date);
  const [note, setNote] = useState(initial.note);
  const [share, setShare] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const empty = !name.trim() && !date && !note.trim();
    if (form.fail({ form: empty ? t("remembrance.form.empty") : undefined })) return;
    const r = editing
      ? await form.record("RemembranceChanged", {
          remembranceId: editing,
          name: name.trim() || null,
          date: date || null,
          note: note.trim() || null,
        })
      : await form.record("RemembranceAdded", {
          remembranceId: form.newId(),
          ...(name.trim() && { name: name.trim() }),
          ...(date && { date }),
          ...(note.trim() && { note: note.trim() }),
          ...(transferId && { transferId }),
          private: !share,
        });
    if (!r.ok) return;
    toast.show(t("remembrance.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("remembrance.form.title")}</h3>
      <TextField {...form.bind("name", name, setName)} label={t("remembrance.form.name")} />
      <DateField {...form.bind("date", date, setDate)} label={t("remembrance.form.date")} />
      <TextAreaField
        {...form.bind("note", note, setNote)}
        label={t("remembrance.form.note")}
        rows={4}
      />
      {!editing && (
        <CheckField words="remembrance.form.share" checked={share} onChange={setShare} />
      )}
      <FormButtons form={form} label={t("remembrance.form.save")} />
    </form>
  );
}
