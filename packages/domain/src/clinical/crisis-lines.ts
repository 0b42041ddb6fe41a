/**
 * Who to call in a crisis, by country: the local emergency number and the
 * mental-health crisis lines (docs/clinical-reference.md §9, warning-sign
 * levels §8). Data, with a tag saying how sure we are of each number:
 * `checked` was read on the service's own or a government page; `secondary`
 * was read where others relay it. Numbers change; screens say so beside them.
 * An entry that could not be checked at all is left out rather than shipped
 * (New Zealand's "Need to talk?" 1737, §9).
 */
import type { CountryCode } from "../journey/country.ts";
import type { SourceTag } from "./source.ts";

export interface EmergencyNumber {
  /** The country it is for; `null` for the fallback. */
  readonly country: CountryCode | null;
  /** The number to show first, as dialled. */
  readonly number: string;
  /** Other numbers that reach the same services there (Ireland: 999 beside 112). */
  readonly alsoWorks: readonly string[];
  /** True when Trellis does not know the country's number and offers 112. */
  readonly fallback: boolean;
  readonly source: string;
  readonly tag: SourceTag;
}

/**
 * §8 (levels): "call the local emergency number (999 UK, 911 US/Canada, 000
 * Australia)". Ireland: 112 and 999 both reach the emergency services. 112 is
 * the European number and is answered on mobile networks in many countries
 * beyond: the fallback when the country is unknown, shown beside "or your
 * local emergency number" [unverified as a world-wide rule].
 */
const emergencyNumbers: readonly EmergencyNumber[] = [
  {
    country: "GB",
    number: "999",
    alsoWorks: ["112"],
    fallback: false,
    source: "nidirect (NHS content): call 999 (clinical reference §8.3)",
    tag: "checked",
  },
  {
    country: "US",
    number: "911",
    alsoWorks: [],
    fallback: false,
    source: "AWHONN POST-BIRTH warning signs (clinical reference §8.5)",
    tag: "checked",
  },
  {
    country: "CA",
    number: "911",
    alsoWorks: [],
    fallback: false,
    source: "warning-sign levels: 911 in the US and Canada (clinical reference §8)",
    tag: "unverified",
  },
  {
    country: "AU",
    number: "000",
    alsoWorks: [],
    fallback: false,
    source: "healthdirect Pregnancy, Birth and Baby page: emergency 000 (clinical reference §9)",
    tag: "checked",
  },
  {
    country: "IE",
    number: "112",
    alsoWorks: ["999"],
    fallback: false,
    source: "112 and 999 both answer in Ireland (clinical reference §8)",
    tag: "unverified",
  },
];

const FALLBACK: EmergencyNumber = {
  country: null,
  number: "112",
  alsoWorks: [],
  fallback: true,
  source: "European emergency number 112 (clinical reference §8)",
  tag: "unverified",
};

/** The emergency number for a country, or 112 as the fallback (`fallback: true`) when Trellis does not know it. */
export function emergencyNumberFor(country: CountryCode | null | undefined): EmergencyNumber {
  return emergencyNumbers.find((e) => e.country === country) ?? FALLBACK;
}

export interface CrisisLine {
  /** Stable id, also the key for the line's description in the app's catalogue. */
  readonly id: string;
  readonly country: CountryCode;
  /** Part of the country it serves, when not all of it (NHS 111 is England's). */
  readonly region: string | null;
  /** The service's own name: never translated. */
  readonly service: string;
  /** The number as the service writes it. */
  readonly contact: string;
  /** Digits for a `tel:` link. */
  readonly tel: string;
  /** A number to text (as the service writes it), and what to send, when the service takes texts. */
  readonly text: { readonly number: string; readonly body: string | null } | null;
  readonly website: string | null;
  /** Answered at any hour; `null` when the reference does not say. */
  readonly allHours: boolean | null;
  /** Free to call; `null` when the reference does not say. */
  readonly free: boolean | null;
  /** `false` for a support line that says it is not a crisis line (US maternal hotline, Australia's nurse line). */
  readonly crisis: boolean;
  readonly source: string;
  readonly tag: SourceTag;
}

