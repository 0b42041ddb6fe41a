/**
 * Support lines offered after a loss or in a hard moment, as data, from
 * shared/reference/support.md with its tags: "checked" was read on the
 * organisation's own page; "unverified" is widely published, not re-read.
 * Numbers can change; the screen says so beside them. The person's own clinic
 * and local emergency services are always shown, whatever the country.
 */
import type { MessageKey } from "../../i18n/en.ts";

export type SupportCountry = "AU" | "GB" | "US";
export const supportCountries: readonly SupportCountry[] = ["AU", "GB", "US"];

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
  readonly tag: "checked" | "unverified";
}

export const supportLines: readonly SupportLine[] = [
  {
    id: "sands-au",
    country: "AU",
    organisation: "Sands Australia",
    what: "support.what.sands-au",
    contact: "1300 072 637",
    tel: "+611300072637",
    tag: "checked",
  },
  {
    id: "miscarriage-association",
    country: "GB",
    organisation: "The Miscarriage Association",
    what: "support.what.miscarriage-association",
    contact: "01924 200799",
    tel: "+441924200799",
    tag: "checked",
  },
  {
    id: "sands-uk",
    country: "GB",
    organisation: "Sands (stillbirth and neonatal death charity)",
    what: "support.what.sands-uk",
    contact: "0808 164 3332",
    tel: "+448081643332",
    tag: "unverified",
  },
  {
    id: "psi",
    country: "US",
    organisation: "Postpartum Support International",
    what: "support.what.psi",
    contact: "1-800-944-4773",
    tel: "+18009444773",
    tag: "unverified",
  },
  {
    id: "988",
    country: "US",
    organisation: "988 Suicide & Crisis Lifeline",
    what: "support.what.988",
    contact: "988",
    tel: "988",
    tag: "unverified",
  },
];

const US_ZONES =
  /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Sitka|Nome|Yakutat|Metlakatla|Adak|Boise|Detroit|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu)$/;

/** The country of a home time zone, when Trellis has lines for it; `null` otherwise (the person can choose). */
export function countryOfZone(zone: string | undefined): SupportCountry | null {
  if (!zone) return null;
  if (zone.startsWith("Australia/")) return "AU";
  if (zone === "Europe/London" || zone === "Europe/Belfast") return "GB";
  if (US_ZONES.test(zone)) return "US";
  return null;
}
