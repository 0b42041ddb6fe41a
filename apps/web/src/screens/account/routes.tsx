import type { ComponentType } from "react";
import { Route, Switch } from "wouter";
import { AcceptInviteScreen } from "../sharing/AcceptInvite.tsx";
import { InviteScreen } from "../sharing/Invite.tsx";
import { MembersScreen } from "../sharing/Members.tsx";
import { ChangePasswordScreen } from "./ChangePassword.tsx";
import { CreateAccountScreen } from "./CreateAccount.tsx";
import { DeleteAccountScreen } from "./DeleteAccount.tsx";
import { DevicesScreen } from "./Devices.tsx";
import { RecoverScreen } from "./Recover.tsx";
import { SignInScreen } from "./SignIn.tsx";

/** Account and sharing screens, inside the app once there is a record. */
export const accountRoutes: readonly { path: string; component: ComponentType }[] = [
  { path: "/account/create", component: CreateAccountScreen },
  { path: "/account/sign-in", component: SignInScreen },
  { path: "/account/recover", component: RecoverScreen },
  { path: "/account/devices", component: DevicesScreen },
  { path: "/account/password", component: ChangePasswordScreen },
  { path: "/account/delete", component: DeleteAccountScreen },
  { path: "/sharing/invite", component: InviteScreen },
  { path: "/sharing/members", component: MembersScreen },
  { path: "/invite", component: AcceptInviteScreen },
];

/** Screens that also work before this device has a record: a new device, or an invite link. */
const beforeRecord = ["/account/sign-in", "/account/recover", "/account/create", "/invite"];

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
