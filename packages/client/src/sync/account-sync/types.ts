/**
 * The shape of account sync as the screens see it: the snapshot (account,
 * vault, sync status), the views of devices, members and invites, and every
 * flow a person starts. Types only; `../account-sync.ts` builds the object.
 */
import type { NewRecoveryKey, SafetyCode } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { InviteStatus, Role } from "@trellis/sync";
import type { AttachmentVault } from "../../attachments/receipts.ts";
import type { Circles } from "../../circles/types.ts";
import type { TrellisClient } from "../../client.ts";
import type { SyncFailure } from "../api.ts";
import type { BackoffOptions, SyncClock, SyncStatus } from "../engine.ts";
import type { WireIdentity } from "../sharing.ts";
import type { SignOutProbeStore } from "../signout-probe.ts";
import type { Transport } from "../transport.ts";

export interface AccountView {
  readonly serverUrl: string;
  readonly accountId: string;
  readonly username: string;
  readonly deviceName: string;
}

export interface VaultView {
  readonly vaultId: string;
  readonly role: Role;
  /**
   * `waiting`: an invite was accepted; the owner has not compared the safety code and confirmed yet.
   * `verify`: a new device of a member: compare the safety code with the owner again
   * (`safetyCodeWith` the owner from `members()`, then `verifyOwner`) before any key is taken.
   */
  readonly state: "active" | "waiting" | "verify";
  readonly ownerAccountId: string;
  /** Costs, as the owner-signed membership log says; absent until sync has read it. */
  readonly costs?: CostsView;
}

/** Who reads costs in a record vault (`costs-keys.ts`). */
export interface CostsView {
  /** The owner's switch: viewers may read costs. */
  readonly forViewers: boolean;
  /**
   * This device holds the newest costs key: costs recorded now reach it.
   * Always true for the owner and partners once sync has run; for a viewer,
   * only while the owner shows costs to viewers.
   */
  readonly readable: boolean;
}

export interface AccountSyncSnapshot {
  readonly account: AccountView | null;
  readonly vault: VaultView | null;
  /** The engine's status while it runs; null without an active vault. */
  readonly status: SyncStatus | null;
  /**
   * The server said this device's sign-in has ended (unused too long, too
   * old, or signed out from another device). Nothing syncs until the person
   * signs in again; what they record meanwhile waits here, none of it lost.
   * Absent otherwise.
   */
  readonly signInNeeded?: true;
  /**
   * Another device of the account signed this one out ("I lost my phone"),
   * so this device erased everything it held: record, keys, account. The app
   * says so and starts again. Absent otherwise.
   */
  readonly erasedElsewhere?: true;
}

export interface MemberView {
  readonly accountId: string;
  readonly role: Role;
  readonly status: "pending" | "active";
  readonly joinedAt: string;
  readonly isMe: boolean;
  readonly publicIdentity: WireIdentity;
  /**
   * On the owner's devices only: an active member the membership log does
   * not pin (confirmed before the log existed). Compare the safety code
   * again and `confirmMember`; until then a rotation stops with
   * `member-not-verified` and their signed entries are held.
   */
  readonly needsCompare?: true;
}

