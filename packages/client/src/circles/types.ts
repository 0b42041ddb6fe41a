/**
 * Circles as the screens see them: groups such as "Parents" or "Work" that
 * hear news only when the person writes and sends it. Each circle is a vault
 * of kind `circle` with its own key (never the record's); members are
 * viewers who reach that circle and nothing else. Types only: the contract
 * between `@trellis/client` (which implements it) and the web app.
 *
 * Every text here (names, status, posts, replies, the how-to-help note,
 * member labels, photo descriptions) travels only inside sealed, signed
 * entries of the circle vault; photos are sealed attachments whose key
 * rides inside the post.
 */
import type { SafetyCode } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { PreparedPhoto } from "../attachments/index.ts";
import type { SyncFailure } from "../sync/api.ts";

export type Outcome<T> = Promise<Result<T, SyncFailure>>;

/** The kind words the person can pick in one tap; `own` is their own words. */
export type StatusTemplate = "in-treatment" | "taking-a-break" | "distraction" | "own";

/** The reactions a member may leave where a post allows them. No counts of who read what, ever. */
export type CircleReaction = "heart" | "hug" | "thinking-of-you";

export interface CircleStatus {
  readonly text: string;
  readonly template: StatusTemplate;
  /** ISO instant. */
  readonly setAt: string;
}

/** A photo shown in a post: where its sealed bytes are and the key that opens them. */
export interface CirclePhotoRef {
  readonly attachmentId: string;
  /** The attachment's own key, base64url; lives only inside sealed entries. */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  /** The person's words for it (alt text). */
  readonly alt?: string;
}

/** A remembrance shared as a post (a choice the person makes on the remembrance page). */
export interface SharedRemembrance {
  readonly name?: string;
  /** ISO date. */
  readonly date?: string;
  readonly place?: string;
  readonly words?: string;
}

export interface CircleReply {
  readonly replyId: string;
  readonly text: string;
  readonly at: string;
  readonly fromAccountId: string;
  /** The label the owner gave this member, when the viewer is the owner. */
  readonly fromLabel?: string;
  readonly mine: boolean;
}

export interface CirclePost {
  readonly postId: string;
  readonly text: string;
  readonly photo?: CirclePhotoRef;
  readonly remembrance?: SharedRemembrance;
  readonly postedAt: string;
  readonly editedAt?: string;
  /** Off unless the person switched them on for this post. */
  readonly replies: boolean;
  readonly reactions: boolean;
  /** Only replies sent while replies were on, from members still in the circle when sent. */
  readonly replyList: readonly CircleReply[];
  readonly reactionCounts: Readonly<Partial<Record<CircleReaction, number>>>;
  /** This account's own reaction, if any (a member has at most one per post). */
  readonly myReaction?: CircleReaction;
  /** Written by this account (the owner or partner). */
  readonly mine: boolean;
}

export interface CircleView {
  readonly circleId: string;
  readonly name: string;
  readonly role: "owner" | "partner" | "viewer";
  readonly status?: CircleStatus;
  readonly helpNote?: { readonly text: string; readonly setAt: string };
  /** Newest first; posts taken back are gone. */
  readonly posts: readonly CirclePost[];
}

export interface CircleSummary {
  readonly circleId: string;
  readonly name: string;
  readonly role: "owner" | "partner" | "viewer";
  /** A reader whose owner has not let them in yet sees `waiting`. */
  readonly state: "active" | "waiting";
  readonly status?: CircleStatus;
  /** Owner: members waiting to be let in. */
  readonly waiting: number;
  /** Replies, reactions (owner) or posts (reader) since this device last opened the circle. */
  readonly unseen: number;
}

export interface CircleMember {
  readonly accountId: string;
  /** The owner's name for them ("Mum"), sealed in the circle. */
  readonly label?: string;
  readonly role: "owner" | "partner" | "viewer";
  readonly status: "pending" | "active";
  readonly joinedAt: string;
  readonly isMe: boolean;
}

