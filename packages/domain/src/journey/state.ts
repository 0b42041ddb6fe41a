import type { IsoDate, TimeZoneId, ZonedDateTimeString } from "../core/time.ts";

export interface Journey {
  readonly displayName: string | null;
  readonly dateOfBirth: IsoDate;
  readonly homeZone: TimeZoneId;
  readonly partnerName: string | null;
  readonly createdAt: ZonedDateTimeString;
}
