/** "Share with my clinic": the clinic summary PDF, its parts chosen, made on this device. */
export { ClinicSummary } from "./ClinicSummary.tsx";
