import type { Preferences } from "@trellis/domain";
import { useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";

/**
 * A settings form's draft of some of the person's preferences (`keys`): what
 * is saved, the draft as the person changes it, and only what differs, so a
 * save records the changes and nothing else (`changes` is empty when the
 * draft is as saved).
 */
export function usePreferencesDraft<K extends keyof Preferences>(keys: readonly K[]) {
  const preferences = useJourneyState().preferences;
  const saved = Object.fromEntries(keys.map((k) => [k, preferences[k]])) as Pick<Preferences, K>;
  const [draft, setDraft] = useState(saved);
  const changes = Object.fromEntries(
    keys.filter((k) => draft[k] !== saved[k]).map((k) => [k, draft[k]]),
  ) as Partial<Pick<Preferences, K>>;
  return {
    saved,
    draft,
    set: <P extends K>(key: P, value: Preferences[P]) => setDraft((d) => ({ ...d, [key]: value })),
    changes,
    changed: Object.keys(changes).length > 0,
  };
}
