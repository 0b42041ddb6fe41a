import type { ClientProblem } from "@trellis/client";
import {
  type OwnSupportLine,
  ownSupportLines,
  type PayloadInput,
  type Result,
  telHref,
} from "@trellis/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { Field, FormError } from "../../components/forms/Field.tsx";
import { AddDisclosure } from "../../components/forms/AddDisclosure.tsx";
import { ConfirmDialog } from "../../components/forms/ConfirmDialog.tsx";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";
import { focusFirstInvalid, linkError, phoneError, wholeLink } from "./contact-words.ts";
import { siteName } from "./support-lines.ts";

type Level = "h3" | "h4";
const below = (h: Level): "h4" | "h5" => (h === "h3" ? "h4" : "h5");

/**
 * The support lines the person added (a counsellor, a friend, a group), kept
 * in the record and synced like the rest; added, changed and taken away here.
 */
export function OwnSupportLines({ headingId, Heading }: { headingId: string; Heading: Level }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const lines = ownSupportLines(state);
  return (
    <section className="support-group stack-tight" aria-labelledby={headingId}>
      <Heading id={headingId}>{t("support.own.title")}</Heading>
      {lines.length === 0 ? (
        <p className="small muted">{t("support.own.empty")}</p>
      ) : (
        <ul className="plain-list support-list">
          {lines.map((l) => (
            <OwnLine key={l.id} line={l} formHeading={below(Heading)} />
          ))}
        </ul>
      )}
      <WhenCanRecord>
        <AddDisclosure label={t("support.own.add")}>
          {(close) => (
            <OwnLineForm
              Heading={below(Heading)}
              onDone={(saved) => {
                if (saved) toast.show(t("support.own.saved"));
                close();
              }}
            />
          )}
        </AddDisclosure>
      </WhenCanRecord>
    </section>
  );
}

function OwnLine({ line, formHeading }: { line: OwnSupportLine; formHeading: "h4" | "h5" }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { name } = line;
  const href = line.phone ? telHref(line.phone) : null;

  async function remove() {
    const r = await client.record("SupportLineRemoved", { lineId: line.id });
    if (!r.ok) return setError(refusalText(i18n, r.error));
    toast.show(t("support.own.removed"));
  }

  return (
    <li className="own-line">
      <p className="support-org">{name}</p>
      {line.phone && href && (
        <p>
          <a
            className="support-call"
            href={href}
            aria-label={t("support.own.call", { name, phone: line.phone })}
          >
            {line.phone}
          </a>
        </p>
      )}
      {line.website && (
        <p>
          <a
            className="support-link"
            href={line.website}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t("support.own.websiteLabel", { name, site: siteName(line.website) })}
          >
            {siteName(line.website)}
          </a>
        </p>
      )}
      {line.note && <p className="small note-text">{line.note}</p>}
      {editing ? (
        <OwnLineForm
          line={line}
          Heading={formHeading}
          onDone={(saved) => {
            if (saved) toast.show(t("support.own.saved"));
            setEditing(false);
          }}
        />
      ) : (
        <WhenCanRecord>
          <div className="row record-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-label={t("support.own.editLabel", { name })}
              onClick={() => setEditing(true)}
            >
              {t("support.own.edit")}
            </button>
            <button
              type="button"
              className="button button-quiet"
              aria-label={t("support.own.removeLabel", { name })}
              onClick={() => setConfirm(true)}
            >
              {t("support.own.remove")}
            </button>
          </div>
        </WhenCanRecord>
      )}
      <FormError>{error}</FormError>
      <ConfirmDialog
        open={confirm}
        title={t("support.own.removeTitle", { name })}
        body={t("support.own.removeBody")}
        confirmLabel={t("support.own.remove")}
        cancelLabel={t("support.own.keep")}
        onConfirm={() => void remove()}
        onClose={() => setConfirm(false)}
      />
    </li>
  );
}

type FieldName = "name" | "phone" | "website" | "note";

function OwnLineForm({
  line,
  Heading,
  onDone,
}: {
  line?: OwnSupportLine;
  Heading: "h4" | "h5";
  onDone: (saved: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: line?.name ?? "",
    phone: line?.phone ?? "",
    website: line?.website ?? "",
    note: line?.note ?? "",
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName | "form", string>>>({});
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = {
      name: values.name.trim(),
      phone: values.phone.trim(),
      website: wholeLink(values.website),
      note: values.note.trim(),
    };
    const found: Partial<Record<FieldName, string>> = {};
    if (!next.name) found.name = t("support.own.form.nameRequired");
    const phone = phoneError(t, next.phone);
    if (phone) found.phone = phone;
    else if (!next.phone && !next.website) found.phone = t("support.own.form.reachable");
    const website = linkError(t, next.website);
    if (website) found.website = website;
    if (Object.keys(found).length > 0) {
      setErrors(found);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    let r: Result<unknown, ClientProblem>;
    if (line) {
      const changes = Object.fromEntries(
        (Object.keys(next) as FieldName[])
          .filter((f) => next[f] !== (line[f] ?? ""))
          .map((f) => [f, next[f] || null]),
      );
      if (Object.keys(changes).length === 0) {
        setBusy(false);
        return onDone(false);
      }
      r = await client.record("SupportLineChanged", {
        lineId: line.id,
        ...changes,
      } as PayloadInput<"SupportLineChanged">);
    } else {
      r = await client.record("SupportLineAdded", {
        lineId: client.newId(),
        name: next.name,
        ...(next.phone && { phone: next.phone }),
        ...(next.website && { website: next.website }),
        ...(next.note && { note: next.note }),
      });
    }
    setBusy(false);
    if (!r.ok) {
      const field = r.error.field.replace(/^payload\./, "");
      setErrors(
        field in next
          ? { [field]: refusalText(i18n, r.error) }
          : { form: refusalText(i18n, r.error) },
      );
      return;
    }
    onDone(true);
  }

  const input = (field: "name" | "phone" | "website", type: "text" | "tel" | "url") => (
    <Field
      id={`${id}-${field}`}
      label={t(`support.own.form.${field}`)}
      hint={field === "website" ? undefined : t(`support.own.form.${field}.hint`)}
      error={errors[field]}
    >
      {(describedBy, invalid) => (
        <input
          id={`${id}-${field}`}
          type={type}
          inputMode={type === "text" ? undefined : type}
          autoComplete="off"
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </Field>
  );

  return (
    <form
      ref={form}
      className="stack add-form"
      onSubmit={save}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <Heading id={`${id}-title`}>
        {line
          ? t("support.own.form.titleEdit", { name: line.name })
          : t("support.own.form.titleNew")}
      </Heading>
      {input("name", "text")}
      {input("phone", "tel")}
      {input("website", "url")}
      <Field id={`${id}-note`} label={t("support.own.form.note")}>
        {() => (
          <textarea
            id={`${id}-note`}
            rows={2}
            value={values.note}
            onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
          />
        )}
      </Field>
      <FormError>{errors.form}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : t("support.own.form.save")}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
