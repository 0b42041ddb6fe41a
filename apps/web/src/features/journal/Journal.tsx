import { type JournalNote, NOTE_MAX_LENGTH, visibleNotes } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { epochMsOf, nowZoned } from "../../app/time.ts";
import {
  CheckField,
  FieldError,
  FormButtons,
  QuietButton,
  TextAreaField,
  useForm,
} from "../../components/forms/index.ts";
import { LoggedBy } from "../../components/LoggedBy.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function Journal() {
  const { t } = useI18n();
  const state = useJourneyState();
  const zone = state.journey!.homeZone;
  const notes = visibleNotes(state);

  return (
    <Page title={t("journal.title")} intro={t("journal.intro")}>
      <ReadOnlyNote />
      <WhenCanRecord>
        <NewNote zone={zone} />
      </WhenCanRecord>

      {notes.length === 0 ? (
        <p className="card empty">{t("journal.empty")}</p>
      ) : (
        <section aria-label={t("journal.listLabel")}>
          <p className="muted small">{t("journal.count", { count: notes.length })}</p>
          <ul className="notes">
            {notes.map((n) => (
              <NoteItem key={n.id} note={n} zone={zone} />
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

function NewNote({ zone }: { zone: string }) {
  const { t } = useI18n();
  const form = useForm<"text">();
  const [text, setText] = useState("");
  const [mine, setMine] = useState(false);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ text: text.trim() ? undefined : t("form.required") })) return;
    const r = await form.record("JournalNoteAdded", {
      noteId: form.newId(),
      text,
      writtenAt: nowZoned(zone),
      ...(mine && { private: true }),
    });
    if (r.ok) setText("");
  }

  return (
    <form className="card stack" onSubmit={add} noValidate>
      <TextAreaField
        {...form.bind("text", text, setText)}
        label={t("journal.new")}
        hint={t("journal.new.hint")}
        rows={4}
        maxLength={NOTE_MAX_LENGTH}
      />
      <CheckField words="journal.private" checked={mine} onChange={setMine} />
      <FormButtons form={form} label={t("journal.save")} />
    </form>
  );
}

function NoteItem({ note, zone }: { note: JournalNote; zone: string }) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const form = useForm<"text">();
  const action = useForm({ formLine: "toast" });
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const when = dateTime(epochMsOf(note.writtenAt), zone);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (draft.trim() === note.text) {
      setEditing(false);
      return;
    }
    if (form.fail({ text: draft.trim() ? undefined : t("form.required") })) return;
    const r = await form.record("JournalNoteCorrected", { noteId: note.id, text: draft });
    if (r.ok) setEditing(false);
  }

  async function remove() {
    const r = await action.record("JournalNoteRetracted", { noteId: note.id });
    if (!r.ok) return;
    toast.show(t("journal.deleted"), {
      label: t("journal.undo"),
      run: () => {
        void action.record("JournalNoteRestored", { noteId: note.id }).then((back) => {
          if (back.ok) toast.show(t("journal.restored"));
        });
      },
    });
  }

  return (
    <li className="card note">
      <p className="muted small">
        <time dateTime={note.writtenAt.replace(/\[.*\]$/, "")}>{when}</time>
        {note.history.length > 1 && <span> · {t("journal.edited")}</span>}
        {note.private && <span> · {t("journal.privateMark")}</span>}
        <LoggedBy eventId={note.history[0]!.eventId} />
      </p>
      {editing ? (
        <form className="stack" onSubmit={save} noValidate>
          <label className="visually-hidden" htmlFor={form.id("text")}>
            {t("journal.editLabel", { date: when })}
          </label>
          <textarea
            {...form.input("text")}
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this note.
            autoFocus
          />
          <FieldError {...form.field("text")} />
          <FormButtons
            form={form}
            label={t("form.save")}
            onCancel={() => {
              setDraft(note.text);
              form.clear();
              setEditing(false);
            }}
          />
        </form>
      ) : (
        <>
          <p className="note-text">{note.text}</p>
          <WhenCanRecord>
            <div className="row">
              <QuietButton
                label={t("journal.edit")}
                spoken={t("journal.editLabel", { date: when })}
                onClick={() => {
                  setDraft(note.text);
                  setEditing(true);
                }}
              />
              <QuietButton
                label={t("journal.delete")}
                spoken={t("journal.deleteLabel", { date: when })}
                onClick={() => void remove()}
              />
            </div>
          </WhenCanRecord>
        </>
      )}
    </li>
  );
}
