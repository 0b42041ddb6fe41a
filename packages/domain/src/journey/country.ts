/**
 * The person's country: which emergency number and crisis lines to show them.
 * Chosen in Settings, or worked out from their home time zone.
 */
import { z } from "zod";
import { refusal } from "../core/zod-problem.ts";
import type { JourneyState } from "../state/state.ts";
import { countryCodeList, zoneAliases, zonesByCountry } from "./country-data.ts";

/** An ISO 3166-1 alpha-2 code in capitals, such as `GB`, `IE`, `US`. */
export type CountryCode = string;

/** Every assigned ISO 3166-1 alpha-2 code (IANA iso3166.tab), in alphabetical order. */
export const countryCodes: readonly CountryCode[] = countryCodeList.split(" ");
const known = new Set<string>(countryCodes);

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === "string" && known.has(value);
}

export const countryCodeSchema = z.string().refine(isCountryCode, refusal("unknown-country"));

const countryOf = new Map<string, CountryCode>();
for (const [country, zones] of Object.entries(zonesByCountry)) {
  for (const zone of zones.split(",")) countryOf.set(zone, country);
}
for (const [alias, zone] of Object.entries(zoneAliases)) {
  const country = countryOf.get(zone);
  if (country) countryOf.set(alias, country);
}

/**
 * The country a home time zone belongs to (IANA zone.tab: `Europe/Dublin` →
 * `IE`, `America/Toronto` → `CA`, `Australia/Perth` → `AU`); `null` for a
 * zone that is not a country's (`UTC`, `Etc/GMT+5`) or is unknown. A zone
 * names a place, not a nationality: the person can always choose otherwise.
 */
export function countryOfZone(zone: string | null | undefined): CountryCode | null {
  if (!zone) return null;
  return countryOf.get(zone) ?? null;
}

/** The person's country: the one they chose, else the one of their home zone; `null` when neither says. */
export function personCountry(state: JourneyState): CountryCode | null {
  const journey = state.journey;
  if (!journey) return null;
  return journey.country ?? countryOfZone(journey.homeZone);
}
