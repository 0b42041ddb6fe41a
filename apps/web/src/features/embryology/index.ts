/**
 * Embryology (domain slice `embryology`): retrievals, the lab's reports, the
 * embryo bank, frozen eggs and storage fees. The shell routes to the screens;
 * Today shows the fees due; pregnancy shows embryo cards and names embryos in
 * its own words.
 */
export { CohortDetail } from "./CohortDetail.tsx";
export { EmbryoBank } from "./EmbryoBank.tsx";
export { EmbryoCard } from "./EmbryoCard.tsx";
export { FeesDue } from "./FeesDue.tsx";
export { AddFrozenEggs, ThawEggs } from "./FrozenEggs.tsx";
export { RecordRetrieval } from "./RecordRetrieval.tsx";
export { StorageFees } from "./StorageFees.tsx";
export { embryoShort, statusLine } from "./words.ts";
