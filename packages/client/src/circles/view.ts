/**
 * A folded circle as the screens see it: for the owner with the names they
 * gave members, for anyone else without them; newest posts
 * first; reaction counts and this account's own reaction, never who read
 * what. And how much is new since this device last opened the circle.
 */
import { type FoldedPost, reactionCounts } from "@trellis/domain";
import type { LoadedCircle } from "./log.ts";
import type { CirclePost, CircleView } from "./types.ts";

function postView(post: FoldedPost, labels: ReadonlyMap<string, string>, me: string): CirclePost {
  const mine = post.reactionsBy.get(me)?.reaction;
  return {
    postId: post.postId,
    text: post.text,
    ...(post.photo && { photo: post.photo }),
    ...(post.remembrance && { remembrance: post.remembrance }),
    postedAt: post.postedAt,
    ...(post.editedAt !== undefined && { editedAt: post.editedAt }),
    replies: post.replies,
    reactions: post.reactions,
    replyList: post.replyList.map((r) => {
      const label = labels.get(r.author);
      return {
        replyId: r.replyId,
        text: r.text,
        at: r.at,
        fromAccountId: r.author,
        ...(label !== undefined && { fromLabel: label }),
        mine: r.author === me,
      };
    }),
    reactionCounts: reactionCounts(post),
    ...(mine && { myReaction: mine }),
    mine: post.author === me,
  };
}

export function circleView(loaded: LoadedCircle, me: string): CircleView {
  const { state, circle } = loaded;
  return {
    circleId: circle.circleId,
    name: state.name ?? "",
    role: circle.role,
    ...(state.status && { status: state.status }),
    ...(state.helpNote && { helpNote: state.helpNote }),
    posts: state.posts.map((p) => postView(p, loaded.labels, me)).reverse(),
  };
}

/**
 * What is new since `seen` (the highest seq seen here): for the owner or a
 * partner, replies and reactions from others; for a member, posts.
 */
export function unseenCount(loaded: LoadedCircle, me: string, seen: number): number {
  let n = 0;
  for (const post of loaded.state.posts) {
    if (loaded.circle.role === "viewer") {
      if (post.seq > seen && post.author !== me) n += 1;
      continue;
    }
    for (const r of post.replyList) if (r.seq > seen && r.author !== me) n += 1;
    for (const [who, r] of post.reactionsBy) if (r.seq > seen && who !== me) n += 1;
  }
  return n;
}
