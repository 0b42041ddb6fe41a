import type { ReactNode } from "react";
import { useJourneyState } from "../app/client-context.tsx";
import { useCanRecord } from "../app/sync-context.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useT } from "../i18n/i18n.tsx";
import { Page } from "./Page.tsx";

/*
 * Someone the owner shares the record with "to see only" (a viewer) reads
 * everything but records nothing: the client refuses their writes. So that a
 * tap never ends in a refusal, every control that would record is hidden, not
 * disabled, and each screen says once, calmly, why.
 */

/** Its children only on a device that may add entries; nothing for a viewer. */
export function WhenCanRecord({ children }: { children: ReactNode }) {
  return useCanRecord() ? children : null;
}

const words = {
  entries: ["readOnly.note", "readOnly.note.noName"],
  "quiet-mode": ["readOnly.quietMode", "readOnly.quietMode.noName"],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/**
 * The one line a viewer sees at the top of a screen whose recording controls
 * are hidden, naming the owner; nothing for anyone else, so screens place it
 * unconditionally. `about` says what the hidden controls would have done.
 */
export function ReadOnlyNote({ about = "entries" }: { about?: keyof typeof words }) {
  const t = useT();
  const canRecord = useCanRecord();
  const name = useJourneyState().journey?.displayName;
  if (canRecord) return null;
  const [named, unnamed] = words[about];
  return <p className="read-only-note">{name ? t(named, { name }) : t(unnamed)}</p>;
}

/**
 * A screen that exists only to record (start a cycle, record a retrieval):
 * a viewer who reaches it by a link gets its title and the note, not a form
 * that could only be refused.
 */
export function RecordingScreen({ title, children }: { title: string; children: ReactNode }) {
  if (useCanRecord()) return children;
  return (
    <Page title={title}>
      <ReadOnlyNote />
    </Page>
  );
}

/**
 * A screen that is only its form: a viewer who reaches it by a link gets its
 * title and the read-only note instead (`RecordingScreen`), and the form,
 * with all it holds, is never made.
 */
export function recordingScreen(title: MessageKey, Form: () => ReactNode): () => ReactNode {
  return function Screen() {
    const t = useT();
    return (
      <RecordingScreen title={t(title)}>
        <Form />
      </RecordingScreen>
    );
  };
}
