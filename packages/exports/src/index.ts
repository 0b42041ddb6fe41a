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
export {
  type KeepsakeInput,
  type KeepsakePhoto,
  keepsakePdf,
  needsUnicodeFont,
  PAPER_SIZES,
  type Paper,
} from "./keepsake.ts";
export { wrapText } from "./wrap.ts";
