/**
 * A circle's state from its entries, in the order they reached the server
 * (`seq`). Pure: the device has already opened each entry, checked its
 * signature and named its author from the owner-signed membership log; the
 * fold decides only what applies:
 *
 * - from an author the log does not pin, or who was removed before the entry
 *   reached the server (`seq > removedUpToSeq`): nothing;
 * - from the owner or a partner: everything;
 * - from a member (`viewer`): replies and reactions only, and only where the
 *   post allowed them at that point (a later switch does not let an earlier
 *   one in);
 * - a post taken back is gone, with its replies and reactions;
 * - each member has at most one reaction per post (the latest; `null` takes
 *   it back).
 */
import {
  type CircleEntry,
  type CircleReaction,
  memberEntryKinds,
  type PhotoRef,
  type SharedRemembrance,
  type StatusTemplate,
} from "./entries.ts";

export type CircleRole = "owner" | "partner" | "viewer";

/** Someone the membership log pins, as the fold needs them. */
export interface CircleMemberPin {
  readonly role: CircleRole;
  /** Set once removed: their entries after this seq do not apply. */
  readonly removedUpToSeq?: number;
}

/** An opened, signature-checked entry: who wrote it (account id) and when it reached the server. */
export interface CircleEntryIn {
  readonly seq: number;
  readonly author: string;
  readonly entry: CircleEntry;
}

export interface FoldedReply {
  readonly replyId: string;
  readonly seq: number;
  readonly author: string;
  readonly text: string;
  readonly at: string;
}

export interface FoldedPost {
  readonly postId: string;
  readonly seq: number;
  readonly author: string;
  readonly text: string;
  readonly photo?: PhotoRef;
  readonly remembrance?: SharedRemembrance;
  readonly postedAt: string;
  readonly editedAt?: string;
  readonly replies: boolean;
  readonly reactions: boolean;
  readonly replyList: readonly FoldedReply[];
  /** By member account id: their one reaction and the seq it arrived at. */
  readonly reactionsBy: ReadonlyMap<
    string,
    { readonly reaction: CircleReaction; readonly seq: number }
  >;
}

export interface CircleState {
  readonly name: string | null;
  readonly status: {
    readonly text: string;
    readonly template: StatusTemplate;
    readonly setAt: string;
  } | null;
  readonly helpNote: { readonly text: string; readonly setAt: string } | null;
  /** The owner's names for members, by account id, still sealed under the label key. */
  readonly labels: ReadonlyMap<string, { readonly labelId: string; readonly sealed: string }>;
  /** Grants of the owner's label key (to the owner), oldest first. */
  readonly labelKeys: readonly string[];
  /** Oldest first (by seq); taken-back posts are not here. */
  readonly posts: readonly FoldedPost[];
  /** Post ids taken back (a post with one of these ids never comes back). */
  readonly takenBack: ReadonlySet<string>;
  /** The highest seq folded. */
  readonly upToSeq: number;
}

export const emptyCircleState: CircleState = {
  name: null,
  status: null,
  helpNote: null,
  labels: new Map(),
  labelKeys: [],
  posts: [],
  takenBack: new Set(),
  upToSeq: 0,
};

/** Whether `author` may have written an entry of this kind that reached the server at `seq`. */
function allowed(
  members: ReadonlyMap<string, CircleMemberPin>,
  { author, seq, entry }: CircleEntryIn,
): boolean {
  const pin = members.get(author);
  if (!pin) return false;
  if (pin.removedUpToSeq !== undefined && seq > pin.removedUpToSeq) return false;
  return pin.role !== "viewer" || memberEntryKinds.includes(entry.kind);
}

interface MutablePost extends Omit<FoldedPost, "replyList" | "reactionsBy"> {
  replyList: FoldedReply[];
  reactionsBy: Map<string, { reaction: CircleReaction; seq: number }>;
}

/** Folds `entries` (any order: they are sorted by seq; a seq twice counts once). */
export function foldCircle(
  entries: readonly CircleEntryIn[],
  members: ReadonlyMap<string, CircleMemberPin>,
): CircleState {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let name: string | null = null;
  let status: CircleState["status"] = null;
  let helpNote: CircleState["helpNote"] = null;
  const labels = new Map<string, { labelId: string; sealed: string }>();
  const labelKeys: string[] = [];
  const posts = new Map<string, MutablePost>();
  const takenBack = new Set<string>();
  const replyIds = new Set<string>();
  let upToSeq = 0;
  for (const item of sorted) {
    if (item.seq <= upToSeq) continue;
    upToSeq = item.seq;
    if (!allowed(members, item)) continue;
    const { entry, author, seq } = item;
    const writer = members.get(author)!.role !== "viewer";
    switch (entry.kind) {
      case "name":
        name = entry.name;
        break;
      case "status":
        status = { text: entry.text, template: entry.template, setAt: entry.at };
        break;
      case "status-clear":
        status = null;
        break;
      case "help-note":
        helpNote = { text: entry.text, setAt: entry.at };
        break;
      case "label":
        labels.set(entry.accountId, { labelId: entry.labelId, sealed: entry.sealed });
        break;
      case "label-key":
        labelKeys.push(entry.grant);
        break;
      case "post": {
        if (posts.has(entry.postId) || takenBack.has(entry.postId)) break;
        posts.set(entry.postId, {
          postId: entry.postId,
          seq,
          author,
          text: entry.text,
          ...(entry.photo && { photo: entry.photo }),
          ...(entry.remembrance && { remembrance: entry.remembrance }),
          postedAt: entry.at,
          replies: entry.replies,
          reactions: entry.reactions,
          replyList: [],
          reactionsBy: new Map(),
        });
        break;
      }
      case "edit": {
        const post = posts.get(entry.postId);
        if (!post) break;
        posts.set(entry.postId, {
          ...post,
          ...(entry.text !== undefined && { text: entry.text }),
          ...(entry.replies !== undefined && { replies: entry.replies }),
          ...(entry.reactions !== undefined && { reactions: entry.reactions }),
          editedAt: entry.at,
        });
        break;
      }
      case "take-back":
        posts.delete(entry.postId);
        takenBack.add(entry.postId);
        break;
      case "reply": {
        const post = posts.get(entry.postId);
        if (!post || replyIds.has(entry.replyId) || !(writer || post.replies)) break;
        replyIds.add(entry.replyId);
        post.replyList.push({
          replyId: entry.replyId,
          seq,
          author,
          text: entry.text,
          at: entry.at,
        });
        break;
      }
      case "reaction": {
        const post = posts.get(entry.postId);
        if (!post) break;
        // Taking one's own reaction back is always allowed; a new one only where the post allows it.
        if (entry.reaction === null) post.reactionsBy.delete(author);
        else if (writer || post.reactions) {
          post.reactionsBy.set(author, { reaction: entry.reaction, seq });
        }
        break;
      }
    }
  }
  return {
    name,
    status,
    helpNote,
    labels,
    labelKeys,
    posts: [...posts.values()].sort((a, b) => a.seq - b.seq),
    takenBack,
    upToSeq,
  };
}

/** How many of each reaction a post has. */
export function reactionCounts(post: FoldedPost): Partial<Record<CircleReaction, number>> {
  const counts: Partial<Record<CircleReaction, number>> = {};
  for (const { reaction } of post.reactionsBy.values()) {
    counts[reaction] = (counts[reaction] ?? 0) + 1;
  }
  return counts;
}
