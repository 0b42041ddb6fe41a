/**
 * Pregnancy (domain slice `pregnancy`): transfers, betas, dating and outcomes;
 * paths (donor eggs, a carrier, adoption...); remembrance after a loss.
 */
export { NewTransfer } from "./NewTransfer.tsx";
export { PathDetail, Paths } from "./Paths.tsx";
export { Remembrance } from "./Remembrance.tsx";
export { TransferDetail } from "./TransferDetail.tsx";
export { Transfers } from "./Transfers.tsx";