/** An invite the owner made, and where it stands. */
export interface InviteView {
  readonly inviteId: string;
  readonly role: "partner" | "viewer";
  readonly status: InviteStatus;
  /** ISO instants. */
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface DeviceView {
  readonly sessionId: string;
  readonly deviceName: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly current: boolean;
}

export type Outcome<T> = Promise<Result<T, SyncFailure>>;

export interface AccountSync {
  readonly snapshot: AccountSyncSnapshot;
  subscribe(listener: () => void): () => void;
  /** A new recovery key, shown to the person (and saved by them) before `createAccount`. */
  newRecoveryKey(): NewRecoveryKey;
  /** Creates an account; the record on this device (if any) becomes its vault and starts syncing. */
  createAccount(input: {
    serverUrl: string;
    username: string;
    password: string;
    deviceName: string;
    recovery: NewRecoveryKey;
  }): Outcome<void>;
  /** Signs in on this device and brings the account's journey here. */
  signIn(input: {
    serverUrl: string;
    username: string;
    password: string;
    deviceName: string;
  }): Outcome<void>;
  /** A new password from the recovery key; other devices are signed out. */
  recover(input: {
    serverUrl: string;
    username: string;
    recoveryKeyText: string;
    newPassword: string;
    deviceName: string;
  }): Outcome<void>;
  /** Needs the current password (the server asks for a fresh proof): `wrong-password` if it is not. */
  changePassword(input: {
    currentPassword: string;
    newPassword: string;
    signOutOthers: boolean;
  }): Outcome<void>;
  devices(): Outcome<DeviceView[]>;
  /**
   * Signs a device out. Another device of the account then erases what it
   * holds when it next reaches the server or starts; when this account owns
   * the vault, the vault also moves to a new key (at once, or at the next
   * round when the server cannot be reached), so entries written afterwards
   * never open with a key that device held.
   */
  signOutDevice(sessionId: string): Outcome<void>;
  /** Signs this device out; the record stays here. */
  signOut(): Outcome<void>;
  /** Needs the name typed again and the current password: `wrong-password` if it is not. */
  deleteAccount(input: { confirmUsername: string; password: string }): Outcome<void>;
  createInvite(
    role: "partner" | "viewer",
    origin: string,
  ): Outcome<{ link: string; expiresAt: string }>;
  /** The owner's invites for this record, newest first. */
  invites(): Outcome<InviteView[]>;
  /** Withdraws an invite not yet used (owner only): its link stops working. */
  revokeInvite(inviteId: string): Outcome<void>;
  /** Accepts an invite link's fragment; returns the code to compare with the owner. */
  acceptInvite(fragment: string): Outcome<{ role: Role; safetyCode: SafetyCode }>;
  members(): Outcome<MemberView[]>;
  /** The digits to compare with someone (a quarter of a second of work). */
  safetyCodeWith(member: { publicIdentity: WireIdentity }): Result<SafetyCode, SyncFailure>;
  /**
   * After comparing the code: pins the keys the code shown was made from
   * (`safetyCodeWith` must have been asked first, else `compare-first`) in
   * the owner-signed membership log, and seals the vault key to them. If the
   * server now gives other keys: `safety-code-changed` (params `accountId`,
   * `role`), nothing sealed.
   */
  confirmMember(accountId: string): Outcome<void>;
  /** A new device of a member, after comparing the code with the owner again: trusts that key. */
  verifyOwner(): Outcome<void>;
  /**
   * The verified author (account id) of an entry this device received from
   * the server, from its signature and the membership log; null for entries
   * written on this device (the reader's own) and for ones not received yet.
   */
  authorOf(eventId: string): string | null;
  /**
   * The owner's switch (owner only): show costs to viewers, earlier ones
   * too, or stop. Off, the vault moves to a new costs key viewers never
   * get: costs recorded from then on are not theirs to read, while what
   * already reached their devices stays there.
   */
  setCostsForViewers(show: boolean): Outcome<void>;
  /** Removes someone; the vault moves to a new key they never get. */
  removeMember(accountId: string): Outcome<void>;
  /** Leaves someone else's vault; what is on this device stays. */
  leaveVault(): Outcome<void>;
  /**
   * Circles this account owns or reads (`circles/types.ts`): each a vault
   * of kind `circle` with its own key. A reader without an account joins
   * with `circles.join`, which makes one.
   */
  readonly circles: Circles;
  /**
   * The record vault's sealed attachments (cost receipts), for this
   * account's session now; null without an account or an active vault.
   */
  recordAttachments(): AttachmentVault | null;
  /** Try now (e.g. the browser is back online). */
  nudge(): void;
  /** Checks for the owner's confirmation now, while waiting (the screen also polls). */
  checkGrant(): Outcome<boolean>;
  close(): Promise<void>;
}

export interface AccountSyncOptions {
  readonly client: TrellisClient;
  /** A transport to the server at `serverUrl`. */
  readonly connect: (serverUrl: string) => Transport;
  readonly clock?: SyncClock;
  /** Listen to the server's live stream (default true). */
  readonly live?: boolean;
  readonly backoff?: BackoffOptions;
  /** How often a device waiting for the owner's confirmation asks again (default 3 s). */
  readonly grantPollMs?: number;
  /** How often circles are pulled while a screen listens to them (default 30 s; none with `live: false`). */
  readonly circlePollMs?: number;
  readonly now?: () => number;
  /** Entries between snapshots (default `SNAPSHOT_EVERY`, 5,000; tests use fewer). */
  readonly snapshotEvery?: number;
  /**
   * Where the sign-out probe is kept (`signout-probe.ts`): written whenever
   * the account is saved, cleared when it goes. Default: in memory only (the
   * app passes `indexedDbSignOutProbe()`).
   */
  readonly probe?: SignOutProbeStore;
  /**
   * Called after this device erased itself because another device signed it
   * out: forget every database (the app closes the client, then
   * `forgetThisDevice`). Default: nothing more.
   */
  readonly forgetDevice?: () => Promise<void>;
}
