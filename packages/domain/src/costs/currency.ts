/**
 * ISO 4217 currencies and their minor units (how many decimals an amount in
 * each may have), from the ISO 4217 list of active codes. A fixed table, not
 * `Intl.supportedValuesOf("currency")`: what a device's ICU knows varies, and
 * an event valid on one device must be valid on every other. Funds codes
 * (BOV, CHE, CLF, USN, ...) and precious metals are left out: nobody pays a
 * clinic in them. Where CLDR shows fewer decimals than ISO (HUF, IQD), ISO's
 * minor unit is what an amount may have; a screen formats with
 * `maximumFractionDigits: currencyDigits(code)` so nothing typed is hidden.
 */
const minorUnits: Readonly<Record<string, number>> = {
  ...codes(0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF"),
  ...codes(3, "BHD IQD JOD KWD LYD OMR TND"),
  ...codes(
    2,
    [
      "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD",
      "BTN BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP",
      "ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR",
      "JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU",
      "MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR",
      "RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS",
      "TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG",
    ].join(" "),
  ),
};

function codes(digits: number, list: string): Record<string, number> {
  return Object.fromEntries(list.split(/\s+/).map((code) => [code, digits]));
}

/** Every currency a cost may be in (ISO 4217 codes), sorted. */
export const currencyCodes: readonly string[] = Object.keys(minorUnits).sort();

export function isCurrencyCode(code: string): boolean {
  return Object.hasOwn(minorUnits, code);
}

/** How many decimals an amount in `currency` may have (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  const digits = minorUnits[currency];
  if (digits === undefined) throw new Error(`Not an ISO 4217 currency: ${currency}`);
  return digits;
}

/**
 * How many decimals `value` is written with: the digits JavaScript's shortest
 * round-trip form shows, which are the digits the person typed (1234.5 has 1,
 * 0.1 + 0.2 has 17).
 */
export function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  const [mantissa = "", exponent] = text.split("e");
  const decimals = mantissa.split(".")[1]?.length ?? 0;
  const shift = exponent === undefined ? 0 : Number(exponent);
  return Math.max(0, decimals - shift);
}

/** Whether `value` fits `currency`: no more decimals than its minor unit allows. */
export function fitsCurrency(value: number, currency: string): boolean {
  return isCurrencyCode(currency) && decimalsOf(value) <= currencyDigits(currency);
}

/**
 * `value` (major units, e.g. 1234.5) in minor units (123450 cents), exact for
 * any value that fits the currency. Sums are made in minor units so that no
 * total drifts by a cent.
 */
export function toMinor(value: number, currency: string): number {
  return Math.round(value * 10 ** currencyDigits(currency));
}

/** Minor units back to the major-unit number `Intl.NumberFormat` formats. */
export function fromMinor(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * The currencies a form offers first (after the person's own): those most
 * used by clinics people travel to. A product choice, not a ranking.
 */
export const commonCurrencies = [
  "USD",
  "EUR",
  "GBP",
  "AUD",
  "CAD",
  "NZD",
  "CHF",
  "SEK",
  "DKK",
  "NOK",
  "INR",
  "ZAR",
  "JPY",
  "ILS",
  "MXN",
  "CZK",
] as const;