/** A post not yet sent: kept on this device only (never synced, never on the server). */
export interface CircleDraft {
  readonly draftId: string;
  readonly circleIds: readonly string[];
  readonly text: string;
  readonly replies: boolean;
  readonly reactions: boolean;
  readonly remembrance?: SharedRemembrance;
  /** ISO instant. */
  readonly savedAt: string;
}

export interface PostInput {
  /** One post per circle, each sealed under that circle's key. */
  readonly circleIds: readonly string[];
  readonly text: string;
  readonly photo?: PreparedPhoto;
  readonly alt?: string;
  readonly remembrance?: SharedRemembrance;
  readonly replies: boolean;
  readonly reactions: boolean;
}

export interface Circles {
  /** Circles this account owns or reads, by name. Empty without an account. */
  list(): Outcome<CircleSummary[]>;
  create(name: string): Outcome<{ circleId: string }>;
  rename(circleId: string, name: string): Outcome<void>;
  /** Owner: deletes the circle and everything in it, for everyone. */
  deleteCircle(circleId: string): Outcome<void>;
  /** Owner: a one-time link (`/circle#…`), valid seven days. */
  invite(circleId: string, origin: string): Outcome<{ link: string; expiresAt: string }>;
  members(circleId: string): Outcome<CircleMember[]>;
  /** The digits to compare (optional for circles) with a member, or, for a reader, with the owner. */
  safetyCode(circleId: string, accountId: string): Outcome<SafetyCode>;
  /** Owner: lets a waiting member in (seals the circle key to them), naming them for the owner. */
  letIn(circleId: string, accountId: string, label: string): Outcome<void>;
  /** Owner: changes the name the owner sees for a member. */
  relabel(circleId: string, accountId: string, label: string): Outcome<void>;
  /** Owner: removes a member; the circle moves to a new key they never get. */
  removeMember(circleId: string, accountId: string): Outcome<void>;
  /** Everything in the circle this account may see, checked and folded. Marks it seen on this device. */
  open(circleId: string): Outcome<CircleView>;
  setStatus(
    circleId: string,
    status: { readonly text: string; readonly template: StatusTemplate },
  ): Outcome<void>;
  clearStatus(circleId: string): Outcome<void>;
  setHelpNote(circleId: string, text: string): Outcome<void>;
  /** Sends a post to each chosen circle; the photo is sealed and uploaded once per circle. */
  post(input: PostInput): Outcome<{ readonly postIds: Readonly<Record<string, string>> }>;
  editPost(
    circleId: string,
    postId: string,
    change: { readonly text?: string; readonly replies?: boolean; readonly reactions?: boolean },
  ): Outcome<void>;
  /** Takes a post back: members no longer see it; its photo is deleted from the server. */
  takeBack(circleId: string, postId: string): Outcome<void>;
  /** The photo's JPEG bytes, fetched and opened. */
  photo(circleId: string, photo: CirclePhotoRef): Outcome<Uint8Array>;
  /** Members, where the post allows. */
  reply(circleId: string, postId: string, text: string): Outcome<void>;
  react(circleId: string, postId: string, reaction: CircleReaction | null): Outcome<void>;
  /**
   * Joins by a circle link's fragment. Without an account on this device,
   * first makes a reader account: with `username` and `password` a light
   * reader account (usable on other devices), without them a link-only
   * reader whose credentials are made and kept on this device only.
   */
  join(input: {
    readonly serverUrl: string;
    readonly fragment: string;
    readonly deviceName: string;
    readonly username?: string;
    readonly password?: string;
  }): Outcome<{ readonly circleId: string }>;
  /** A reader leaves a circle. */
  leave(circleId: string): Outcome<void>;
  readonly drafts: {
    list(): Promise<CircleDraft[]>;
    save(
      draft: Omit<CircleDraft, "draftId" | "savedAt"> & { draftId?: string },
    ): Promise<CircleDraft>;
    discard(draftId: string): Promise<void>;
  };
  /** Told after any change this device makes or sees. */
  subscribe(listener: () => void): () => void;
}
