/**
 * Every screen behind a route, loaded when it is first shown (one chunk per
 * feature): the first screen (set-up or Today) fetches only its own code,
 * and the rest arrives on demand. The service worker precaches every chunk
 * after the first load, so screens open offline too. `ScreenBoundary` shows
 * the wait and a failed load.
 */
import { type ComponentProps, type ComponentType, lazy } from "react";
import { routes } from "./routes.ts";

/** A screen loaded on first render; `preload()` fetches it ahead. */
// biome-ignore lint/suspicious/noExplicitAny: a component of any props
export interface Screen<C extends ComponentType<any>> {
  (props: ComponentProps<C>): React.JSX.Element;
  preload(): Promise<void>;
}

/**
 * A named export of a feature, loaded on first render. Once loaded (or
 * preloaded) it renders at once: React.lazy alone would suspend for a turn
 * even then, and React holds a revealed fallback for 300 ms.
 */
// biome-ignore lint/suspicious/noExplicitAny: a component of any props, as React.lazy takes
function screen<C extends ComponentType<any>>(load: () => Promise<C>): Screen<C> {
  let loaded: C | undefined;
  const remember = (component: C) => {
    loaded = component;
    return component;
  };
  const Lazy = lazy(async () => ({ default: remember(await load()) }));
  const Screen = (props: ComponentProps<C>) => {
    const Loaded = loaded;
    return Loaded === undefined ? <Lazy {...props} /> : <Loaded {...props} />;
  };
  return Object.assign(Screen, {
    preload: async () => {
      remember(await load());
    },
  });
}

const treatment = () => import("../features/treatment/index.ts");
// Today on its own: the first screen of a device with a record.
export const Today = screen(() =>
  import("../features/treatment/first-screen.ts").then((m) => m.Today),
);
export const CycleOverview = screen(() => treatment().then((m) => m.CycleOverview));
export const StartCycle = screen(() => treatment().then((m) => m.StartCycle));
export const CycleDetail = screen(() => treatment().then((m) => m.CycleDetail));
export const DoseHistory = screen(() => treatment().then((m) => m.DoseHistory));
export const Supplies = screen(() => treatment().then((m) => m.Supplies));

const journey = () => import("../features/journey/index.ts");
export const Setup = screen(() => journey().then((m) => m.Setup));
export const Journal = screen(() => import("../features/journal/index.ts").then((m) => m.Journal));
export const Settings = screen(() =>
  import("../features/settings/index.ts").then((m) => m.Settings),
);
export const Monitoring = screen(() =>
  import("../features/monitoring/index.ts").then((m) => m.Monitoring),
);
export const Odds = screen(() => import("../features/odds/index.ts").then((m) => m.Odds));

const embryology = () => import("../features/embryology/index.ts");
export const EmbryoBank = screen(() => embryology().then((m) => m.EmbryoBank));
export const RecordRetrieval = screen(() => embryology().then((m) => m.RecordRetrieval));
export const AddFrozenEggs = screen(() => embryology().then((m) => m.AddFrozenEggs));
export const ThawEggs = screen(() => embryology().then((m) => m.ThawEggs));
export const StorageFees = screen(() => embryology().then((m) => m.StorageFees));
export const CohortDetail = screen(() => embryology().then((m) => m.CohortDetail));

const pregnancy = () => import("../features/pregnancy/index.ts");
export const Transfers = screen(() => pregnancy().then((m) => m.Transfers));
export const NewTransfer = screen(() => pregnancy().then((m) => m.NewTransfer));
export const Paths = screen(() => pregnancy().then((m) => m.Paths));
export const PathDetail = screen(() => pregnancy().then((m) => m.PathDetail));
export const TransferDetail = screen(() => pregnancy().then((m) => m.TransferDetail));
export const Remembrance = screen(() => pregnancy().then((m) => m.Remembrance));

export const ClinicSummary = screen(() =>
  import("../features/clinic-summary/index.ts").then((m) => m.ClinicSummary),
);
export const Costs = screen(() => import("../features/costs/index.ts").then((m) => m.Costs));

const account = () => import("../features/account/index.ts");
export const CreateAccountScreen = screen(() => account().then((m) => m.CreateAccountScreen));
export const SignInScreen = screen(() => account().then((m) => m.SignInScreen));
export const RecoverScreen = screen(() => account().then((m) => m.RecoverScreen));
export const DevicesScreen = screen(() => account().then((m) => m.DevicesScreen));
export const ChangePasswordScreen = screen(() => account().then((m) => m.ChangePasswordScreen));
export const DeleteAccountScreen = screen(() => account().then((m) => m.DeleteAccountScreen));

const sharing = () => import("../features/sharing/index.ts");
export const InviteScreen = screen(() => sharing().then((m) => m.InviteScreen));
export const MembersScreen = screen(() => sharing().then((m) => m.MembersScreen));
export const AcceptInviteScreen = screen(() => sharing().then((m) => m.AcceptInviteScreen));

const circles = () => import("../features/circles/index.ts");
export const CirclesHome = screen(() => circles().then((m) => m.CirclesHome));
export const CircleScreen = screen(() => circles().then((m) => m.CircleScreen));
export const Compose = screen(() => circles().then((m) => m.Compose));
// A chunk apart: a device that only reads circles loads nothing of a record.
export const ReaderApp = screen(() =>
  import("../features/circles/first-screen.ts").then((m) => m.ReaderApp),
);

/**
 * Fetches the code of the two first screens (set-up and Today), to be started
 * while the record opens and awaited before the app shows: the first screen
 * then renders at once, without a wait of its own. Never fails: a screen that
 * did not load tries again when shown, and its boundary says so. At a
 * circle's address (an invite link, a reader's home) the first screens are
 * the circles' own, and nothing of a record is fetched.
 */
export async function preloadFirstScreens(path = location.pathname): Promise<void> {
  const atCircle = path === routes.circle || path.startsWith(`${routes.circle}/`);
  const first = atCircle ? [ReaderApp, CirclesHome] : [Today, Setup];
  await Promise.all(first.map((s) => s.preload())).catch(() => undefined);
}
