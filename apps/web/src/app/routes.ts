/**
 * Every path the app answers, in one place. Links and `navigate()` call these;
 * the shell's `<Route>`s read the same constants (a route with an id gives its
 * pattern as `.pattern`, so wouter types the id). The addresses are the
 * person's view of the app (bookmarks, the browser tests): change one only on
 * purpose.
 */

/** A path with one id in it: call it for a link, give `.pattern` to a `<Route>`. */
export interface IdRoute<P extends string> {
  (id: string): string;
  readonly pattern: P;
}

function withId<P extends `/${string}:${string}`>(pattern: P): IdRoute<P> {
  const link = (id: string) => pattern.replace(/:[A-Za-z]+/, encodeURIComponent(id));
  return Object.assign(link, { pattern });
}

export const routes = {
  today: "/",
  /** On a phone, the sections that do not fit in the bottom bar. */
  more: "/more",
  journal: "/journal",
  settings: "/settings",
  supplies: "/supplies",
  odds: "/odds",
  cycle: {
    list: "/cycle",
    start: "/cycle/new",
    detail: withId("/cycle/:cycleId"),
    monitoring: withId("/cycle/:cycleId/monitoring"),
    /** Every planned dose of the cycle so far, with what was logged. */
    doses: withId("/cycle/:cycleId/doses"),
  },
  embryos: {
    bank: "/embryos",
    newRetrieval: "/embryos/new",
    addEggs: "/embryos/eggs/new",
    thawEggs: "/embryos/eggs/thaw",
    fees: "/embryos/fees",
    cohort: withId("/embryos/retrieval/:cohortId"),
  },
  transfers: {
    list: "/transfers",
    start: "/transfers/new",
    detail: withId("/transfers/:transferId"),
    paths: "/transfers/paths",
    path: withId("/transfers/paths/:pathId"),
  },
  remembrance: {
    list: "/remembrance",
    /** Remembrance opened from a transfer's loss, with that transfer chosen. */
    forTransfer: (transferId: string) => `/remembrance?transfer=${encodeURIComponent(transferId)}`,
  },
  account: {
    create: "/account/create",
    signIn: "/account/sign-in",
    recover: "/account/recover",
    devices: "/account/devices",
    password: "/account/password",
    delete: "/account/delete",
  },
  sharing: {
    invite: "/sharing/invite",
    members: "/sharing/members",
    /** Where an invite link lands (the key is in the fragment, never sent to the server). */
    accept: "/invite",
  },
  /** "Share with my clinic": the clinic summary PDF, its parts chosen here. */
  clinicSummary: "/share/clinic",
  /** The same, opened from a section with that section chosen (`treatment`, `monitoring`...). */
  clinicSummaryFor: (section: string) => `/share/clinic?section=${encodeURIComponent(section)}`,
  /** What treatment costs: totals, costs by cycle, receipts. */
  costs: "/costs",
  /** The circle section; an invite link opens here too (`/circle#v=…`, the reader's join page). */
  circle: "/circle",
  circles: {
    detail: withId("/circle/c/:circleId"),
    /** Write a post to one or more circles. */
    compose: "/circle/post",
    /** A post begun from a remembrance (the remembrance page links here). */
    shareRemembrance: (remembranceId: string) =>
      `/circle/post?remembrance=${encodeURIComponent(remembranceId)}`,
  },
} as const;
