/** Journal (domain slice `journal`): notes, corrected and deleted with undo. */
export { Journal } from "./Journal.tsx";
