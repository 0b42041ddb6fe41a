/** Circles: the interface the screens use, and its implementation over account sync. */
export { createCircles } from "./circles.ts";
export type * from "./types.ts";
export type { CircleInputFailure } from "./write.ts";
