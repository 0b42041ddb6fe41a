/**
 * Wellbeing (domain slice `wellbeing`): the symptom check and its triage, and
 * the safety notice Today shows while a worrying answer stands.
 */
export { SafetyNotice } from "./SafetyNotice.tsx";
export { SymptomCheck } from "./SymptomCheck.tsx";
