/**
 * Drafts of posts, kept on this device only: never synced, never sent to
 * the server, gone with the device's data. Newest first.
 */
import type { CircleStore } from "./store.ts";
import type { Circles } from "./types.ts";

export function draftFlows(
  store: CircleStore,
  now: () => number,
  changed: () => void,
): Circles["drafts"] {
  return {
    async list() {
      return [...(await store.drafts())].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async save(input) {
      const { draftId, ...fields } = input;
      const draft = {
        ...fields,
        circleIds: [...fields.circleIds],
        draftId: draftId ?? crypto.randomUUID(),
        savedAt: new Date(now()).toISOString(),
      };
      await store.updateDrafts((all) => [...all.filter((d) => d.draftId !== draft.draftId), draft]);
      changed();
      return draft;
    },
    async discard(draftId) {
      await store.updateDrafts((all) => all.filter((d) => d.draftId !== draftId));
      changed();
    },
  };
}
