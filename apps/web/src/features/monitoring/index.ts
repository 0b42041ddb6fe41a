/** Monitoring (domain slice `monitoring`): appointments, blood results and scans of a cycle, with charts. */
export { Monitoring } from "./Monitoring.tsx";
