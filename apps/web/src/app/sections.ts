import type { MessageKey } from "../i18n/en.ts";

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
  { path: "/", label: "nav.today", primary: true, icon: "today" },
  {
    path: "/cycle",
    label: "nav.cycle",
    primary: true,
    icon: "cycle",
    purpose: "section.cycle.purpose",
  },
  {
    path: "/embryos",
    label: "nav.embryos",
    primary: true,
    icon: "embryos",
  },
  {
    path: "/transfers",
    label: "nav.transfers",
    short: "nav.transfersShort",
    primary: false,
    icon: "transfers",
  },
  {
    path: "/odds",
    label: "nav.odds",
    primary: false,
    icon: "odds",
  },
  {
    path: "/costs",
    label: "nav.costs",
    primary: false,
    icon: "costs",
    purpose: "section.costs.purpose",
  },
  { path: "/journal", label: "nav.journal", primary: true, icon: "journal" },
  {
    path: "/circle",
    label: "nav.circle",
    primary: false,
    icon: "circle",
    purpose: "section.circle.purpose",
  },
  {
    path: "/remembrance",
    label: "nav.remembrance",
    primary: false,
    icon: "remembrance",
  },
  { path: "/settings", label: "nav.settings", primary: false, icon: "settings" },
];
