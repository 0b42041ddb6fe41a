import {
  adoptionMilestones,
  carrierMilestones,
  type OtherPath,
  type PathKind,
  type PathMilestoneKind,
  pathList,
  pathTimeline,
  type TimelineItem,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import {
  AddDisclosure,
  DateField,
  FormButtons,
  PillGroup,
  SelectField,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { NothingHere } from "../../components/NothingHere.tsx";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";
import { RemoveEntry } from "./shared.tsx";
import { outcomeLine } from "./words.ts";

/** Carrier and adoption paths beside IVF: each a name, a start, and a timeline of steps. */
export function Paths() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const paths = pathList(state);
  return (
    <Page title={t("paths.title")} intro={t("paths.intro")}>
      <ReadOnlyNote />
      {paths.length === 0 ? (
        <p className="card empty">{t("paths.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {paths.map((p) => {
            const steps = pathTimeline(state, p.id).filter((i) => i.kind === "milestone").length;
            return (
              <li key={p.id} className="card">
                <Link href={routes.transfers.path(p.id)} className="card-link">
                  {p.name}
                </Link>
                <p className="muted small">
                  {t("paths.card.since", {
                    kind: t(`paths.kind.${p.kind}`),
                    date: i18n.day(p.startedOn, true),
                  })}
                </p>
                <p className="small">{t("paths.card.steps", { count: steps })}</p>
              </li>
            );
          })}
        </ul>
      )}
      <WhenCanRecord>
        <section className="card">
          <AddDisclosure label={t("paths.start")}>
            {(close) => <PathForm onDone={close} />}
          </AddDisclosure>
        </section>
      </WhenCanRecord>
    </Page>
  );
}

function PathForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"name" | "startedOn" | "note">();
  const [kind, setKind] = useState<PathKind>("gestational-carrier");
  const [name, setName] = useState("");
  const [started, setStarted] = useState(todayIso(state.journey!.homeZone));
  const [note, setNote] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    if (form.fail({ name: name.trim() ? undefined : t("form.required") })) return;
    const r = await form.record("PathStarted", {
      pathId: form.newId(),
      kind,
      name: name.trim(),
      startedOn: started,
      ...(note.trim() && { note: note.trim() }),
    });
    if (!r.ok) return;
    toast.show(t("paths.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate>
      <PillGroup
        legend={t("paths.form.kind")}
        name={`${id}-kind`}
        options={(["gestational-carrier", "adoption"] as const).map((k) => ({
          value: k,
          label: t(`paths.kind.${k}`),
        }))}
        value={kind}
        onChange={setKind}
      />
      <TextField
        {...form.bind("name", name, setName)}
        label={t(kind === "adoption" ? "paths.form.name.adoption" : "paths.form.name.carrier")}
      />
      <DateField {...form.bind("startedOn", started, setStarted)} label={t("paths.form.started")} />
      <TextField {...form.bind("note", note, setNote)} label={t("paths.form.note")} />
      <FormButtons form={form} label={t("paths.form.save")} />
    </form>
  );
}

function timelineKey(item: TimelineItem): string {
  switch (item.kind) {
    case "started":
      return `started-${item.path.id}`;
    case "milestone":
      return item.milestone.id;
    case "transfer":
      return item.transfer.id;
    case "outcome":
      return item.outcome.id;
  }
}

function itemText(i18n: I18n, item: TimelineItem): string {
  switch (item.kind) {
    case "started":
      return i18n.t("paths.timeline.started");
    case "milestone":
      return item.milestone.milestone === "other" && item.milestone.title
        ? item.milestone.title
        : i18n.t(`paths.step.${item.milestone.milestone}`);
    case "transfer":
      return i18n.t("paths.timeline.transfer", {
        name: item.transfer.recipient.kind === "carrier" ? item.transfer.recipient.name : "",
      });
    case "outcome":
      return outcomeLine(i18n, item.outcome);
  }
}

/** One path as a timeline, oldest first, with a form for the next step. */
export function PathDetail({ pathId }: { pathId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const path = state.paths.get(pathId);
  if (!path) {
    return (
      <NothingHere
        title={t("paths.title")}
        heading={t("paths.notFound")}
        href={routes.transfers.paths}
        link={t("paths.back")}
      />
    );
  }
  const items = pathTimeline(state, path.id);

  return (
    <Page
      title={path.name}
      intro={t("paths.card.since", {
        kind: t(`paths.kind.${path.kind}`),
        date: i18n.day(path.startedOn, true),
      })}
    >
      <ReadOnlyNote />
      {path.note && <p className="card note-text">{path.note}</p>}
      <section className="card stack" aria-labelledby={`${id}-timeline`}>
        <h2 id={`${id}-timeline`}>{t("paths.timeline")}</h2>
        <ol className="timeline">
          {items.map((item) => (
            <li key={timelineKey(item)} className={`timeline-item timeline-${item.kind}`}>
              <span className="timeline-date">{i18n.day(item.on, true)}</span>
              <span className="timeline-text">
                {item.kind === "transfer" ? (
                  <Link href={routes.transfers.detail(item.transfer.id)}>
                    {itemText(i18n, item)}
                  </Link>
                ) : (
                  itemText(i18n, item)
                )}
              </span>
              {item.kind === "milestone" && item.milestone.note && (
                <span className="timeline-note small">{item.milestone.note}</span>
              )}
              {item.kind === "milestone" && (
                <RemoveEntry
                  label={t("paths.step.remove")}
                  spoken={t("paths.step.removeLabel", { date: i18n.day(item.on, true) })}
                  removed={t("paths.step.removed")}
                  remove={(action) =>
                    action.record("PathMilestoneRetracted", { milestoneId: item.milestone.id })
                  }
                  row={false}
                />
              )}
            </li>
          ))}
        </ol>
        <AddDisclosure label={t("paths.addStep")}>
          {(close) => <StepForm path={path} onDone={close} />}
        </AddDisclosure>
      </section>
    </Page>
  );
}

function StepForm({ path, onDone }: { path: OtherPath; onDone: () => void }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const form = useForm<"milestone" | "title" | "on" | "note">();
  const kinds: readonly PathMilestoneKind[] =
    path.kind === "adoption" ? adoptionMilestones : carrierMilestones;
  const [milestone, setMilestone] = useState<PathMilestoneKind>(kinds[0]!);
  const [date, setDate] = useState(todayIso(state.journey!.homeZone));
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const other = milestone === "other";
    if (form.fail({ title: other && !title.trim() ? t("form.required") : undefined })) return;
    const r = await form.record("PathMilestoneRecorded", {
      milestoneId: form.newId(),
      pathId: path.id,
      milestone,
      on: date,
      ...(other && { title: title.trim() }),
      ...(note.trim() && { note: note.trim() }),
    });
    if (!r.ok) return;
    toast.show(t("paths.step.saved"));
    onDone();
  }

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("paths.step.form.title")}</h3>
      <SelectField
        {...form.field("milestone")}
        label={t("paths.step.form.kind")}
        options={kinds.map((k) => ({ value: k, label: t(`paths.step.${k}`) }))}
        value={milestone}
        onChange={setMilestone}
      />
      {milestone === "other" && (
        <TextField
          {...form.bind("title", title, setTitle)}
          label={t("paths.step.form.title.label")}
        />
      )}
      <DateField {...form.bind("on", date, setDate)} label={t("paths.step.form.date")} />
      <TextField {...form.bind("note", note, setNote)} label={t("paths.step.form.note")} />
      <FormButtons form={form} label={t("paths.form.save")} />
    </form>
  );
}
