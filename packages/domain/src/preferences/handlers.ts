import type { Handlers } from "../state/handler.ts";

export const preferencesHandlers: Handlers<"PreferencesUpdated"> = {
  PreferencesUpdated: {
    check: () => null,
    apply: (d, { payload }) => {
      const set = Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
      d.preferences = { ...d.preferences, ...set };
    },
  },
};
