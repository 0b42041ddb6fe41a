import { type JournalNote, NOTE_MAX_LENGTH, visibleNotes } from "@trellis/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { epochMsOf, nowZoned } from "../../app/time.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

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
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t("form.required"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    const r = await client.record("JournalNoteAdded", {
      noteId: client.newId(),
      text,
      writtenAt: nowZoned(zone),
    });
    setBusy(false);
    if (r.ok) {
      setText("");
      setError(null);
    } else {
      setError(notSaved(i18n, r.error));
    }
  }

  return (
    <form className="card stack" onSubmit={add} noValidate>
      <div className={`field${error ? " field-invalid" : ""}`}>
        <label htmlFor="new-note">{t("journal.new")}</label>
        <p className="hint" id="new-note-hint">
          {t("journal.new.hint")}
        </p>
        <textarea
          id="new-note"
          ref={input}
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={error ? "new-note-hint new-note-error" : "new-note-hint"}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p className="error" id="new-note-error">
            {error}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : t("journal.save")}
        </button>
      </div>
    </form>
  );
}

function NoteItem({ note, zone }: { note: JournalNote; zone: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const client = useClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const when = dateTime(epochMsOf(note.writtenAt), zone);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (draft.trim() === note.text) {
      setEditing(false);
      return;
    }
    const r = await client.record("JournalNoteCorrected", { noteId: note.id, text: draft });
    if (r.ok) {
      setEditing(false);
      setError(null);
    } else {
      setError(
        r.error.field === "payload.text" && !draft.trim()
          ? t("form.required")
          : notSaved(i18n, r.error),
      );
    }
  }

  async function remove() {
    const r = await client.record("JournalNoteRetracted", { noteId: note.id });
    if (!r.ok) return;
    toast.show(t("journal.deleted"), {
      label: t("journal.undo"),
      run: () => {
        void client.record("JournalNoteRestored", { noteId: note.id }).then((back) => {
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
      </p>
      {editing ? (
        <form className="stack" onSubmit={save} noValidate>
          <label className="visually-hidden" htmlFor={`${id}-edit`}>
            {t("journal.editLabel", { date: when })}
          </label>
          <textarea
            id={`${id}-edit`}
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this note.
            autoFocus
          />
          {error && (
            <p className="error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="button button-primary">
              {t("form.save")}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(note.text);
                setError(null);
                setEditing(false);
              }}
            >
              {t("form.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="note-text">{note.text}</p>
          <WhenCanRecord>
            <div className="row">
              <button
                type="button"
                className="button button-quiet"
                aria-label={t("journal.editLabel", { date: when })}
                onClick={() => {
                  setDraft(note.text);
                  setEditing(true);
                }}
              >
                {t("journal.edit")}
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t("journal.deleteLabel", { date: when })}
                onClick={remove}
              >
                {t("journal.delete")}
              </button>
            </div>
          </WhenCanRecord>
        </>
      )}
    </li>
  );
}
