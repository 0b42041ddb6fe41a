/**
 * Support lines offered after a loss or in a hard moment. The lines for
 * pregnancy and baby loss are data here, with the tags of
 * docs/clinical-reference.md §12; the mental-health and crisis lines are the
 * domain's one list (`crisisLinesFor`, §9), so the symptom check and this
 * list never disagree. "checked" was read on the organisation's own page;
 * "secondary" on a page relaying it; "unverified" is widely published, not
 * re-read. Numbers can change; the screen says so beside them, with each
 * organisation's own website. The person's own clinic and local emergency
 * services are always shown first, whatever the country; the person's own
 * lines come last.
 */
import { type CountryCode, crisisLinesFor } from "@trellis/domain";
import type { MessageKey } from "../../i18n/en.ts";

export type SupportCountry = "AU" | "CA" | "GB" | "IE" | "US";
/** Countries Trellis knows lines for (a loss-support line or a crisis line). */
export const supportCountries: readonly SupportCountry[] = ["AU", "CA", "IE", "GB", "US"];

export function isSupportCountry(country: CountryCode | null): country is SupportCountry {
  return supportCountries.includes(country as SupportCountry);
}

export interface SupportLine {
  readonly id: string;
  readonly country: SupportCountry;
  /** The organisation's own name: not translated. */
  readonly organisation: string;
  readonly what: MessageKey;
  /** As the organisation writes it. */
  readonly contact: string;
  /** For a `tel:` link. */
  readonly tel: string;
  /** The organisation's own website (https), when Trellis knows it. */
  readonly website: string | null;
  readonly tag: "checked" | "secondary" | "unverified";
  /** A line for thoughts of suicide or self-harm: offered first when those are the worry. */
  readonly crisis: boolean;
}

/** Lines for pregnancy and baby loss (§12). */
const lossLines: readonly Omit<SupportLine, "crisis">[] = [
  {
    id: "sands-au",
    country: "AU",
    organisation: "Sands Australia",
    what: "support.what.sands-au",
    contact: "1300 072 637",
    tel: "+611300072637",
    website: "https://www.sands.org.au",
    tag: "checked",
  },
  {
    id: "miscarriage-association",
    country: "GB",
    organisation: "The Miscarriage Association",
    what: "support.what.miscarriage-association",
    contact: "01924 200799",
    tel: "+441924200799",
    website: "https://www.miscarriageassociation.org.uk",
    tag: "checked",
  },
  {
    id: "sands-uk",
    country: "GB",
    organisation: "Sands (stillbirth and neonatal death charity)",
    what: "support.what.sands-uk",
    contact: "0808 164 3332",
    tel: "+448081643332",
    website: "https://www.sands.org.uk",
    tag: "unverified",
  },
  {
    id: "psi",
    country: "US",
    organisation: "Postpartum Support International",
    what: "support.what.psi",
    contact: "1-800-944-4773",
    tel: "+18009444773",
    website: "https://www.postpartum.net",
    tag: "unverified",
  },
];

/** The mental-health and crisis lines of a country, from the domain's list, as this screen shows them. */
function mentalHealthLines(country: SupportCountry): SupportLine[] {
  return crisisLinesFor(country).map((l) => ({
    id: l.id,
    country,
    organisation: l.service,
    what: `support.what.${l.id}` as MessageKey,
    contact: l.contact,
    tel: l.tel,
    website: l.website,
    tag: l.tag,
    crisis: l.crisis,
  }));
}

/**
 * The lines Trellis knows for a country: the loss-support lines, then the
 * mental-health lines; the crisis lines first when `crisisFirst` (thoughts
 * of self-harm).
 */
export function linesFor(country: SupportCountry | "other", crisisFirst = false): SupportLine[] {
  if (country === "other") return [];
  const lines: SupportLine[] = [
    ...lossLines.filter((l) => l.country === country).map((l) => ({ ...l, crisis: false })),
    ...mentalHealthLines(country),
  ];
  return crisisFirst
    ? [...lines.filter((l) => l.crisis), ...lines.filter((l) => !l.crisis)]
    : lines;
}

/** A website as people say it: `sands.org.au` for `https://www.sands.org.au`. */
export function siteName(website: string): string {
  return website.replace(/^https:\/\/(www\.)?/i, "").replace(/\/$/, "");
}
