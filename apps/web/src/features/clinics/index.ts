/**
 * Clinics and who to call (domain slice `clinics`): the person's clinics,
 * their own support lines and the crisis lines for their country. Settings
 * mounts the clinics section; treatment picks a cycle's clinic with the form
 * and card; wellbeing, pregnancy, Today and quiet mode show the support lines;
 * the circles' card for family shows the known lines for a country.
 */
export { ClinicDetails } from "./ClinicDetails.tsx";
export { ClinicForm } from "./ClinicForm.tsx";
export { Clinics } from "./Clinics.tsx";
export { CountryLines, SupportLines } from "./SupportLines.tsx";
export { isSupportCountry, linesFor, type SupportCountry } from "./support-lines.ts";
