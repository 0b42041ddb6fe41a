/**
 * Today alone, for the shell to load as the first screen of a device with a
 * record: importing the whole feature (index.ts) would bring every treatment
 * screen, and the calendar file's library with them, before Today shows.
 */
export { Today } from "./Today.tsx";
