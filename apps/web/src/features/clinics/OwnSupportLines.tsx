import { type OwnSupportLine, ownSupportLines, type PayloadInput, telHref } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import {
  AddDisclosure,
  ChangeOrRemove,
  FormButtons,
  FormError,
  TextAreaField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { linkError, phoneError, wholeLink } from "./contact-words.ts";
import { CallLink, WebsiteLink } from "./links.tsx";
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
    </section>
  );
}

function OwnLine({ line, formHeading }: { line: OwnSupportLine; formHeading: "h4" | "h5" }) {
  const { t } = useI18n();
  const toast = useToast();
  const action = useForm();
  const [editing, setEditing] = useState(false);
  const { name } = line;
  const href = line.phone ? telHref(line.phone) : null;

  async function remove() {
    const r = await action.record("SupportLineRemoved", { lineId: line.id });
    if (r.ok) toast.show(t("support.own.removed"));
  }

  return (
    <li className="own-line">
      <p className="support-org">{name}</p>
      {line.phone && href && (
        <p>
          <CallLink href={href} label={t("support.own.call", { name, phone: line.phone })}>
            {line.phone}
          </CallLink>
        </p>
      )}
      {line.website && (
        <p>
          <WebsiteLink
            href={line.website}
            label={t("support.own.websiteLabel", { name, site: siteName(line.website) })}
          >
            {siteName(line.website)}
          </WebsiteLink>
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
        <ChangeOrRemove
          words="support.own"
          name={name}
          onEdit={() => setEditing(true)}
          onRemove={() => void remove()}
        />
      )}
      <FormError>{action.formError}</FormError>
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
  const { t } = useI18n();
  const id = useId();
  const form = useForm<FieldName>();
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: line?.name ?? "",
    phone: line?.phone ?? "",
    website: line?.website ?? "",
    note: line?.note ?? "",
  });

  async function save(e: FormEvent) {
    e.preventDefault();
    const next = {
      name: values.name.trim(),
      phone: values.phone.trim(),
      website: wholeLink(values.website),
      note: values.note.trim(),
    };
    const found = {
      name: next.name ? undefined : t("support.own.form.nameRequired"),
      phone:
        phoneError(t, next.phone) ??
        (!next.phone && !next.website ? t("support.own.form.reachable") : undefined),
      website: linkError(t, next.website),
    };
    if (form.fail(found)) return;
    if (!line) {
      const r = await form.record("SupportLineAdded", {
        lineId: form.newId(),
        name: next.name,
        ...(next.phone && { phone: next.phone }),
        ...(next.website && { website: next.website }),
        ...(next.note && { note: next.note }),
      });
      if (r.ok) onDone(true);
      return;
    }
    const changes = Object.fromEntries(
      (Object.keys(next) as FieldName[])
        .filter((f) => next[f] !== (line[f] ?? ""))
        .map((f) => [f, next[f] || null]),
    );
    if (Object.keys(changes).length === 0) return onDone(false);
    const r = await form.record("SupportLineChanged", {
      lineId: line.id,
      ...changes,
    } as PayloadInput<"SupportLineChanged">);
    if (r.ok) onDone(true);
  }

  const set = (field: FieldName) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const input = (field: "name" | "phone" | "website", type: "text" | "tel" | "url") => (
    <TextField
      {...form.field(field)}
      label={t(`support.own.form.${field}`)}
      hint={field === "website" ? undefined : t(`support.own.form.${field}.hint`)}
      type={type}
      value={values[field]}
      onChange={set(field)}
    />
  );

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>
        {line
          ? t("support.own.form.titleEdit", { name: line.name })
          : t("support.own.form.titleNew")}
      </Heading>
      {input("name", "text")}
      {input("phone", "tel")}
      {input("website", "url")}
      <TextAreaField
        {...form.field("note")}
        label={t("support.own.form.note")}
        value={values.note}
        onChange={set("note")}
      />
      <FormButtons form={form} label={t("support.own.form.save")} onCancel={() => onDone(false)} />
    </form>
  );
}
