/**
 * Every screen behind a route, loaded when it is first shown (one chunk per
 * feature): the first screen (set-up or Today) fetches only its own code,
 * and the rest arrives on demand. The service worker precaches every chunk
 * after the first load, so screens open offline too. `ScreenBoundary` shows
 * the wait and a failed load.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/** A named export of a feature, loaded on first render. */
// biome-ignore lint/suspicious/noExplicitAny: a component of any props, as React.lazy takes
function screen<C extends ComponentType<any>>(load: () => Promise<C>): LazyExoticComponent<C> {
  return lazy(async () => ({ default: await load() }));
}

const treatment = () => import("../features/treatment/index.ts");
export const Today = screen(() => treatment().then((m) => m.Today));
export const CycleOverview = screen(() => treatment().then((m) => m.CycleOverview));
export const StartCycle = screen(() => treatment().then((m) => m.StartCycle));
export const CycleDetail = screen(() => treatment().then((m) => m.CycleDetail));
export const DoseHistory = screen(() => treatment().then((m) => m.DoseHistory));
export const Supplies = screen(() => treatment().then((m) => m.Supplies));

export const Setup = screen(() => import("../features/journey/index.ts").then((m) => m.Setup));
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
