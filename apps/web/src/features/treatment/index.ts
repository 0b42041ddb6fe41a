/**
 * Treatment (domain slices `treatment`, `inventory` and `today`): Today, the
 * cycles with their plans and trigger, and supplies.
 */
export { CycleDetail } from "./CycleDetail.tsx";
export { CycleOverview } from "./CycleOverview.tsx";
export { DoseHistory } from "./DoseHistory.tsx";
export { StartCycle } from "./StartCycle.tsx";
export { Supplies } from "./Supplies.tsx";
export { Today } from "./Today.tsx";
