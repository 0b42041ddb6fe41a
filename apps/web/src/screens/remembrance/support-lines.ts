/**
 * Support lines offered after a loss or in a hard moment, as data, with the
 * tags of docs/clinical-reference.md §12 (support lines) and §9 (crisis
 * lines): "checked" was read on the organisation's own page; "secondary" was
 * read on a page relaying it (a government release, a charity quoting it);
 * "unverified" is widely published, not re-read. Numbers can change; the
 * screen says so beside them, with each organisation's own website. The
 * person's own clinic and local emergency services are always shown first,
 * whatever the country; the person's own lines come last.
 */
import type { MessageKey } from "../../i18n/en.ts";

export type SupportCountry = "AU" | "CA" | "GB" | "IE" | "US";
export const supportCountries: readonly SupportCountry[] = ["AU", "CA", "IE", "GB", "US"];

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
  /** The organisation's own website (https). */
  readonly website: string;
  readonly tag: "checked" | "secondary" | "unverified";
  /** A line for thoughts of suicide or self-harm: offered first when those are the worry. */
  readonly crisis: boolean;
}

export const supportLines: readonly SupportLine[] = [
  {
    id: "sands-au",
    country: "AU",
    organisation: "Sands Australia",
    what: "support.what.sands-au",
    contact: "1300 072 637",
    tel: "+611300072637",
    website: "https://www.sands.org.au",
    tag: "checked",
    crisis: false,
  },
  {
    id: "pregnancy-birth-baby",
    country: "AU",
    organisation: "Pregnancy, Birth and Baby",
    what: "support.what.pregnancy-birth-baby",
    contact: "1800 882 436",
    tel: "1800882436",
    website: "https://www.pregnancybirthbaby.org.au",
    tag: "checked",
    crisis: false,
  },
  {
    id: "lifeline-au",
    country: "AU",
    organisation: "Lifeline",
    what: "support.what.lifeline-au",
    contact: "13 11 14",
    tel: "131114",
    website: "https://www.lifeline.org.au",
    tag: "secondary",
    crisis: true,
  },
  {
    id: "988-ca",
    country: "CA",
    organisation: "9-8-8 Suicide Crisis Helpline",
    what: "support.what.988-ca",
    contact: "988",
    tel: "988",
    website: "https://988.ca",
    tag: "checked",
    crisis: true,
  },
  {
    id: "samaritans-ie",
    country: "IE",
    organisation: "Samaritans",
    what: "support.what.samaritans",
    contact: "116 123",
    tel: "116123",
    website: "https://www.samaritans.org/ireland",
    tag: "secondary",
    crisis: true,
  },
  {
    id: "pieta",
    country: "IE",
    organisation: "Pieta",
    what: "support.what.pieta",
    contact: "1800 247 247",
    tel: "1800247247",
    website: "https://www.pieta.ie",
    tag: "secondary",
    crisis: true,
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
    crisis: false,
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
    crisis: false,
  },
  {
    id: "samaritans-uk",
    country: "GB",
    organisation: "Samaritans",
    what: "support.what.samaritans",
    contact: "116 123",
    tel: "116123",
    website: "https://www.samaritans.org",
    tag: "checked",
    crisis: true,
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
    crisis: false,
  },
  {
    id: "maternal-mental-health-hotline",
    country: "US",
    organisation: "National Maternal Mental Health Hotline",
    what: "support.what.maternal-mental-health-hotline",
    contact: "1-833-852-6262",
    tel: "+18338526262",
    website: "https://mchb.hrsa.gov/national-maternal-mental-health-hotline",
    tag: "secondary",
    crisis: false,
  },
  {
    id: "988",
    country: "US",
    organisation: "988 Suicide & Crisis Lifeline",
    what: "support.what.988",
    contact: "988",
    tel: "988",
    website: "https://988lifeline.org",
    tag: "unverified",
    crisis: true,
  },
];

/** The lines Trellis knows for a country, the crisis lines first when `crisisFirst`. */
export function linesFor(country: SupportCountry | "other", crisisFirst = false): SupportLine[] {
  const lines = supportLines.filter((l) => l.country === country);
  return crisisFirst
    ? [...lines.filter((l) => l.crisis), ...lines.filter((l) => !l.crisis)]
    : lines;
}

/** A website as people say it: `sands.org.au` for `https://www.sands.org.au`. */
export function siteName(website: string): string {
  return website.replace(/^https:\/\/(www\.)?/i, "").replace(/\/$/, "");
}

const US_ZONES =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak|Boise|Detroit|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu)$/;

const CANADA_ZONES =
  /^America\/(St_Johns|Halifax|Glace_Bay|Moncton|Goose_Bay|Blanc-Sablon|Toronto|Montreal|Nipigon|Thunder_Bay|Iqaluit|Pangnirtung|Atikokan|Winnipeg|Rainy_River|Resolute|Rankin_Inlet|Regina|Swift_Current|Edmonton|Cambridge_Bay|Yellowknife|Inuvik|Creston|Dawson_Creek|Fort_Nelson|Whitehorse|Dawson|Vancouver)$/;

/** The country of a home time zone, when Trellis has lines for it; `null` otherwise (the person can choose). */
export function countryOfZone(zone: string | undefined): SupportCountry | null {
  if (!zone) return null;
  if (zone.startsWith("Australia/")) return "AU";
  if (zone === "Europe/London" || zone === "Europe/Belfast") return "GB";
  if (zone === "Europe/Dublin") return "IE";
  if (US_ZONES.test(zone)) return "US";
  if (CANADA_ZONES.test(zone)) return "CA";
  return null;
}
