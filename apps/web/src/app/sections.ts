import type { MessageKey } from "../i18n/en.ts";
import { routes } from "./routes.ts";

export interface Section {
  readonly path: string;
  readonly label: MessageKey;
  readonly short?: MessageKey;
  /** Shown in the bottom bar on a phone; the rest are under "More". */
  readonly primary: boolean;
  /** One or two sentences on what the section will hold, for sections not built yet. */
  readonly purpose?: MessageKey;
  readonly icon: IconName;
}

export type IconName =
  | "today"
  | "cycle"
  | "embryos"
  | "transfers"
  | "odds"
  | "costs"
  | "journal"
  | "circle"
  | "remembrance"
  | "settings"
  | "more";

/** Every section of the app, in the order of the architecture. */
export const sections: readonly Section[] = [
  { path: routes.today, label: "nav.today", primary: true, icon: "today" },
  {
    path: routes.cycle.list,
    label: "nav.cycle",
    primary: true,
    icon: "cycle",
    purpose: "section.cycle.purpose",
  },
  {
    path: routes.embryos.bank,
    label: "nav.embryos",
    primary: true,
    icon: "embryos",
  },
  {
    path: routes.transfers.list,
    label: "nav.transfers",
    short: "nav.transfersShort",
    primary: false,
    icon: "transfers",
  },
  {
    path: routes.odds,
    label: "nav.odds",
    primary: false,
    icon: "odds",
  },
  {
    path: routes.costs,
    label: "nav.costs",
    primary: false,
    icon: "costs",
  },
  { path: routes.journal, label: "nav.journal", primary: true, icon: "journal" },
  {
    path: routes.circle,
    label: "nav.circle",
    primary: false,
    icon: "circle",
  },
  {
    path: routes.remembrance.list,
    label: "nav.remembrance",
    primary: false,
    icon: "remembrance",
  },
  { path: routes.settings, label: "nav.settings", primary: false, icon: "settings" },
];
