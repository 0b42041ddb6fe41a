/**
 * The journey itself (domain slice `journey`): set-up on a new device, and the
 * form for name, date of birth, zone and partner that Settings reuses.
 */
export { JourneyForm } from "./JourneyForm.tsx";
export { Setup } from "./Setup.tsx";
