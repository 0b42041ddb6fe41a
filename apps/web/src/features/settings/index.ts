/** Settings: the journey, account, clinics, units, reminders, country, quiet mode, export and import. */
export { Settings } from "./Settings.tsx";
