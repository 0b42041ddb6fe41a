/**
 * Forgetting a device that was signed out from another of the person's
 * devices ("I lost my phone"): the start-up check that runs before the
 * record is opened (`eraseIfSignedOutElsewhere`), the calm screen that says
 * what happened (`ErasedScreen`), and the hook that tells the running app
 * it just happened (`useErasedElsewhere`).
 */
export { ErasedScreen } from "./ErasedScreen.tsx";
export { eraseIfSignedOutElsewhere } from "./start-check.ts";
export { useErasedElsewhere } from "./use-erased.ts";
