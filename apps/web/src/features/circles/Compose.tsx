import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useCircles } from "../../app/sync-context.tsx";
import { FormButtons, TextAreaField, useForm } from "../../components/forms/index.ts";
import { Switch } from "../../components/forms/Switch.tsx";
import { Page } from "../../components/Page.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { callAccount } from "../account/index.ts";
import type { CircleDraft } from "./circles-api.ts";
import { Drafts } from "./Drafts.tsx";
import { type ChosenPhoto, PhotoPicker } from "./PhotoPicker.tsx";
import { MAX_POST } from "./PostItem.tsx";
import { remembranceFor, remembranceText } from "./remembrance-text.ts";
import { canWrite } from "./status-words.ts";
import { useCircleList } from "./use-circle-data.ts";

/** How long after the last change a draft is kept on the device. */
const DRAFT_DELAY_MS = 800;

/**
 * A post to one or more circles: words, an optional photo (prepared on the
 * device), replies and reactions off unless switched on. No circle is ticked
 * for the person, and nothing is written for them, except the words of a
 * remembrance they chose to share (`?remembrance=`, begun on its page), as
 * text they can change. The draft stays on this device until sent.
 */
export function Compose() {
  const i18n = useI18n();
  const { t } = i18n;
  const circles = useCircles();
  const state = useJourneyState();
  const search = useSearch();
  const [, navigate] = useLocation();
  const toast = useToast();
  const form = useForm<"to" | "text">();
  const id = useId();
  const { value: list } = useCircleList();
  const writable = list?.filter((c) => canWrite(c.role) && c.state === "active") ?? [];

  const [text, setText] = useState(() => {
    const wanted = new URLSearchParams(search).get("remembrance");
    const remembrance = wanted ? remembranceFor(state, wanted) : null;
    return remembrance ? remembranceText(i18n, remembrance) : "";
  });
  const [to, setTo] = useState<readonly string[]>([]);
  const [replies, setReplies] = useState(false);
  const [reactions, setReactions] = useState(false);
  const [photo, setPhoto] = useState<ChosenPhoto | null>(null);
  const [alt, setAlt] = useState("");
  const [draftId, setDraftId] = useState<string | undefined>(undefined);
  const [draftsChanged, setDraftsChanged] = useState(0);
  const changed = useRef(false);

  // Kept on the device a moment after each change, until sent.
  useEffect(() => {
    if (!circles || !changed.current || (!text.trim() && to.length === 0)) return;
    const timer = setTimeout(() => {
      void circles.drafts
        .save({
          ...(draftId && { draftId }),
          circleIds: to,
          text,
          replies,
          reactions,
        })
        .then((d) => {
          setDraftId(d.draftId);
          setDraftsChanged((n) => n + 1);
        });
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [circles, draftId, text, to, replies, reactions]);

  function change<T>(set: (v: T) => void): (v: T) => void {
    return (v) => {
      changed.current = true;
      set(v);
    };
  }

  function open(draft: CircleDraft) {
    changed.current = false;
    setDraftId(draft.draftId);
    setText(draft.text);
    setTo(draft.circleIds.filter((c) => writable.some((w) => w.circleId === c)));
    setReplies(draft.replies);
    setReactions(draft.reactions);
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const words = text.trim();
    if (
      form.fail({
        to: to.length === 0 ? t("compose.toNeeded") : undefined,
        text: !words && !photo ? t("compose.textNeeded") : undefined,
      })
    )
      return;
    if (!circles) return;
    const r = await callAccount(form, t, () =>
      circles.post({
        circleIds: to,
        text: words,
        ...(photo && { photo }),
        ...(photo && alt.trim() && { alt: alt.trim() }),
        replies,
        reactions,
      }),
    );
    if (!r.ok) return;
    changed.current = false;
    if (draftId) await circles.drafts.discard(draftId);
    toast.show(t("compose.sent", { count: to.length }));
    navigate(to.length === 1 ? routes.circles.detail(to[0]!) : routes.circle);
  }

  async function keepDraft() {
    if (!circles) return;
    const d = await circles.drafts.save({
      ...(draftId && { draftId }),
      circleIds: to,
      text,
      replies,
      reactions,
    });
    setDraftId(d.draftId);
    setDraftsChanged((n) => n + 1);
    toast.show(t("compose.draftKept"));
  }

  return (
    <Page title={t("compose.title")} intro={t("compose.intro")}>
      <form className="card stack" onSubmit={send} noValidate>
        <p className="notice small">{t("compose.drafts")}</p>
        <fieldset
          className="plain-fieldset stack-tight"
          aria-describedby={form.field("to").error ? `${form.id("to")}-error` : undefined}
        >
          <legend>{t("compose.to")}</legend>
          {list && writable.length === 0 && (
            <p>
              <Link href={routes.circle}>{t("compose.noCircles")}</Link>
            </p>
          )}
          <CircleChecks
            circles={writable}
            to={to}
            onChange={change(setTo)}
            id={form.id("to")}
            error={form.field("to").error}
          />
        </fieldset>
        <TextAreaField
          {...form.bind("text", text, change(setText))}
          label={t("compose.text")}
          rows={6}
          maxLength={MAX_POST}
        />
        <PhotoPicker photo={photo} alt={alt} onPhoto={setPhoto} onAlt={setAlt} />
        <div className="stack-tight">
          <p className="hint" id={`${id}-allow`}>
            {t("compose.allowHint")}
          </p>
          <Switch
            on={replies}
            label={t("compose.replies")}
            describedBy={`${id}-allow`}
            onToggle={() => change(setReplies)(!replies)}
          />
          <Switch
            on={reactions}
            label={t("compose.reactions")}
            describedBy={`${id}-allow`}
            onToggle={() => change(setReactions)(!reactions)}
          />
        </div>
        <FormButtons
          form={form}
          label={t("compose.send")}
          busyLabel={t("compose.sending")}
          disabled={!circles}
          onCancel={() => void keepDraft()}
          cancelLabel={t("compose.keepDraft")}
        />
      </form>
      <Drafts current={draftId} changed={draftsChanged} onOpen={open} />
    </Page>
  );
}

/**
 * The circles to send to, one checkbox each, none ticked for the person;
 * the first box carries the field's id, and the field's error follows.
 */
export function CircleChecks({
  circles,
  to,
  onChange,
  id,
  error,
}: {
  circles: readonly { circleId: string; name: string }[];
  to: readonly string[];
  onChange: (to: readonly string[]) => void;
  id: string;
  error: string | undefined;
}) {
  return (
    <>
      {circles.map((c, i) => (
        <label key={c.circleId} className="check-row">
          <input
            type="checkbox"
            id={i === 0 ? id : undefined}
            checked={to.includes(c.circleId)}
            onChange={(e) =>
              onChange(e.target.checked ? [...to, c.circleId] : to.filter((x) => x !== c.circleId))
            }
          />
          <span>{c.name}</span>
        </label>
      ))}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
