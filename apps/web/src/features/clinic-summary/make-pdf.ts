import type { JourneyState } from "@trellis/domain";
import type { ClinicSection } from "@trellis/exports";
import sansUrl from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url";
import sansBoldUrl from "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url";
import { downloadFile } from "../../app/files.ts";
import { deviceZone, nowZoned, todayIso } from "../../app/time.ts";
import type { I18n } from "../../i18n/i18n.tsx";

/**
 * The clinic summary PDF, made on this device by `@trellis/exports` (loaded
 * only now) and handed to the browser's download as a Blob: nothing is sent
 * anywhere. When a name in the record is in another alphabet (Polish, Greek,
 * Cyrillic...), a Unicode face (DejaVu Sans, one of the app's own files,
 * fetched only then) sets it as written.
 */

export type Paper = "a4" | "letter";
export type Section = ClinicSection;

/** The parts a person can choose, in the order the PDF has them. */
export const SECTIONS: readonly Section[] = [
  "details",
  "treatment",
  "monitoring",
  "embryos",
  "transfers",
  "medicines",
];

export interface SummaryChoices {
  readonly sections: readonly Section[];
  readonly details: {
    readonly name: boolean;
    readonly dateOfBirth: boolean;
    readonly clinic: boolean;
    readonly partner: boolean;
  };
  readonly leaveOutLosses: boolean;
  readonly paper: Paper;
}

/** Letter where it is the usual paper (the US, Canada, Mexico and a few more), A4 elsewhere. */
export function usualPaper(locale: string): Paper {
  const region = new Intl.Locale(locale).maximize().region ?? "";
  return ["US", "CA", "MX", "PH", "CL", "CO", "VE"].includes(region) ? "letter" : "a4";
}

/** The names and words of the record that end up in the PDF as they were typed. */
function recordTexts(state: JourneyState): string[] {
  const texts: (string | null | undefined)[] = [
    state.journey?.displayName,
    state.journey?.partnerName,
  ];
  for (const c of state.clinics.values()) texts.push(c.name);
  for (const c of state.cycles.values()) texts.push(c.protocolName, c.clinic);
  for (const i of state.planItems.values()) texts.push(i.medication.name);
  for (const e of state.embryos.values()) texts.push(e.label, e.grade, e.storage?.clinic);
  for (const t of state.transfers.values()) {
    if (t.recipient.kind === "carrier") texts.push(t.recipient.name);
  }
  return texts.filter((t): t is string => typeof t === "string");
}

/** Makes the PDF and downloads it. False when it could not be made. */
export async function downloadClinicSummary(
  i18n: I18n,
  state: JourneyState,
  choices: SummaryChoices,
): Promise<boolean> {
  try {
    const { clinicSummaryPdf, needsUnicodeFont } = await import("@trellis/exports");
    const zone = state.journey?.homeZone ?? deviceZone();
    const fonts = needsUnicodeFont(recordTexts(state)) ? await unicodeFonts() : undefined;
    const bytes = await clinicSummaryPdf(state, {
      locale: i18n.locale,
      paper: choices.paper,
      sections: choices.sections,
      details: choices.details,
      leaveOutLosses: choices.leaveOutLosses,
      now: nowZoned(zone),
      appName: i18n.t("app.name"),
      fonts,
    });
    downloadFile(`clinic-summary-${todayIso(zone)}.pdf`, "application/pdf", bytes);
    return true;
  } catch {
    return false;
  }
}

/** DejaVu Sans, regular and bold; undefined when it cannot be fetched (offline): a dot stands in. */
async function unicodeFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array } | undefined> {
  try {
    const load = async (url: string) => {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`font ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    };
    const [regular, bold] = await Promise.all([load(sansUrl), load(sansBoldUrl)]);
    return { regular, bold };
  } catch {
    return undefined;
  }
}
