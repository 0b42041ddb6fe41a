/** Sharing a record (account sync): invite someone, manage members, accept an invite. */
export { AcceptInviteScreen } from "./AcceptInvite.tsx";
export { CostsNotShared, CostsSharing, useCostsKeptFromMe } from "./CostsSharing.tsx";
export { InviteScreen } from "./Invite.tsx";
export { MembersScreen } from "./Members.tsx";
export { SafetyCode } from "./SafetyCode.tsx";
