import { csvZip, FHIR_MEDIA_TYPE, toFhirBundle } from "@trellis/exports";
import { useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { downloadFile } from "../../app/files.ts";
import { todayIso } from "../../app/time.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { DoseLogImport } from "./DoseLogImport.tsx";
import { RecordImport } from "./RecordImport.tsx";

/**
 * Settings' "Take your record with you": the record as spreadsheets (a zip
 * of CSV files) and as one FHIR R4 file, both made on this device from the
 * folded record; and a dose log brought in from a spreadsheet.
 */
export function TakeYourRecord() {
  const t = useT();
  const state = useJourneyState();
  const client = useClient();
  const [saved, setSaved] = useState<"csv" | "fhir" | null>(null);
  const zone = state.journey?.homeZone ?? "UTC";
  const name = `trellis-record-${todayIso(zone)}`;
  const whole = client.sync.wholeRecord;

  function spreadsheets() {
    const now = new Date();
    const zip = csvZip(state, { now, readme: t("records.csv.readme", { date: todayIso(zone) }) });
    downloadFile(`${name}-spreadsheets.zip`, "application/zip", zip);
    setSaved("csv");
  }

  function fhir() {
    const bundle = toFhirBundle(state, { now: new Date() });
    downloadFile(`${name}.fhir.json`, FHIR_MEDIA_TYPE, JSON.stringify(bundle, null, 2));
    setSaved("fhir");
  }

  return (
    <section className="card stack" aria-labelledby="records-title">
      <h2 id="records-title">{t("records.title")}</h2>
      <p>{t("records.intro")}</p>
      {!whole && (
        <p className="notice" role="status">
          {t("settings.export.waiting")}
        </p>
      )}
      <div className="stack-tight">
        <button type="button" className="button" onClick={spreadsheets}>
          {t("records.csv")}
        </button>
        <p className="hint">{t("records.csv.hint")}</p>
        {saved === "csv" && <p role="status">{t("records.saved")}</p>}
      </div>
      <div className="stack-tight">
        <button type="button" className="button" onClick={fhir}>
          {t("records.fhir")}
        </button>
        <p className="hint">{t("records.fhir.hint")}</p>
        {saved === "fhir" && <p role="status">{t("records.saved")}</p>}
      </div>
      <WhenCanRecord>
        <DoseLogImport />
        <RecordImport />
      </WhenCanRecord>
    </section>
  );
}
