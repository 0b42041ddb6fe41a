/**
 * Account (optional, end-to-end encrypted sync): create, sign in, recover,
 * devices, password, delete. The shell routes to the screens; set-up offers
 * sign-in; Settings mounts the account section; sharing reuses the frame,
 * the create and sign-in flows when someone opens an invite, and the way a
 * screen calls the sync client through a form (`callAccount`, `useSyncList`).
 */
export { AccountSync } from "./AccountSync.tsx";
export { ChangePasswordScreen } from "./ChangePassword.tsx";
export { CreateAccountFlow, CreateAccountScreen } from "./CreateAccount.tsx";
export { callAccount, useSyncList } from "./calls.ts";
export { DeleteAccountScreen } from "./DeleteAccount.tsx";
export { DevicesScreen } from "./Devices.tsx";
export { Frame } from "./Frame.tsx";
export { RecoverScreen } from "./Recover.tsx";
export { SignInForm, SignInScreen } from "./SignIn.tsx";
export { SignInOffer } from "./SignInOffer.tsx";