/**
 * §9's table, in its order: crisis lines first within each country. Only what
 * the reference says is filled in; `null` where it does not say.
 */
export const crisisLines: readonly CrisisLine[] = [
  line("samaritans-gb", "GB", "Samaritans", "116 123", "116123", {
    website: "https://www.samaritans.org",
    allHours: true,
    free: true,
    source: "samaritans.org (clinical reference §9)",
    tag: "checked",
  }),
  line("nhs-111-mental-health", "GB", "NHS 111", "111, then the mental health option", "111", {
    website: "https://111.nhs.uk",
    region: "England",
    source:
      "NHS GP pages; since 2023 callers choose the mental health option (clinical reference §9)",
    tag: "checked",
  }),
  line("samaritans-ie", "IE", "Samaritans", "116 123", "116123", {
    website: "https://www.samaritans.org/ireland",
    free: true,
    source: "news reports (clinical reference §9)",
    tag: "secondary",
  }),
  line("pieta", "IE", "Pieta", "1800 247 247", "1800247247", {
    website: "https://www.pieta.ie",
    text: { number: "51444", body: "HELP" },
    allHours: true,
    source: "relayed by others (clinical reference §9)",
    tag: "secondary",
  }),
  line("988-us", "US", "988 Suicide & Crisis Lifeline", "988", "988", {
    text: { number: "988", body: null },
    website: "https://988lifeline.org",
    source: "State of California page; live since 16 July 2022 (clinical reference §9)",
    tag: "checked",
  }),
  line(
    "maternal-mental-health-hotline",
    "US",
    "National Maternal Mental Health Hotline",
    "1-833-852-6262 (1-833-TLC-MAMA)",
    "18338526262",
    {
      website: "https://mchb.hrsa.gov/national-maternal-mental-health-hotline",
      text: { number: "1-833-852-6262", body: null },
      crisis: false,
      source: "HHS release copies; HRSA says it is not a crisis line (clinical reference §9)",
      tag: "secondary",
    },
  ),
  line("988-ca", "CA", "9-8-8 Suicide Crisis Helpline", "988", "988", {
    website: "https://988.ca",
    text: { number: "988", body: null },
    source: "Government of Canada release; live since 30 November 2023 (clinical reference §9)",
    tag: "checked",
  }),
  line("lifeline-au", "AU", "Lifeline", "13 11 14", "131114", {
    website: "https://www.lifeline.org.au",
    source: "relayed by others (clinical reference §9)",
    tag: "secondary",
  }),
  line("pregnancy-birth-baby", "AU", "Pregnancy, Birth and Baby", "1800 882 436", "1800882436", {
    website: "https://www.pregnancybirthbaby.org.au",
    crisis: false,
    source: "healthdirect Pregnancy, Birth and Baby page (clinical reference §9)",
    tag: "checked",
  }),
];

function line(
  id: string,
  country: CountryCode,
  service: string,
  contact: string,
  tel: string,
  more: Partial<CrisisLine> & Pick<CrisisLine, "source" | "tag">,
): CrisisLine {
  return {
    id,
    country,
    region: null,
    service,
    contact,
    tel,
    text: null,
    website: null,
    allHours: null,
    free: null,
    crisis: true,
    ...more,
  };
}

/**
 * The mental-health lines of a country, crisis lines first (in §9's order),
 * then support lines that are not for a crisis; `[]` when Trellis knows none
 * for that country (the emergency number still applies).
 */
export function crisisLinesFor(country: CountryCode | null | undefined): CrisisLine[] {
  const mine = crisisLines.filter((l) => l.country === country);
  return [...mine.filter((l) => l.crisis), ...mine.filter((l) => !l.crisis)];
}
