/** Odds (domain module `odds`): sourced chances with ranges, hidden in quiet mode. */
export { Odds } from "./Odds.tsx";
