/**
 * Circles on a device with a record: the person's circles, one circle's
 * page (status, how-to-help note, posts, members, invite link), writing a
 * post. The reader's own app (a device that only reads circles) is
 * `first-screen.ts`, a chunk apart that loads nothing of a record.
 */
import "./circles.css";

export { CircleScreen } from "./CircleScreen.tsx";
export { CirclesHome } from "./CirclesHome.tsx";
export { Compose } from "./Compose.tsx";
export type { Circles } from "./circles-api.ts";
