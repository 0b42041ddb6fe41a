import type { ComponentType } from "react";
import { Route, Switch } from "wouter";
import { routes } from "./routes.ts";
import {
  AcceptInviteScreen,
  ChangePasswordScreen,
  CreateAccountScreen,
  DeleteAccountScreen,
  DevicesScreen,
  InviteScreen,
  MembersScreen,
  RecoverScreen,
  SignInScreen,
} from "./screens.tsx";

/** Account and sharing screens, inside the app once there is a record. */
export const accountRoutes: readonly { path: string; component: ComponentType }[] = [
  { path: routes.account.create, component: CreateAccountScreen },
  { path: routes.account.signIn, component: SignInScreen },
  { path: routes.account.recover, component: RecoverScreen },
  { path: routes.account.devices, component: DevicesScreen },
  { path: routes.account.password, component: ChangePasswordScreen },
  { path: routes.account.delete, component: DeleteAccountScreen },
  { path: routes.sharing.invite, component: InviteScreen },
  { path: routes.sharing.members, component: MembersScreen },
  { path: routes.sharing.accept, component: AcceptInviteScreen },
];

/** Screens that also work before this device has a record: a new device, or an invite link. */
const beforeRecord: readonly string[] = [
  routes.account.signIn,
  routes.account.recover,
  routes.account.create,
  routes.sharing.accept,
];

export function opensBeforeRecord(location: string): boolean {
  return beforeRecord.includes(location);
}

/** Those screens on their own, without the app's navigation (like set-up). */
export function BeforeRecordRoutes() {
  return (
    <Switch>
      {accountRoutes
        .filter((r) => beforeRecord.includes(r.path))
        .map((r) => (
          <Route key={r.path} path={r.path} component={r.component} />
        ))}
    </Switch>
  );
}
