export {
  type ClinicDetails,
  type ClinicSection,
  clinicSections,
} from "./clinic-content.ts";
export {
  ClinicSummaryInputError,
  type ClinicSummaryOptions,
  clinicSummaryPdf,
} from "./clinic-summary.ts";
export {
  type ClinicWordKey,
  type ClinicWords,
  clinicCatalogues,
  clinicWordsFor,
} from "./clinic-words.ts";
export { type CsvTable, csvColumns, csvTables, LIST_SEPARATOR, toCsv } from "./csv.ts";
export { type Cell, readCsv, UTF8_BOM } from "./csv-format.ts";
export { type PlanTable, planColumns, planTables, toPlanCsv } from "./csv-plan.ts";
export { csvZip } from "./csv-zip.ts";
export { FHIR_MEDIA_TYPE, type FhirBundle, type FhirResource, toFhirBundle } from "./fhir.ts";
export {
  checkDoseLog,
  type DoseLogDraft,
  type DoseLogField,
  type DoseLogMapping,
  type DoseRowProblem,
  type DoseRowReason,
  doseLogFields,
  guessDoseMapping,
  readDoseSheet,
  type SheetRow,
} from "./import-doses.ts";
export {
  importRecordCsvs,
  type RecordDraft,
  type RecordImportFile,
  type RecordImportProblem,
  readRecordZip,
  recordImportFiles,
} from "./import-record.ts";
export {
  type KeepsakeInput,
  type KeepsakePhoto,
  keepsakePdf,
  needsUnicodeFont,
  PAPER_SIZES,
  type Paper,
} from "./keepsake.ts";
export { wrapText } from "./wrap.ts";
