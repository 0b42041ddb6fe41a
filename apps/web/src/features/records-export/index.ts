/** "Take your record with you": spreadsheets (CSV zip), FHIR, and a dose log from a spreadsheet. */
export { TakeYourRecord } from "./TakeYourRecord.tsx";
