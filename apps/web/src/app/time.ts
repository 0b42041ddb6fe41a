import { Temporal } from "@trellis/domain";

/** Now, as the exact instant with the given zone, to the second. */
export function nowZoned(zone: string): string {
  return Temporal.Now.zonedDateTimeISO(zone).round({ smallestUnit: "second" }).toString();
}

export function epochMsOf(zoned: string): number {
  return Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
}

export function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every zone the browser knows, for a picker; the device's own zone is always in the list. */
export function knownZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const own = deviceZone();
  return zones.includes(own) ? zones : [own, ...zones];
}

export function todayIso(zone: string): string {
  return Temporal.Now.plainDateISO(zone).toString();
}
