/**
 * Posts and what members send back: a post to one or more circles, each
 * sealed under that circle's key (a photo sealed under a fresh key of its
 * own and stored once per circle, its key inside the post); edits; taking
 * a post back (its photo deleted from the server); opening a photo; and a
 * member's reply or reaction, sent only where the post allows it (the fold
 * on every device would leave anything else out anyway).
 */
import { AttachmentKey, openAttachment, sealAttachment } from "@trellis/crypto";
import type { CircleEntryInput, PhotoRef } from "@trellis/domain";
import { type CircleContext, done, fail } from "./context.ts";
import { loadCircle } from "./log.ts";
import type { Circles } from "./types.ts";
import { appendEntry, circleFor, inputFailure } from "./write.ts";

type PostFlows = Pick<Circles, "post" | "editPost" | "takeBack" | "photo" | "reply" | "react">;

export function postFlows(ctx: CircleContext): PostFlows {
  const at = () => new Date(ctx.now()).toISOString();

  /** A writer's (owner's or partner's) circle and its current fold. */
  async function writable(circleId: string) {
    const found = await circleFor(ctx, circleId);
    if (!found.ok) return found;
    if (found.value.circle.role === "viewer") return fail("forbidden");
    return found;
  }

  /** A post this account may answer: it is there, and allows what is asked. */
  async function answerable(circleId: string, postId: string, allows: "replies" | "reactions") {
    const found = await circleFor(ctx, circleId);
    if (!found.ok) return found;
    const loaded = await loadCircle(ctx, found.value.me, found.value.circle);
    if (!loaded.ok) return loaded;
    const post = loaded.value.state.posts.find((p) => p.postId === postId);
    if (!post) return fail("not-found");
    if (found.value.circle.role === "viewer" && !post[allows]) return fail(`${allows}-off`);
    return { ok: true as const, value: { ...found.value, circle: loaded.value.circle } };
  }

  return {
    async post(input) {
      const text = input.text.trim();
      if (input.circleIds.length === 0) return inputFailure("circleIds", "no circle chosen");
      if (!text && !input.photo && !input.remembrance) return inputFailure("text", "empty");
      const postIds: Record<string, string> = {};
      for (const circleId of new Set(input.circleIds)) {
        const found = await writable(circleId);
        if (!found.ok) return found;
        const { me, circle } = found.value;
        const postId = crypto.randomUUID();
        let photo: PhotoRef | undefined;
        if (input.photo) {
          // One copy per circle, each under its own key: taking one back leaves the others.
          const attachmentId = crypto.randomUUID();
          const { key, sealed } = sealAttachment(attachmentId, input.photo.bytes);
          const put = await ctx.call((api, token) =>
            api.putAttachment(token, circleId, attachmentId, sealed),
          );
          if (!put.ok) return put;
          photo = {
            attachmentId,
            key: AttachmentKey.encode(key),
            width: input.photo.width,
            height: input.photo.height,
            ...(input.alt?.trim() && { alt: input.alt.trim() }),
          };
        }
        const entry: CircleEntryInput = {
          kind: "post",
          postId,
          text,
          ...(photo && { photo }),
          ...(input.remembrance && { remembrance: input.remembrance }),
          replies: input.replies,
          reactions: input.reactions,
          at: at(),
        };
        const appended = await appendEntry(ctx, me, circle, entry);
        if (!appended.ok) {
          if (photo) {
            const id = photo.attachmentId;
            await ctx.call((api, token) => api.deleteAttachment(token, circleId, id));
          }
          return appended;
        }
        postIds[circleId] = postId;
      }
      return { ok: true, value: { postIds } };
    },

    async editPost(circleId, postId, change) {
      const found = await writable(circleId);
      if (!found.ok) return found;
      if (
        change.text === undefined &&
        change.replies === undefined &&
        change.reactions === undefined
      ) {
        return done;
      }
      const loaded = await loadCircle(ctx, found.value.me, found.value.circle);
      if (!loaded.ok) return loaded;
      const post = loaded.value.state.posts.find((p) => p.postId === postId);
      if (!post) return fail("not-found");
      if (change.text !== undefined && !change.text.trim() && !post.photo && !post.remembrance) {
        return inputFailure("text", "empty");
      }
      return appendEntry(ctx, found.value.me, loaded.value.circle, {
        kind: "edit",
        postId,
        ...(change.text !== undefined && { text: change.text.trim() }),
        ...(change.replies !== undefined && { replies: change.replies }),
        ...(change.reactions !== undefined && { reactions: change.reactions }),
        at: at(),
      });
    },

    async takeBack(circleId, postId) {
      const found = await writable(circleId);
      if (!found.ok) return found;
      const loaded = await loadCircle(ctx, found.value.me, found.value.circle);
      if (!loaded.ok) return loaded;
      const post = loaded.value.state.posts.find((p) => p.postId === postId);
      const taken = await appendEntry(ctx, found.value.me, loaded.value.circle, {
        kind: "take-back",
        postId,
        at: at(),
      });
      if (!taken.ok) return taken;
      const photoId = post?.photo?.attachmentId;
      if (photoId) {
        const removed = await ctx.call((api, token) =>
          api.deleteAttachment(token, circleId, photoId),
        );
        if (!removed.ok && removed.error.reason !== "not-found") return removed;
      }
      return done;
    },

    async photo(circleId, ref) {
      const found = await circleFor(ctx, circleId);
      if (!found.ok) return found;
      const key = AttachmentKey.decode(ref.key);
      if (!key.ok) return fail("decrypt-failure");
      const got = await ctx.call((api, token) =>
        api.getAttachment(token, circleId, ref.attachmentId),
      );
      if (!got.ok) return got;
      const opened = openAttachment(ref.attachmentId, key.value, got.value);
      return opened.ok ? opened : fail(opened.error.reason);
    },

    async reply(circleId, postId, text) {
      const found = await answerable(circleId, postId, "replies");
      if (!found.ok) return found;
      return appendEntry(ctx, found.value.me, found.value.circle, {
        kind: "reply",
        postId,
        replyId: crypto.randomUUID(),
        text,
        at: at(),
      });
    },

    async react(circleId, postId, reaction) {
      const found =
        reaction === null
          ? await circleFor(ctx, circleId)
          : await answerable(circleId, postId, "reactions");
      if (!found.ok) return found;
      return appendEntry(ctx, found.value.me, found.value.circle, {
        kind: "reaction",
        postId,
        reaction,
        at: at(),
      });
    },
  };
}
