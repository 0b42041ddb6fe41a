import type { IsoDate, TimeZoneId, ZonedDateTimeString } from "../core/time.ts";
import type { CountryCode } from "./country.ts";

export interface Journey {
  readonly displayName: string | null;
  readonly dateOfBirth: IsoDate;
  readonly homeZone: TimeZoneId;
  readonly partnerName: string | null;
  /** The country the person chose; `null` when they did not (see `personCountry`). */
  readonly country: CountryCode | null;
  readonly createdAt: ZonedDateTimeString;
}
